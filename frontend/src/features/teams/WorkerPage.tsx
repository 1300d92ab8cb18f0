import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { FieldError, Reallocated } from '../../lib/types';
import { STAGES, date } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { usePageTitle } from '../../components/usePageTitle';
import { problems, TeamWorkerReason, useWorkerNames } from './moving';

interface MovedCase { caseId: string; childName: string; reference: string; openTasks: number; to: string }

/** Every case moved from this page, each with where it went: a table under its own heading, outside the banner's live region. */
function MovedReport({ report }: { report: MovedCase[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {report.length === 1 ? 'The case moved from this page' : `The ${report.length} cases moved from this page`}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Child</th>
          <th scope="col" className="govuk-table__header">Moved to</th>
          <th scope="col" className="govuk-table__header">Open tasks moved with it</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.map((m) => (
          <tr className="govuk-table__row" key={m.caseId}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${m.caseId}`}>{m.childName}</Link>
              <span className="govuk-hint govuk-!-margin-bottom-0 casepath-block">{m.reference}</span>
            </td>
            <td className="govuk-table__cell">{m.to}</td>
            <td className="govuk-table__cell">{m.openTasks === 0 ? 'None' : m.openTasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const FIELD_WORDS: Record<string, string> = { toTeam: 'Team', toWorker: 'Worker', reason: 'Reason', caseIds: 'Cases', form: 'The move' };

/** One worker's cases, and moving some of them (a leaver's, say) to a colleague. */
export function WorkerPage() {
  const { teamId = '', username = '' } = useParams();
  const client = useQueryClient();
  const load = useQuery({ queryKey: ['caseload', teamId, username], queryFn: () => api.workerCaseload(teamId, username), retry: false });
  const teams = useQuery({ queryKey: ['teams'], queryFn: api.teams });
  const nameOf = useWorkerNames();
  const [selected, setSelected] = useState<string[]>([]);
  const [move, setMove] = useState({ team: teamId, worker: '', reason: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ done: Reallocated; to: string } | null>(null);
  // Every case moved from this page since it was opened, in the order moved: a leaver's children
  // often go to several colleagues, a few at a time, and the manager sees where each went.
  const [report, setReport] = useState<MovedCase[]>([]);
  const w = load.data;
  usePageTitle(w ? `${w.name || w.username}’s cases` : 'Worker’s cases');
  if (load.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!w) return <h1 className="govuk-heading-l">Worker not found</h1>;
  const teamName = (id: string) => teams.data?.find((t) => t.teamId === id)?.name ?? 'the team';
  const reference = (caseId: string) => w.cases.find((c) => c.caseId === caseId)?.reference ?? caseId;
  const listed = w.cases;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!selected.length) {
      setErrors([{ field: 'caseIds', message: 'Select at least one case to move' }]);
      return;
    }
    try {
      const done = await api.reallocate(username, { toWorker: move.worker || undefined, toTeam: move.team || undefined, reason: move.reason, caseIds: selected });
      const to = move.worker ? `${nameOf(move.worker)} in ${teamName(move.team)}` : `${teamName(move.team)}, unallocated`;
      setErrors([]);
      setResult({ done, to: move.worker ? nameOf(move.worker) : teamName(move.team) });
      setReport((r) => [...r, ...done.moved.map((caseId) => {
        const c = listed.find((x) => x.caseId === caseId);
        return { caseId, childName: c?.childName ?? 'A child', reference: c?.reference ?? caseId, openTasks: c?.openTasks ?? 0, to };
      })]);
      setSelected([]);
      // The same reason and team serve the rest of a leaver's cases: only the worker is chosen again.
      setMove({ team: move.team, worker: '', reason: move.reason });
      await client.invalidateQueries({ queryKey: ['caseload', teamId] });
    } catch (e) {
      setErrors(problems(e));
    }
  }

  const toggle = (caseId: string, on: boolean) => setSelected((s) => (on ? [...s, caseId] : s.filter((id) => id !== caseId)));
  const casesError = errors.find((e) => e.field === 'caseIds')?.message;

  return (
    <>
      <Link className="govuk-back-link" to={`/teams/${teamId}`}>The team’s caseload</Link>
      {result && result.done.moved.length > 0 && <SuccessBanner text={`${result.done.moved.length} ${
        result.done.moved.length === 1 ? 'case' : 'cases'} moved to ${result.to}`} />}
      {result && result.done.notMoved.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {result.done.notMoved.length === 1 ? 'One case was not moved:' : `${result.done.notMoved.length} cases were not moved:`}
            <ul className="govuk-list govuk-list--bullet">
              {result.done.notMoved.map((n) => <li key={n.caseId}>{reference(n.caseId)}: {n.reason}</li>)}
            </ul>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} describe={(e) => `${FIELD_WORDS[e.field] ?? 'The move'}: ${e.message}`} />
      <span className="govuk-caption-l">{w.username}</span>
      <h1 className="govuk-heading-l">{w.name || w.username}’s cases</h1>
      {report.length > 0 && <MovedReport report={report} />}
      <form onSubmit={submit} noValidate>
        {w.cases.length === 0 ? <p className="govuk-body">No open cases.</p> : (
          <div className={`govuk-form-group${casesError ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={casesError ? 'f-caseIds-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Open cases: {w.cases.length}</legend>
              {casesError && <p className="govuk-error-message" id="f-caseIds-error">
                <span className="govuk-visually-hidden">Error:</span> {casesError}</p>}
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {w.cases.map((c, i) => (
                  <div key={c.caseId} className="govuk-checkboxes__item casepath-case-row">
                    <input className="govuk-checkboxes__input" id={i === 0 ? 'f-caseIds' : `f-case-${c.caseId}`} type="checkbox"
                           checked={selected.includes(c.caseId)} onChange={(e) => toggle(c.caseId, e.target.checked)}
                           aria-describedby={`about-${c.caseId}`} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? 'f-caseIds' : `f-case-${c.caseId}`}>
                      <span className="govuk-visually-hidden">Select </span>{c.childName}
                    </label>
                    <div className="govuk-hint govuk-checkboxes__hint" id={`about-${c.caseId}`}>
                      <Link className="govuk-link" to={`/cases/${c.caseId}`}>{c.reference}</Link>
                      {' · '}{STAGES[c.stage] ?? 'Stage not known'}
                      {' · '}{c.openTasks} open {c.openTasks === 1 ? 'task' : 'tasks'}
                      {c.overdueTasks > 0 && <> · <strong className="govuk-tag govuk-tag--red">{c.overdueTasks} overdue</strong></>}
                      <br />Last visit: {c.lastVisitOn ? date(c.lastVisitOn) : 'none recorded'}
                      {' · '}Last supervision: {c.lastSupervisionOn ? date(c.lastSupervisionOn) : 'none recorded'}
                      {(c.notSeenInTime || c.supervisionOverdue) && <br />}
                      {c.notSeenInTime && <strong className="govuk-tag govuk-tag--red govuk-!-margin-right-1">Not seen in time</strong>}
                      {c.supervisionOverdue && <strong className="govuk-tag govuk-tag--red">Supervision overdue</strong>}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        )}
        {w.cases.length > 0 && (
          <>
            <h2 className="govuk-heading-m">Move the selected cases</h2>
            <p className="govuk-body">{selected.length} selected. Their open tasks move with them.</p>
            <TeamWorkerReason teams={teams.data ?? []} value={move} onChange={setMove} errors={errors}
                              names={{ team: 'toTeam', worker: 'toWorker', reason: 'reason' }} exclude={username} nameOf={nameOf}
                              reasonHint="For example, the worker is leaving. It is recorded on each case’s chronology." />
            <button type="submit" className="govuk-button">Move the selected cases</button>
          </>
        )}
      </form>
    </>
  );
}
