import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { date, STAGES } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';

const PAGE = 50;

/** Open cases no worker holds, oldest first, with how long each has waited: the managers' list of their own (teams.md). */
export function UnallocatedPage() {
  usePageTitle('Unallocated cases');
  const [page, setPage] = useState(0);
  const list = useQuery({ queryKey: ['unallocated', page], queryFn: () => api.unallocatedCases(page, PAGE) });
  if (list.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!list.data) return <h1 className="govuk-heading-l">Unallocated cases are for team and service managers</h1>;
  const { items, total } = list.data;
  return (
    <>
      <Link className="govuk-back-link" to="/teams">Back to teams</Link>
      <h1 className="govuk-heading-l">Unallocated cases</h1>
      <p className="govuk-body">{total === 0 ? 'Every open case has a worker.'
        : `${total} open ${total === 1 ? 'case has' : 'cases have'} no worker, longest waiting first.`}</p>
      {items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Cases waiting for a worker</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Child</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">Team</th>
              <th scope="col" className="govuk-table__header">Waiting since</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Working days waiting</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((c) => (
              <tr className="govuk-table__row" key={c.caseId}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/cases/${c.caseId}`}>{c.childName}</Link> <span className="govuk-body-s">{c.reference}</span>
                </td>
                <td className="govuk-table__cell">{STAGES[c.stage] ?? 'Stage not known'}</td>
                <td className="govuk-table__cell">{c.teamName ?? 'No team yet'}</td>
                <td className="govuk-table__cell">{date(c.waitingSince)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{c.workingDaysWaiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE && (
        <nav className="govuk-pagination" aria-label="Pages of unallocated cases">
          {page > 0 && <div className="govuk-pagination__prev">
            <button type="button" className="govuk-link govuk-pagination__link" onClick={() => setPage(page - 1)}>Previous page</button></div>}
          {(page + 1) * PAGE < total && <div className="govuk-pagination__next">
            <button type="button" className="govuk-link govuk-pagination__link" onClick={() => setPage(page + 1)}>Next page</button></div>}
        </nav>
      )}
    </>
  );
}
