import { Link } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { date, ROUTES, TASKS } from '../../lib/words';
import { usePageTitle } from '../../components/usePageTitle';
import { NetworkCheck } from './NetworkCheck';

/** The requests before the Entry to Care Panel, with their evidence and the network check's gaps. */
export function PanelPage() {
  usePageTitle('Entry to Care Panel');
  const decisions = useQuery({ queryKey: ['tasks', 'panel', 'decide'], queryFn: () => api.tasks({ view: 'groups', taskKey: 'decideEntryToCare', size: 100 }) });
  const reviews = useQuery({ queryKey: ['tasks', 'panel', 'emergency'], queryFn: () => api.tasks({ view: 'groups', taskKey: 'reviewEmergencyEntry', size: 100 }) });
  const items = [...(decisions.data?.items ?? []), ...(reviews.data?.items ?? [])];
  const details = useQueries({ queries: items.map((t) => ({ queryKey: ['task', t.taskId], queryFn: () => api.task(t.taskId) })) });

  return (
    <>
      <h1 className="govuk-heading-l">Entry to Care Panel</h1>
      <p className="govuk-body">{items.length} request{items.length === 1 ? '' : 's'} before the panel.</p>
      {items.map((t, i) => {
        const context = details[i]?.data?.context as Record<string, any> | undefined;
        const evidence = context?.request?.evidence;
        return (
          <section key={t.taskId} className="govuk-summary-card" aria-labelledby={`request-${t.taskId}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`request-${t.taskId}`}>{t.childName} ({t.reference})</h2>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <Link className="govuk-link" to={`/tasks/${t.taskId}`}>{TASKS[t.taskKey]}<span className="govuk-visually-hidden"> for {t.childName}</span></Link>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body">Due {date(t.dueOn)} {t.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}</p>
              {context?.request && (
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Route</dt>
                    <dd className="govuk-summary-list__value">{ROUTES[context.request.route] ?? 'Not given'}</dd></div>
                  <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Reason</dt>
                    <dd className="govuk-summary-list__value">{context.request.reason}</dd></div>
                  <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Safety network</dt>
                    <dd className="govuk-summary-list__value">
                      {(evidence?.safetyNetwork ?? []).map((p: any) => `${p.name} (${p.relationship}): ${p.role}`).join('; ') || 'No one named'}
                    </dd></div>
                </dl>
              )}
              {context?.networkCheck && <NetworkCheck check={context.networkCheck} />}
            </div>
          </section>
        );
      })}
    </>
  );
}
