import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields } from '../forms/fields';
import { set } from '../forms/paths';
import { CENSUS_FIELDS } from './censusFields';

/** Correcting the child's NHS number, UPN and disabilities after the contact. */
export function ChildDetailsPage() {
  const { caseId = '' } = useParams();
  usePageTitle("Change the child's details");
  const navigate = useNavigate();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const [values, setValues] = useState<Record<string, unknown> | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (view.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!view.data) return <h1 className="govuk-heading-l">Case not found</h1>;
  const child = view.data.child;
  const current = values ?? {
    nhsNumber: child.nhsNumber ?? undefined, upn: child.upn ?? undefined, upnUnknown: child.upnUnknown ?? undefined,
    formerUpn: child.formerUpn ?? undefined, disabilities: child.disabilities ?? undefined,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.correctChild(caseId, current);
      await client.invalidateQueries({ queryKey: ['case', caseId] });
      await client.invalidateQueries({ queryKey: ['chronology', caseId] });
      navigate(`/cases/${caseId}`, { state: { done: "The child's details are saved." } });
    } catch (e) {
      setErrors(e instanceof ApiError ? e.errors : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{child.firstName} {child.lastName}, {child.childNumber}</span>
        <h1 className="govuk-heading-l">Change the child's details</h1>
        <form onSubmit={submit} noValidate>
          <FormFields fields={CENSUS_FIELDS} state={{ values: current,
            errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues(set(current, path, value)) }} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">Save the child's details</button>
            <Link className="govuk-link" to={`/cases/${caseId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
