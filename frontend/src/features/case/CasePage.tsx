import type { ComponentType } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { STAGES } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Warnings } from '../../components/Warnings';
import { Tabs } from '../../components/Tabs';
import { ProcessDiagram } from './ProcessDiagram';
import { SummaryTab } from './SummaryTab';
import { PlanTab } from './PlanTab';
import { FamilyTab } from './FamilyTab';
import { ChronologyTab } from './ChronologyTab';
import { inGroup, useSession } from '../auth/session';
import { useWorkerNames } from '../../components/useWorkerNames';

export type CaseTab = 'summary' | 'notes' | 'plan' | 'family' | 'chronology' | 'documents' | 'process';

/** The case notes, from features/recording, given by the app (features do not import one another). */
export interface CaseRecording {
  /** The Notes tab. */
  Notes: ComponentType<{ caseId: string }>;
  /** The summary's latest notes. */
  Latest: ComponentType<{ caseId: string }>;
}

const TABS: [CaseTab, string, string][] = [
  ['summary', 'Summary', ''], ['notes', 'Notes', '/notes'], ['plan', 'Plan and timescales', '/plan'],
  ['family', 'Family and network', '/family'], ['chronology', 'Chronology', '/chronology'], ['documents', 'Documents', '/documents'],
  ['process', 'Process', '/process'],
];

/** One page per case: the summary a practitioner takes in at a glance, then tabs, the tab in the address. */
export function CasePage({ tab = 'summary', recording, documents: Documents }: {
  tab?: CaseTab; recording?: CaseRecording;
  /** The Documents tab, from features/documents, given by the app. */
  documents?: ComponentType<{ caseId: string }>;
}) {
  const { caseId = '' } = useParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const nameOf = useWorkerNames();
  const manager = inGroup(useSession().me, 'team-managers', 'service-managers');
  const c = view.data;
  const label = TABS.find(([id]) => id === tab)?.[1] ?? 'Summary';
  usePageTitle(c ? `${c.child.firstName} ${c.child.lastName}${tab === 'summary' ? '' : ` – ${label}`}` : 'Case');
  if (view.isLoading) return <p className="govuk-body">Loading…</p>;
  if (!c) return <h1 className="govuk-heading-l">Case not found</h1>;
  const status = c.status === 'CLOSED' ? ' (closed)' : c.status === 'LOOKED_AFTER' ? ' (looked after)' : '';

  return (
    <>
      {done && <SuccessBanner text={done} />}
      <Warnings warnings={c.warnings} />
      <div className="casepath-case-head">
        <span className="govuk-caption-m">{c.reference}</span>
        <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{c.child.firstName} {c.child.lastName}</h1>
        <p className="govuk-body govuk-!-margin-bottom-4">
          {STAGES[c.stage] ?? 'Stage not known'}{status} · {c.allocatedWorker ? `Allocated to ${nameOf(c.allocatedWorker)}` : 'Not allocated'}
          {manager && c.status !== 'CLOSED' && <> · <Link className="govuk-link" to={`/cases/${caseId}/allocation`}>
            Reallocate<span className="govuk-visually-hidden"> the case</span></Link></>}
        </p>
      </div>
      <Tabs label="About the case" selected={tab}
            tabs={TABS.map(([id, text, path]) => ({ id, label: text, to: `/cases/${caseId}${path}` }))}>
        {tab === 'summary' && <SummaryTab view={c} Latest={recording?.Latest} />}
        {tab === 'notes' && (recording ? <recording.Notes caseId={caseId} /> : null)}
        {tab === 'plan' && <PlanTab view={c} />}
        {tab === 'family' && <FamilyTab view={c} />}
        {tab === 'chronology' && <ChronologyTab caseId={caseId} />}
        {tab === 'documents' && (Documents ? <Documents caseId={caseId} /> : null)}
        {tab === 'process' && <ProcessDiagram caseId={caseId} />}
      </Tabs>
    </>
  );
}
