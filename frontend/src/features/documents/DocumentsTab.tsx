import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, documentUrl } from '../../lib/api';
import type { CaseDocument } from '../../lib/types';
import { date, DOCUMENT_CATEGORIES, DOCUMENT_KINDS, fileSize, fileType } from '../../lib/words';
import { useWorkerNames } from '../../components/useWorkerNames';
import { inGroup, useSession } from '../auth/session';

/** What a document is, in words: its category for an upload, its kind for one Casepath wrote. */
export function whatItIs(d: CaseDocument): string {
  if (d.generated) return (d.kind && DOCUMENT_KINDS[d.kind]) || 'Written by Casepath';
  return (d.category && DOCUMENT_CATEGORIES[d.category]) || 'Other';
}

/** Newest first: by the document's own date, then by when it was added. */
const newestFirst = (a: CaseDocument, b: CaseDocument) =>
  b.documentDate.localeCompare(a.documentDate) || b.addedAt.localeCompare(a.addedAt);

export const documentsKey = (caseId: string) => ['documents', caseId];

/** The case's documents, uploads and what Casepath wrote together, each a download link; a way to add one and to print the chronology. */
export function DocumentsTab({ caseId }: { caseId: string }) {
  const documents = useQuery({ queryKey: documentsKey(caseId), queryFn: () => api.documents(caseId) });
  const nameOf = useWorkerNames();
  const serviceManager = inGroup(useSession().me, 'service-managers');
  const listed = (documents.data ?? []).filter((d) => !d.withdrawnAt).sort(newestFirst);

  return (
    <>
      <h2 className="govuk-heading-m">Documents</h2>
      <p className="govuk-body">
        <Link className="govuk-button govuk-!-margin-bottom-0" draggable={false} to={`/cases/${caseId}/documents/upload`}>
          Add a document
        </Link>
      </p>
      {documents.isLoading && <p className="govuk-body">Loading…</p>}
      {documents.isError && <p className="govuk-body">The documents could not be loaded. Try again later.</p>}
      {documents.data && listed.length === 0 && (
        <p className="govuk-body">No documents yet. Reports and letters added to the case, and the letters and plans Casepath writes, are listed here.</p>
      )}
      {listed.length > 0 && (
        <table className="govuk-table casepath-stack">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">The case’s documents, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Document</th>
              <th scope="col" className="govuk-table__header">What it is</th>
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Added by</th>
              <th scope="col" className="govuk-table__header">Size</th>
              {serviceManager && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {listed.map((d) => (
              <tr className="govuk-table__row" key={d.documentId} data-document={d.documentId}>
                <th scope="row" className="govuk-table__header">
                  <a className="govuk-link" href={documentUrl(d.documentId)}>
                    {d.title}<span className="govuk-visually-hidden">, {fileType(d.mediaType)}, {fileSize(d.size)}</span>
                  </a>
                  {!d.generated && d.scanStatus === 'NOT_SCANNED' && (
                    <span className="govuk-hint govuk-body-s casepath-block govuk-!-margin-bottom-0">Not scanned for viruses</span>
                  )}
                </th>
                <td className="govuk-table__cell" data-label="What it is">{whatItIs(d)}</td>
                <td className="govuk-table__cell" data-label="Date">{date(d.documentDate)}</td>
                <td className="govuk-table__cell" data-label="Added by">
                  {d.generated ? 'Written by Casepath' : nameOf(d.addedBy)}
                  <span className="govuk-hint govuk-body-s casepath-block govuk-!-margin-bottom-0">{date(d.addedAt)}</span>
                </td>
                <td className="govuk-table__cell" data-label="Size">{fileType(d.mediaType)}, {fileSize(d.size)}</td>
                {serviceManager && (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/cases/${caseId}/documents/${d.documentId}/withdraw`}>
                      Withdraw<span className="govuk-visually-hidden"> {d.title}</span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PrintChronology caseId={caseId} />
    </>
  );
}

/** Writes the chronology (all of it, or its significant events) as a PDF on the case, then offers it. */
function PrintChronology({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const [state, setState] = useState<{ working?: boolean; printed?: CaseDocument; significantOnly?: boolean; error?: string }>({});

  async function print(significantOnly: boolean) {
    if (state.working) return;
    setState({ working: true, significantOnly });
    try {
      const printed = await api.printChronology(caseId, significantOnly);
      setState({ printed, significantOnly });
      await client.invalidateQueries({ queryKey: documentsKey(caseId) });
    } catch (e) {
      setState({ error: e instanceof ApiError && (e.detail || e.title) ? (e.detail || e.title)
        : 'The chronology could not be written. Try again.' });
    }
  }

  return (
    <section className="govuk-!-margin-top-6" aria-labelledby="print-chronology">
      <h3 className="govuk-heading-s" id="print-chronology">Print the chronology</h3>
      <p className="govuk-body">Casepath writes the chronology as a PDF, for a court bundle or a subject access request, and keeps it with the documents.</p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => print(false)}>
          Print the chronology
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => print(true)}>
          Print the significant events
        </button>
      </div>
      <div aria-live="polite" role="status">
        {state.working && <p className="govuk-body">Writing the {state.significantOnly ? 'significant events' : 'chronology'}…</p>}
        {state.printed && (
          <p className="govuk-body">
            The {state.significantOnly ? 'significant events are' : 'chronology is'} ready:{' '}
            <a className="govuk-link" href={documentUrl(state.printed.documentId)}>
              {state.printed.title} ({fileType(state.printed.mediaType)}, {fileSize(state.printed.size)})
            </a>
          </p>
        )}
      </div>
      {state.error && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {state.error}</p>}
    </section>
  );
}
