import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { date, STAGES, TASKS } from '../../lib/words';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { WarningTags } from '../../components/WarningTags';
import { UnfinishedNotes } from '../../components/UnfinishedNotes';

const SIZE = 25;

export function InboxPage() {
  usePageTitle('Inbox');
  const { me } = useSession();
  const client = useQueryClient();
  const [view, setView] = useState<'mine' | 'groups'>('mine');
  const [page, setPage] = useState(0);
  const [stage, setStage] = useState('');
  const [taskKey, setTaskKey] = useState('');
  const done = (useLocation().state as { done?: string } | null)?.done;
  const [message, setMessage] = useState<string | null>(done ?? null);

  const filters = { stage: stage || undefined, taskKey: taskKey || undefined };
  const mine = useQuery({ queryKey: ['tasks', 'mine', page, stage, taskKey], queryFn: () => api.tasks({ view: 'mine', page: view === 'mine' ? page : 0, size: SIZE, ...filters }) });
  const groups = useQuery({ queryKey: ['tasks', 'groups', page, stage, taskKey], queryFn: () => api.tasks({ view: 'groups', page: view === 'groups' ? page : 0, size: SIZE, ...filters }) });
  const current = view === 'mine' ? mine : groups;

  const act = useMutation({
    mutationFn: ({ taskId, claim }: { taskId: string; claim: boolean }) => (claim ? api.claim(taskId) : api.unclaim(taskId)),
    onSuccess: (_, { claim }) => {
      setMessage(claim ? 'Task claimed: it is now in My tasks.' : 'Task given back to the team.');
      client.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (e) => setMessage(e instanceof ApiError ? e.detail || e.title : 'Something went wrong'),
  });

  const tab = (id: 'mine' | 'groups', label: string, total?: number) => (
    <li className={'govuk-tabs__list-item' + (view === id ? ' govuk-tabs__list-item--selected' : '')}>
      <a className="govuk-tabs__tab" href={'#' + id} aria-current={view === id ? 'page' : undefined}
         onClick={(e) => { e.preventDefault(); setView(id); setPage(0); }}>
        {label} <span className="govuk-tag govuk-tag--grey">{total ?? '…'}</span>
      </a>
    </li>
  );

  return (
    <>
      <h1 className="govuk-heading-l">Inbox</h1>
      <UnfinishedNotes />
      {message && (
        <div className="govuk-notification-banner" role="status" aria-labelledby="inbox-message-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="inbox-message-title">Done</h2>
          </div>
          <div className="govuk-notification-banner__content"><p className="govuk-body">{message}</p></div>
        </div>
      )}
      <form className="casepath-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter tasks">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="filter-stage">Stage</label>
          <select className="govuk-select" id="filter-stage" value={stage} onChange={(e) => { setStage(e.target.value); setPage(0); }}>
            <option value="">All stages</option>
            {Object.entries(STAGES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="filter-task">Task</label>
          <select className="govuk-select" id="filter-task" value={taskKey} onChange={(e) => { setTaskKey(e.target.value); setPage(0); }}>
            <option value="">All tasks</option>
            {Object.entries(TASKS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
      </form>
      <div className="govuk-tabs">
        <ul className="govuk-tabs__list">
          {tab('mine', 'My tasks', mine.data?.total)}
          {tab('groups', "My teams' tasks", groups.data?.total)}
        </ul>
        <div className="govuk-tabs__panel" id={view}>
          {current.isLoading && <p className="govuk-body">Loading…</p>}
          {current.data && current.data.items.length === 0 && (
            <p className="govuk-body">{view === 'mine' ? 'Nothing assigned to you. Claim work from My teams’ tasks.' : 'Your teams have no open tasks.'}</p>
          )}
          {current.data && current.data.items.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {view === 'mine' ? 'My tasks' : "My teams' tasks"}, soonest due first
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Due</th>
                  <th scope="col" className="govuk-table__header">Task</th>
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Stage</th>
                  <th scope="col" className="govuk-table__header">With</th>
                  <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {current.data.items.map((t) => (
                  <tr className="govuk-table__row" key={t.taskId}>
                    <td className="govuk-table__cell">
                      {date(t.dueOn)} {t.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}
                    </td>
                    <td className="govuk-table__cell"><Link className="govuk-link" to={`/tasks/${t.taskId}`}>{TASKS[t.taskKey] ?? t.name}</Link></td>
                    <td className="govuk-table__cell">
                      {t.caseId ? <Link className="govuk-link" to={`/cases/${t.caseId}`}>{t.childName}</Link> : t.childName}
                      <span className="govuk-hint govuk-!-margin-bottom-0 casepath-block">{t.reference}</span>
                      <WarningTags types={t.warnings} />
                    </td>
                    <td className="govuk-table__cell">{t.stage ? STAGES[t.stage] ?? '' : ''}</td>
                    <td className="govuk-table__cell">{t.assignee ?? 'Unassigned'}</td>
                    <td className="govuk-table__cell">
                      {t.assignee === null && (
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                onClick={() => act.mutate({ taskId: t.taskId, claim: true })}>
                          Claim<span className="govuk-visually-hidden"> {TASKS[t.taskKey]} for {t.childName}</span>
                        </button>
                      )}
                      {t.assignee === me?.username && t.candidateGroups.length > 0 && (
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                onClick={() => act.mutate({ taskId: t.taskId, claim: false })}>
                          Give back<span className="govuk-visually-hidden"> {TASKS[t.taskKey]} for {t.childName}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {current.data && <Pagination page={page} size={SIZE} total={current.data.total} onPage={setPage} />}
        </div>
      </div>
    </>
  );
}
