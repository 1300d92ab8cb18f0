import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { CaseCounts } from '../../lib/types';
import { usePageTitle } from '../../components/usePageTitle';

const KINDS: [keyof CaseCounts, string][] = [
  ['cpPlan', 'CP plans'], ['cinPlan', 'CIN plans'], ['assessment', 'Assessments'], ['earlyHelp', 'Early help'], ['other', 'Other'],
];

/** A count, red and said so when it needs the manager's attention. */
function Flag({ n, what }: { n: number; what: string }) {
  return n > 0
    ? <strong className="govuk-tag govuk-tag--red">{n}<span className="govuk-visually-hidden"> {what}</span></strong>
    : <>{n}</>;
}

/** A team's caseload: one row a worker, their cases by kind of work, and what is late. */
export function CaseloadPage() {
  const { teamId = '' } = useParams();
  const load = useQuery({ queryKey: ['caseload', teamId], queryFn: () => api.caseload(teamId), retry: false });
  usePageTitle(load.data ? `${load.data.name} – caseload` : 'Caseload');
  if (load.isLoading) return <p className="govuk-body">Loading…</p>;
  if (load.error instanceof ApiError && load.error.status === 403) {
    return <><h1 className="govuk-heading-l">Caseload</h1><p className="govuk-body">Only the team’s managers can see its caseload.</p></>;
  }
  const c = load.data;
  if (!c) return <h1 className="govuk-heading-l">Team not found</h1>;
  const highest = Math.max(0, ...c.workers.map((w) => w.cases.total));
  const t = c.totals;
  return (
    <>
      <Link className="govuk-back-link" to="/teams">Teams</Link>
      <h1 className="govuk-heading-l">{c.name}: caseload</h1>
      {c.workers.length === 0 ? <p className="govuk-body">No workers in this team.</p> : (
        <div className="casepath-scroll" role="region" aria-label="Caseload by worker" tabIndex={0}>
          <table className="govuk-table casepath-caseload">
            <caption className="govuk-table__caption govuk-table__caption--m">Open cases and work, by worker</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Worker</th>
                {KINDS.map(([k, words]) => <th key={k} scope="col" className="govuk-table__header govuk-table__header--numeric">{words}</th>)}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Total</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Open tasks</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue tasks</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not seen in time</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Supervision overdue</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.workers.map((w) => (
                <tr key={w.username} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/teams/${teamId}/workers/${encodeURIComponent(w.username)}`}>{w.name || w.username}</Link>
                  </th>
                  {KINDS.map(([k]) => <td key={k} className="govuk-table__cell govuk-table__cell--numeric">{w.cases[k]}</td>)}
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {highest > 0 && w.cases.total === highest
                      ? <strong className="govuk-tag govuk-tag--orange">{w.cases.total}<span className="govuk-visually-hidden">, the highest</span></strong>
                      : w.cases.total}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{w.openTasks}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><Flag n={w.overdueTasks} what="overdue" /></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><Flag n={w.notSeenInTime} what="not seen in time" /></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric"><Flag n={w.supervisionOverdue} what="supervision overdue" /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">Team total</th>
                {KINDS.map(([k]) => <td key={k} className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.cases[k]}</td>)}
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.cases.total}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.openTasks}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.overdueTasks}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.notSeenInTime}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{t.supervisionOverdue}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="govuk-body-s">The highest caseload is marked in orange; overdue work and children not seen in time in red.</p>
    </>
  );
}
