import { Link } from 'react-router';
import type { CaseView, Milestone } from '../../lib/types';
import { CATEGORIES, date, MILESTONES, TASKS } from '../../lib/words';
import { groupMilestones } from './milestones';

const STATUS: Record<Milestone['status'], [string, string]> = {
  MET: ['Met', 'govuk-tag--green'], MISSED: ['Missed', 'govuk-tag--orange'], OVERDUE: ['Overdue', 'govuk-tag--red'],
  DUE: ['Due', 'govuk-tag--blue'],
};

/** The plan and its timescales: one row per kind of milestone (every visit together), its occurrences a click away. */
export function PlanTab({ view: c }: { view: CaseView }) {
  const groups = groupMilestones(c.milestones);
  return (
    <>
      <h2 className="govuk-heading-m">Plan and timescales</h2>
      {c.cpPlan && (
        <p className="govuk-body">
          Child protection plan: {CATEGORIES[c.cpPlan.category] ?? 'category not recorded'} since {date(c.cpPlan.startedOn)}
          {c.cpPlan.endedOn ? `, ended ${date(c.cpPlan.endedOn)}` : ''}.
        </p>
      )}
      {groups.length === 0 ? <p className="govuk-body">No timescales yet.</p> : (
        <table className="govuk-table casepath-stack">
          <caption className="govuk-table__caption govuk-table__caption--s">Timescales, by kind</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Milestone</th>
            <th scope="col" className="govuk-table__header">Next due</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Met</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Missed</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {groups.map((g) => {
              const name = MILESTONES[g.key] ?? 'Milestone';
              return (
                <tr className="govuk-table__row" key={g.key} data-milestone={g.key}>
                  <th scope="row" className="govuk-table__header" data-label="Milestone">
                    {name}
                    <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">
                          {g.occurrences.length === 1 ? 'The one occurrence' : `All ${g.occurrences.length}`}
                          <span className="govuk-visually-hidden"> – {name}</span>
                        </span>
                      </summary>
                      <div className="govuk-details__text">
                        <ol className="govuk-list">
                          {g.occurrences.map((m, i) => (
                            <li key={i}>
                              Due {date(m.dueOn)}{m.completedOn ? `, done ${date(m.completedOn)}` : ''}{' '}
                              <strong className={'govuk-tag ' + STATUS[m.status][1]}>{STATUS[m.status][0]}</strong>
                            </li>
                          ))}
                        </ol>
                      </div>
                    </details>
                  </th>
                  <td className="govuk-table__cell" data-label="Next due">{g.nextDueOn ? date(g.nextDueOn) : '–'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Met">{g.met}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Missed">{g.missed}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Overdue">
                    {g.overdue > 0 ? <strong className="govuk-tag govuk-tag--red">{g.overdue}</strong> : 0}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3 className="govuk-heading-s">Open tasks</h3>
      {c.openTasks.length === 0 ? <p className="govuk-body">None.</p> : (
        <ul className="govuk-list">
          {c.openTasks.map((t) => (
            <li key={t.taskId}>
              <Link className="govuk-link" to={`/tasks/${t.taskId}`}>{TASKS[t.taskKey] ?? t.name}</Link>, due {date(t.dueOn)}
              {t.overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
