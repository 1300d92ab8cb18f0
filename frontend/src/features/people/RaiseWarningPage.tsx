import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { WARNING_TYPE_OPTIONS, WARNING_TYPES } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { fullName } from './PersonPage';

const FIELDS: Field[] = [
  { kind: 'choice', name: 'type', label: 'Type of warning', options: WARNING_TYPE_OPTIONS },
  { kind: 'text', name: 'details', label: 'Details', long: true, hint: 'What workers need to know, and what to do.' },
  { kind: 'date', name: 'startsOn', label: 'From', hint: 'For example, 1 12 2026.' },
  { kind: 'date', name: 'reviewOn', label: 'Review by', hint: 'For example, 1 3 2027. A team manager reviews it then.' },
  { kind: 'person', name: 'agreedBy', label: 'Agreed by', group: 'team-managers', hint: 'The team manager who agreed the warning.' },
];

/** Today in the browser's own calendar, YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A warning on a person, agreed by a team manager: shown on every page of their and their family's cases. */
export function RaiseWarningPage() {
  const { personId = '' } = useParams();
  usePageTitle('Raise a warning');
  const navigate = useNavigate();
  const client = useQueryClient();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.person(personId) });
  const [values, setValues] = useState<Record<string, unknown>>(() => ({ startsOn: today() }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (person.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!person.data) return <h1 className="govuk-heading-l">Person not found</h1>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await api.raiseWarning(personId, values);
      await client.invalidateQueries();
      navigate(`/people/${personId}`, { state: { done: `Warning raised: ${WARNING_TYPES[saved?.type ?? values.type as string] ?? 'warning'}.` } });
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{fullName(person.data)}</span>
        <h1 className="govuk-heading-l">Raise a warning</h1>
        <form onSubmit={submit} noValidate>
          <FormFields fields={FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">Raise the warning</button>
            <Link className="govuk-link" to={`/people/${personId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
