import type { ComponentType } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CaseView } from '../../lib/types';
import { CATEGORIES, date, DISABILITIES, STAGES, TASKS, UPN_UNKNOWN } from '../../lib/words';
import { ChildSays } from '../../components/ChildSays';
import { MapHistory, MapView, SafetyScaleChart } from './MapView';
import { today } from './milestones';
import { SummaryList } from '../../components/SummaryList';
import { useWorkerNames } from '../../components/useWorkerNames';

const SHOWN = 5;

/** What is due next, the map and the scale first (what a worker needs before a visit), then the child and their voice. */
export function SummaryTab({ view: c, Latest }: { view: CaseView; Latest?: ComponentType<{ caseId: string }> }) {
  const map = useQuery({ queryKey: ['map', c.caseId], queryFn: () => api.map(c.caseId) });
  const says = useQuery({ queryKey: ['child-says', c.caseId], queryFn: () => api.childSays(c.caseId) });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <DueNext view={c} />
        <h2 className="govuk-heading-m">Signs of Safety</h2>
        {map.isLoading ? <p className="govuk-body">Loading…</p> : (
          <>
            <MapView map={map.data?.current ?? null} />
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">The safety scale over time</h3>
            <SafetyScaleChart history={map.data?.history ?? []} />
            <MapHistory history={map.data?.history ?? []} />
          </>
        )}
        {Latest && <Latest caseId={c.caseId} />}
      </div>
      <div className="govuk-grid-column-one-third">
        <AboutTheChild view={c} />
        {says.isLoading ? null : <ChildSays says={says.data} />}
      </div>
    </div>
  );
}

function DueNext({ view: c }: { view: CaseView }) {
  const now = today();
  const upcoming = c.upcoming ?? c.openTasks.map((t) => ({ what: TASKS[t.taskKey] ?? t.name, dueOn: t.dueOn, taskId: t.taskId }));
  const first = upcoming.slice(0, SHOWN);
  const rest = upcoming.slice(SHOWN);
  const item = (u: (typeof upcoming)[number], i: number) => {
    const overdue = u.dueOn < now;
    return (
      <li key={i} className="casepath-due">
        <span className="casepath-due__date">{date(u.dueOn)}</span>{' '}
        {u.taskId ? <Link className="govuk-link" to={`/tasks/${u.taskId}`}>{u.what}</Link> : <span>{u.what}</span>}
        {overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}
      </li>
    );
  };
  return (
    <>
      <h2 className="govuk-heading-m">What is due next</h2>
      {upcoming.length === 0 ? <p className="govuk-body">Nothing is due.</p> : (
        <>
          <ul className="govuk-list casepath-due-list">{first.map(item)}</ul>
          {rest.length > 0 && (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{rest.length} more due later</span>
              </summary>
              <div className="govuk-details__text"><ul className="govuk-list casepath-due-list">{rest.map((u, i) => item(u, i + SHOWN))}</ul></div>
            </details>
          )}
        </>
      )}
    </>
  );
}

function AboutTheChild({ view: c }: { view: CaseView }) {
  const nameOf = useWorkerNames();
  const child = c.child;
  const rows: [string, string][] = [
    ['Child number', child.childNumber],
    ['Date of birth', child.dateOfBirth ? date(child.dateOfBirth) : `Expected ${date(child.expectedDateOfBirth)} (unborn)`],
    ['NHS number', child.nhsNumber ?? 'Not recorded'],
    ['Unique pupil number', child.upn ?? (child.upnUnknown ? `None: ${UPN_UNKNOWN[child.upnUnknown] ?? 'reason not recorded'}` : 'Not recorded')],
    ['Disabilities', child.disabilities ? (child.disabilities.map((d) => DISABILITIES[d] ?? 'Other').join(', ') || 'None') : 'Not recorded'],
    ['Stage', `${STAGES[c.stage] ?? 'Not known'}${c.status !== 'OPEN' ? ` (${c.status === 'CLOSED' ? 'closed' : 'looked after'})` : ''}`],
    ['Allocated worker', c.allocatedWorker ? nameOf(c.allocatedWorker) : 'Not allocated'],
    ['Referral date', c.referralDate ? date(c.referralDate) : 'Not a referral'],
    ['Re-referral within 12 months', c.reReferral ? 'Yes' : 'No'],
    ...(c.cpPlan ? [['Child protection plan', `${CATEGORIES[c.cpPlan.category] ?? 'Category not recorded'} since ${date(c.cpPlan.startedOn)}`
      + (c.cpPlan.secondOrSubsequent ? ` – second or subsequent plan (${c.cpPlan.previousPlans} before)` : '')
      + (c.cpPlan.endedOn ? `, ended ${date(c.cpPlan.endedOn)}` : '')] as [string, string]] : []),
  ];
  return (
    <>
      <h2 className="govuk-heading-m">About {child.firstName}</h2>
      <SummaryList rows={rows} className="govuk-summary-list--no-border casepath-compact-list" />
      <p className="govuk-body-s">
        <Link className="govuk-link" to={`/cases/${c.caseId}/child`}>Change the child's NHS number, UPN or disabilities</Link>
      </p>
    </>
  );
}
