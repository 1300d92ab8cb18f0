import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError, Person } from '../../lib/types';
import { GENDER_OPTIONS } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { changes } from './corrections';
import { fullName } from './PersonPage';

export const PERSON_FIELDS: Field[] = [
  { kind: 'text', name: 'firstName', label: 'First name' },
  { kind: 'text', name: 'lastName', label: 'Last name' },
  { kind: 'list', name: 'otherNames', label: 'Other names', item: 'other name', hint: 'Names they have been known by.' },
  { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 14 5 1990.' },
  { kind: 'choice', name: 'gender', label: 'Gender', options: GENDER_OPTIONS },
  { kind: 'text', name: 'nhsNumber', label: 'NHS number', hint: '10 digits.' },
  { kind: 'text', name: 'firstLanguage', label: 'First language' },
  { kind: 'yesno', name: 'interpreterNeeded', label: 'Do they need an interpreter?' },
  { kind: 'group', name: 'address', label: 'Address', fields: [
    { kind: 'list', name: 'lines', label: 'Address lines', item: 'line' },
    { kind: 'text', name: 'postcode', label: 'Postcode' },
    { kind: 'yesno', name: 'confidential', label: 'Is the address confidential?', hint: 'A confidential address is kept out of letters and documents.' }] },
  { kind: 'text', name: 'phone', label: 'Phone number' },
  { kind: 'text', name: 'email', label: 'Email address' },
];
const NAMES = ['firstName', 'lastName', 'otherNames', 'dateOfBirth', 'gender', 'nhsNumber', 'firstLanguage', 'interpreterNeeded',
  'address', 'phone', 'email'];

/** Corrections to a person's details: each change is kept in their history. */
export function CorrectPersonPage() {
  const { personId = '' } = useParams();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.person(personId) });
  usePageTitle('Correct their details');
  if (person.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!person.data) return <h1 className="govuk-heading-l">Person not found</h1>;
  return <CorrectForm person={person.data} />;
}

function CorrectForm({ person }: { person: Person }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const original = Object.fromEntries(NAMES.map((n) => [n, (person as unknown as Record<string, unknown>)[n] ?? undefined]));
  const [values, setValues] = useState<Record<string, unknown>>(original);
  const [errors, setErrors] = useState<FieldError[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changed = changes(original, values, NAMES);
    if (!Object.keys(changed).length) {
      setErrors([{ field: 'firstName', message: 'nothing has changed: correct at least one detail' }]);
      return;
    }
    try {
      await api.correctPerson(person.personId, changed);
      await client.invalidateQueries({ queryKey: ['person', person.personId] });
      await client.invalidateQueries({ queryKey: ['person-history', person.personId] });
      navigate(`/people/${person.personId}`, { state: { done: 'The corrections are saved.' } });
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{fullName(person)}</span>
        <h1 className="govuk-heading-l">Correct their details</h1>
        <p className="govuk-body">Each correction is kept in their history, with who made it and when.</p>
        <form onSubmit={submit} noValidate>
          <FormFields fields={PERSON_FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">Save the corrections</button>
            <Link className="govuk-link" to={`/people/${person.personId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
