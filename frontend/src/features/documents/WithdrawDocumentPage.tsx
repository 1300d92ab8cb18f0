import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { date } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { inGroup, useSession } from '../auth/session';
import { documentsKey, whatItIs } from './DocumentsTab';

const FIELDS: Field[] = [
  { kind: 'text', name: 'reason', label: 'Why are you withdrawing it?', long: true,
    hint: 'For example, it was added to the wrong child’s case. The reason is kept with the document.' },
];

/** A service manager withdraws a document with a reason: it is kept and audited, and no longer listed on the case. */
export function WithdrawDocumentPage() {
  const { caseId = '', documentId = '' } = useParams();
  usePageTitle('Withdraw a document');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, loading } = useSession();
  const documents = useQuery({ queryKey: documentsKey(caseId), queryFn: () => api.documents(caseId) });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const document = documents.data?.find((d) => d.documentId === documentId && !d.withdrawnAt);
  if (documents.isLoading || loading) return <p className="govuk-body">Loading…</p>;
  if (!inGroup(me, 'service-managers')) {
    return <><h1 className="govuk-heading-l">Only a service manager can withdraw a document</h1>
      <p className="govuk-body"><Link className="govuk-link" to={`/cases/${caseId}/documents`}>Back to the documents</Link></p></>;
  }
  if (!document) return <h1 className="govuk-heading-l">Document not found</h1>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const reason = ((values.reason as string | undefined) ?? '').trim();
    if (!reason) {
      setErrors([{ field: 'reason', message: 'is required' }]);
      return;
    }
    try {
      await api.withdrawDocument(documentId, reason);
      await client.invalidateQueries({ queryKey: documentsKey(caseId) });
      navigate(`/cases/${caseId}/documents`, { state: { done: `${document!.title} withdrawn` } });
    } catch (e) {
      setErrors(e instanceof ApiError ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{whatItIs(document)}, {date(document.documentDate)}</span>
        <h1 className="govuk-heading-l">Withdraw {document.title}</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The document will no longer be listed on the case. It is kept, with your reason, for the record.
          </strong>
        </div>
        <form onSubmit={submit} noValidate>
          <FormFields fields={FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning">Withdraw the document</button>
            <Link className="govuk-link" to={`/cases/${caseId}/documents`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
