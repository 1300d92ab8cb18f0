import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { FamilyCase, FamilyChild, FamilyRelatedTo } from '../../lib/types';
import { date, RELATIONSHIP_TYPES, STAGES, TASKS } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Warnings } from '../../components/Warnings';
import { childrenWithTasks, sharedTasks } from './together';
import { useWorkerNames } from '../../components/useWorkerNames';

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const STATUS: Record<string, string> = { OPEN: 'Open', CLOSED: 'Closed', LOOKED_AFTER: 'Looked after' };

/** GET /api/families/{familyId}: the children and their cases, the adults around them, and every warning across the family. */
export function FamilyPage() {
  const { familyId = '' } = useParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => api.family(familyId) });
  const f = family.data;
  const surnames = f ? [...new Set(f.children.map((c) => c.lastName))].join(' and ') : '';
  usePageTitle(f ? `The ${surnames} family` : 'Family');
  if (family.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!f) return <h1 className="govuk-heading-l">Family not found</h1>;
  const shared = sharedTasks(childrenWithTasks(f.children));

  return (
    <>
      {done && <SuccessBanner text={done} />}
      <Warnings warnings={f.warnings} />
      <span className="govuk-caption-l">Family</span>
      <h1 className="govuk-heading-l">The {surnames} family</h1>

      {shared.length > 0 && (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-m">Work these together</h2>
          <ul className="govuk-list">
            {shared.map((s) => (
              <li key={s.taskKey}>
                <Link className="govuk-link" to={`/families/${familyId}/together/${s.taskKey}`}>
                  {TASKS[s.taskKey] ?? 'Task'} for {s.tasks.map((t) => t.child.firstName).join(', ')}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <h2 className="govuk-heading-m">Children</h2>
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">The children of the family and their cases</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Child</th>
          <th scope="col" className="govuk-table__header">Case</th>
          <th scope="col" className="govuk-table__header">Stage</th>
          <th scope="col" className="govuk-table__header">Worker</th>
          <th scope="col" className="govuk-table__header">Open tasks</th>
          <th scope="col" className="govuk-table__header">Next due</th>
        </tr></thead>
        <tbody className="govuk-table__body">
          {f.children.flatMap((c) => (c.cases.length ? c.cases : [null]).map((k, i) => (
            <ChildRow key={`${c.childId}-${k?.caseId ?? i}`} child={c} kase={k} first={i === 0} />)))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">The people around the children</h2>
      {f.adults.length === 0 ? <p className="govuk-body">No one recorded yet. Add them from a child’s record.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">The people around the children and how they are related to each</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Person</th>
            <th scope="col" className="govuk-table__header">To the children</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {f.adults.map((a) => (
              <tr className="govuk-table__row" key={a.personId}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/people/${a.personId}`}>{name(a)}</Link></td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {(a.relationships ?? []).filter((r) => r.current !== false).map((r, i) => (
                      <li key={r.relationshipId ?? i}>{relationshipWords(r)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ChildRow({ child: c, kase, first }: { child: FamilyChild; kase: FamilyCase | null; first: boolean }) {
  const nameOf = useWorkerNames();
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        {first ? (
          <>
            <Link className="govuk-link" to={`/people/${c.personId}`}>{name(c)}</Link>
            <span className="govuk-hint govuk-!-margin-bottom-0 casepath-block">
              {c.dateOfBirth ? `Born ${date(c.dateOfBirth)}` : c.expectedDateOfBirth ? `Due ${date(c.expectedDateOfBirth)}` : ''}
            </span>
          </>
        ) : <span className="govuk-visually-hidden">{name(c)}, an earlier case</span>}
      </td>
      <td className="govuk-table__cell">
        {kase ? <Link className="govuk-link" to={`/cases/${kase.caseId}`}>{kase.reference}</Link> : 'No case you may see'}
        {kase && kase.status !== 'OPEN' && <span className="casepath-block">{STATUS[kase.status] ?? ''}
          {kase.closedOn ? ` ${date(kase.closedOn)}` : ''}</span>}
      </td>
      <td className="govuk-table__cell">{kase ? STAGES[kase.stage] ?? '' : ''}</td>
      <td className="govuk-table__cell">{kase?.allocatedWorker ? nameOf(kase.allocatedWorker) : 'Not allocated'}</td>
      <td className="govuk-table__cell">
        {!kase || kase.openTasks.length === 0 ? 'None' : (
          <ul className="govuk-list govuk-!-margin-bottom-0">
            {kase.openTasks.map((t) => (
              <li key={t.taskId}><Link className="govuk-link" to={`/tasks/${t.taskId}`}>{TASKS[t.taskKey] ?? t.name}
                <span className="govuk-visually-hidden"> – {name(c)}</span></Link>
                {t.overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="govuk-table__cell">{kase?.nextDueOn ? date(kase.nextDueOn) : '–'}</td>
    </tr>
  );
}

/** "Mother of Amara Mensah, parental responsibility, lives with the child, safety network: …" */
function relationshipWords(r: FamilyRelatedTo): string {
  const parts = [`${RELATIONSHIP_TYPES[r.type] ?? 'Related'} of ${r.childName}`];
  if (r.parentalResponsibility) parts.push('parental responsibility');
  if (r.livesWithChild) parts.push('lives with the child');
  if (r.safetyNetwork) parts.push(r.roleInPlan ? `safety network: ${r.roleInPlan}` : 'safety network');
  if (r.organisation) parts.push(r.organisation);
  return parts.join(', ');
}
