import { useLocation, useParams, Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { DISABILITIES, UPN_UNKNOWN, CATEGORIES, date, dateTime, MILESTONES, STAGES, TASKS } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';
import { SuccessBanner } from '../../components/SuccessBanner';
import { ProcessDiagram } from './ProcessDiagram';
import { Warnings } from '../../components/Warnings';

const STATUS_TAG: Record<string, string> = { MET: 'govuk-tag--green', MISSED: 'govuk-tag--orange', OVERDUE: 'govuk-tag--red', DUE: 'govuk-tag--blue' };

export function CasePage() {
  const { caseId = '' } = useParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const chronology = useQuery({ queryKey: ['chronology', caseId], queryFn: () => api.chronology(caseId) });
  const maps = useQuery({ queryKey: ['map', caseId], queryFn: () => api.map(caseId).then((m) => m.history.map((v) => ({ ...v, worries: v.worries ?? [], workingWell: v.workingWell ?? [], needsToHappen: v.needsToHappen ?? [], dangerStatements: v.dangerStatements ?? [] }))) });
  const c = view.data;
  usePageTitle(c ? `${c.child.firstName} ${c.child.lastName}` : 'Case');
  if (view.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!c) return <h1 className="govuk-heading-l">Case not found</h1>;

  return (
    <>
      {done && <SuccessBanner text={done} />}
      <Warnings warnings={c.warnings} />
      <span className="govuk-caption-l">{c.reference}</span>
      <h1 className="govuk-heading-l">{c.child.firstName} {c.child.lastName}</h1>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to={`/people/${c.child.childId}`}>{c.child.firstName}’s record: details, relationships and warnings</Link></li>
        {c.familyId && <li><Link className="govuk-link" to={`/families/${c.familyId}`}>{c.child.firstName}’s family: brothers, sisters and the adults around them</Link></li>}
      </ul>
      <dl className="govuk-summary-list">
        {[
          ['Child number', c.child.childNumber],
          ['Date of birth', c.child.dateOfBirth ? date(c.child.dateOfBirth) : `Expected ${date(c.child.expectedDateOfBirth)} (unborn)`],
          ['NHS number', c.child.nhsNumber ?? 'Not recorded'],
          ['Unique pupil number', c.child.upn ?? (c.child.upnUnknown ? `None: ${UPN_UNKNOWN[c.child.upnUnknown]}` : 'Not recorded')],
          ['Disabilities', c.child.disabilities ? c.child.disabilities.map((d) => DISABILITIES[d]).join(', ') : 'Not recorded'],
          ['Stage', `${STAGES[c.stage] ?? c.stage}${c.status !== 'OPEN' ? ` (${c.status === 'CLOSED' ? 'closed' : 'looked after'})` : ''}`],
          ['Allocated worker', c.allocatedWorker ?? 'Not allocated'],
          ['Referral date', c.referralDate ? date(c.referralDate) : 'Not a referral'],
          ['Re-referral within 12 months', c.reReferral ? 'Yes' : 'No'],
          ...(c.cpPlan ? [['Child protection plan', `${CATEGORIES[c.cpPlan.category] ?? 'Category not recorded'} since ${date(c.cpPlan.startedOn)}`
            + (c.cpPlan.secondOrSubsequent ? ` – second or subsequent plan (${c.cpPlan.previousPlans} before)` : '')
            + (c.cpPlan.endedOn ? `, ended ${date(c.cpPlan.endedOn)}` : '')]] : []),
        ].map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body"><Link className="govuk-link" to={`/cases/${caseId}/child`}>Change the child's NHS number, UPN or disabilities</Link></p>

      <h2 className="govuk-heading-m">Open tasks</h2>
      {c.openTasks.length === 0 ? <p className="govuk-body">None.</p> : (
        <ul className="govuk-list">
          {c.openTasks.map((t) => (
            <li key={t.taskId}>
              <Link className="govuk-link" to={`/tasks/${t.taskId}`}>{TASKS[t.taskKey] ?? t.name}</Link>, due {date(t.dueOn)}
              {' '}{t.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Timescales</h2>
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">Milestones and their due dates</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Milestone</th><th scope="col" className="govuk-table__header">Due</th>
          <th scope="col" className="govuk-table__header">Done</th><th scope="col" className="govuk-table__header">Status</th>
        </tr></thead>
        <tbody className="govuk-table__body">
          {c.milestones.map((m, i) => (
            <tr className="govuk-table__row" key={i}>
              <td className="govuk-table__cell">{MILESTONES[m.key] ?? m.key}</td>
              <td className="govuk-table__cell">{date(m.dueOn)}</td>
              <td className="govuk-table__cell">{m.completedOn ? date(m.completedOn) : '–'}</td>
              <td className="govuk-table__cell"><strong className={'govuk-tag ' + STATUS_TAG[m.status]}>{m.status.toLowerCase()}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Signs of Safety over time</h2>
      {(maps.data ?? []).length === 0 && <p className="govuk-body">No mapping yet.</p>}
      {(maps.data ?? []).slice().reverse().map((m, i) => (
        <details className="govuk-details" key={i} open={i === 0}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {date(m.recordedOn)} – {TASKS[m.sourceTask] ?? 'Signs of Safety mapping'}{m.safetyScale !== null ? `, safety scale ${m.safetyScale}/10` : ''}
            </span>
          </summary>
          <div className="govuk-details__text">
            <div className="casepath-columns">
              {([['What are we worried about?', m.worries], ["What's working well?", m.workingWell], ['What needs to happen?', m.needsToHappen]] as const)
                .map(([title, items]) => (
                  <div key={title}>
                    <h3 className="govuk-heading-s">{title}</h3>
                    <ul className="govuk-list govuk-list--bullet">{items.map((t, j) => <li key={j}>{t}</li>)}</ul>
                  </div>
                ))}
            </div>
            {m.dangerStatements.map((d, j) => (
              <div key={j} className="govuk-!-margin-bottom-3">
                <p className="govuk-body casepath-danger"><strong>Danger:</strong> {d.statement}</p>
                <p className="govuk-body casepath-goal"><strong>Safety goal:</strong> {d.safetyGoal}</p>
              </div>
            ))}
          </div>
        </details>
      ))}

      <h2 className="govuk-heading-m">Where the case is in the process</h2>
      <ProcessDiagram caseId={caseId} />

      <h2 className="govuk-heading-m">Chronology</h2>
      <ol className="govuk-list">
        {(chronology.data ?? []).map((e, i) => (
          <li key={i} className="govuk-!-margin-bottom-2">
            <span className="govuk-body-s govuk-!-font-weight-bold">{dateTime(e.occurredAt)}</span>{' '}
            <span className="govuk-body">{e.summary}</span>{e.actor && <span className="govuk-body-s"> – {e.actor}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
