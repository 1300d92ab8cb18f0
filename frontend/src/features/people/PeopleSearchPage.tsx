import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError, PersonHit } from '../../lib/types';
import { date, PERSON_KINDS, STAGES } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RestrictedTag } from '../../components/Warnings';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';

const FIELDS: Field[] = [
  { kind: 'text', name: 'q', label: 'Name', hint: 'First, last or other names. Names that sound alike are found too.' },
  { kind: 'date', name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 14 5 2017.' },
  { kind: 'text', name: 'nhsNumber', label: 'NHS number', hint: '10 digits.' },
];

type Search = { q?: string; dateOfBirth?: string; nhsNumber?: string };

export function PeopleSearchPage() {
  usePageTitle('Find a person');
  const [values, setValues] = useState<Search>({});
  const [search, setSearch] = useState<Search | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const hits = useQuery({
    queryKey: ['people', search], enabled: search !== null, queryFn: async () => {
      try {
        const found = await api.people(search!);
        setErrors([]);
        return found;
      } catch (e) {
        setErrors(e instanceof ApiError && e.errors.length ? e.errors : [{ field: 'q', message: 'could not be searched. Try again.' }]);
        return [];
      }
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.q?.trim() && !values.dateOfBirth && !values.nhsNumber?.trim()) {
      setErrors([{ field: 'q', message: 'is needed, or a date of birth or an NHS number' }]);
      return;
    }
    setSearch({ ...values });
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Find a person</h1>
      <form onSubmit={submit} noValidate role="search" aria-label="Find a person">
        <FormFields fields={FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
          change: (path, value) => setValues((v) => set(v, path, value)) }} />
        <button type="submit" className="govuk-button">Search</button>
      </form>
      {hits.isFetching && <p className="govuk-body">Searching…</p>}
      {search && hits.data && !hits.isFetching && <Results hits={hits.data} />}
    </>
  );
}

function Results({ hits }: { hits: PersonHit[] }) {
  if (!hits.length) return <p className="govuk-body" role="status">No one found. Check the spelling, or search by date of birth.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{hits.length === 1 ? '1 person found' : `${hits.length} people found`}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">Name</th>
        <th scope="col" className="govuk-table__header">Date of birth</th>
        <th scope="col" className="govuk-table__header">Open case</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {hits.map((h, i) => (
          <tr className="govuk-table__row" key={h.person.personId ?? `restricted-${i}`}>
            {h.restricted && !h.person.personId ? (
              <>
                <td className="govuk-table__cell">{h.person.firstName} {h.person.lastName}</td>
                <td className="govuk-table__cell" colSpan={2}><RestrictedTag /></td>
              </>
            ) : (
              <>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/people/${h.person.personId}`}>{h.person.firstName} {h.person.lastName}</Link>
                  {h.restricted && <> <RestrictedTag /></>}
                  <span className="govuk-hint govuk-!-margin-bottom-0 casepath-block">{PERSON_KINDS[h.person.kind] ?? ''}
                    {h.person.childNumber ? ` · ${h.person.childNumber}` : ''}</span>
                </td>
                <td className="govuk-table__cell">{h.person.dateOfBirth ? date(h.person.dateOfBirth)
                  : h.person.expectedDateOfBirth ? `Expected ${date(h.person.expectedDateOfBirth)}` : 'Not recorded'}</td>
                <td className="govuk-table__cell">{h.openCase
                  ? <><Link className="govuk-link" to={`/cases/${h.openCase.caseId}`}>{h.openCase.reference}</Link> – {STAGES[h.openCase.stage] ?? 'Open'}</>
                  : 'None'}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
