import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { fullName } from './PersonPage';

const RESTRICT: Field[] = [
  { kind: 'text', name: 'reason', label: 'Why the record is restricted', long: true,
    hint: 'For example, a member of staff or their family, a high-profile child, an adoption.' },
  { kind: 'list', name: 'allowedUsers', label: 'Who may see the record', item: 'username',
    hint: 'The usernames of the staff who may see their cases and tasks. You may too.' },
];
const LIFT: Field[] = [{ kind: 'text', name: 'liftReason', label: 'Why the restriction is lifted', long: true }];

/** A service manager restricts a record to named staff, or lifts the restriction; both are recorded. */
export function RestrictionPage() {
  const { personId = '' } = useParams();
  usePageTitle('Restrict the record');
  const navigate = useNavigate();
  const client = useQueryClient();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.person(personId) });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (person.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!person.data) return <h1 className="govuk-heading-l">Person not found</h1>;

  const fail = (e: unknown) => setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
    : [{ field: 'form', message: 'could not be sent. Try again.' }]);

  async function restrict(event: FormEvent) {
    event.preventDefault();
    try {
      await api.restrict(personId, { reason: values.reason as string, allowedUsers: (values.allowedUsers as string[] | undefined) ?? [] });
      await client.invalidateQueries();
      navigate(`/people/${personId}`, { state: { done: 'The record is restricted.' } });
    } catch (e) { fail(e); }
  }

  async function lift(event: FormEvent) {
    event.preventDefault();
    try {
      await api.liftRestriction(personId, (values.liftReason as string) ?? '');
      await client.invalidateQueries();
      navigate(`/people/${personId}`, { state: { done: 'The restriction is lifted.' } });
    } catch (e) {
      const problem = e instanceof ApiError && e.errors.length ? e.errors.map((x) => (x.field === 'reason' ? { ...x, field: 'liftReason' } : x)) : null;
      if (problem) setErrors(problem); else fail(e);
    }
  }

  const state = { values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
    change: (path: string, value: unknown) => setValues((v) => set(v, path, value)) };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{fullName(person.data)}</span>
        <h1 className="govuk-heading-l">Restrict the record</h1>
        <p className="govuk-body">Only the staff named, and you, will see their cases and tasks. Searches show everyone else the name only.</p>
        <form onSubmit={restrict} noValidate>
          <FormFields fields={RESTRICT} state={state} />
          <button type="submit" className="govuk-button">Restrict the record</button>
        </form>
        <h2 className="govuk-heading-m">Lift a restriction</h2>
        <form onSubmit={lift} noValidate>
          <FormFields fields={LIFT} state={state} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--secondary">Lift the restriction</button>
            <Link className="govuk-link" to={`/people/${personId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
