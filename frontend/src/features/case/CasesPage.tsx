import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { date, STAGES } from '../../lib/words';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { useWorkerNames } from '../../components/useWorkerNames';

export function CasesPage() {
  usePageTitle('Cases');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const cases = useQuery({ queryKey: ['cases', search, page], queryFn: () => api.cases({ q: search, page, size: 25 }) });
  const nameOf = useWorkerNames();
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <form className="casepath-filters" role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q); setPage(0); }}>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="case-search">Child's name or case reference</label>
          <input className="govuk-input govuk-input--width-20" id="case-search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Search</button>
      </form>
      {cases.data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{cases.data.total} cases you can see</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Child</th><th scope="col" className="govuk-table__header">Reference</th>
            <th scope="col" className="govuk-table__header">Stage</th><th scope="col" className="govuk-table__header">Worker</th>
            <th scope="col" className="govuk-table__header">Referral</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {cases.data.items.map((c) => (
              <tr className="govuk-table__row" key={c.caseId}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/cases/${c.caseId}`}>{c.childName}</Link></td>
                <td className="govuk-table__cell">{c.reference}</td>
                <td className="govuk-table__cell">{STAGES[c.stage] ?? c.stage}{c.status !== 'OPEN' ? ` (${c.status.toLowerCase().replace('_', ' ')})` : ''}</td>
                <td className="govuk-table__cell">{c.allocatedWorker ? nameOf(c.allocatedWorker) : '–'}</td>
                <td className="govuk-table__cell">{c.referralDate ? date(c.referralDate) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.data && <Pagination page={page} size={25} total={cases.data.total} onPage={setPage} />}
    </>
  );
}
