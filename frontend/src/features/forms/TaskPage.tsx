import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { choiceWord, date, SOURCES, STAGES, TASKS } from '../../lib/words';
import type { ChildSays as ChildSaysShape, FieldError, TaskDetail } from '../../lib/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { ChildSays } from '../../components/ChildSays';
import { FormFields } from './fields';
import { FORMS } from './specs';
import { set } from './paths';
import { NetworkCheck } from '../panel/NetworkCheck';
import { TogetherOffer } from '../family/TogetherOffer';

export function TaskPage() {
  const { taskId = '' } = useParams();
  const detail = useQuery({ queryKey: ['task', taskId], queryFn: () => api.task(taskId) });
  usePageTitle(detail.data ? TASKS[detail.data.task.taskKey] ?? detail.data.task.name : 'Task');
  if (detail.isLoading) return <p className="govuk-body">Loading…</p>;
  if (detail.error) return <h1 className="govuk-heading-l">This task is not available</h1>;
  return <TaskForm detail={detail.data!} />;
}

function TaskForm({ detail }: { detail: TaskDetail }) {
  const { task } = detail;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(detail.values);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  useEffect(() => setValues(detail.values), [detail]);
  const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    try {
      await api.complete(task.taskId, values);
      await client.invalidateQueries();
      const done = `${TASKS[task.taskKey]} completed for ${task.childName}.`;
      // Back to the case if it is still the user's to see (a screened contact moves on to others).
      const stillVisible = !!task.caseId && await api.case(task.caseId).then(() => true, () => false);
      navigate(stillVisible ? `/cases/${task.caseId}` : '/', { state: { done } });
    } catch (e) {
      setErrors(e instanceof ApiError
        ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'could not be sent. Try again.' }]);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{[task.childName, task.reference, task.stage && STAGES[task.stage]].filter(Boolean).join(' · ')}</span>
        <h1 className="govuk-heading-l">{TASKS[task.taskKey] ?? task.name}</h1>
        <p className="govuk-body">
          Due {date(task.dueOn)} {task.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}
          {task.caseId && <>{' '}· <Link className="govuk-link" to={`/cases/${task.caseId}`}>View the case</Link></>}
        </p>
        {task.caseId && <TogetherOffer caseId={task.caseId} taskId={task.taskId} taskKey={task.taskKey} />}
        <Context detail={detail} />
        <form onSubmit={submit} noValidate>
          <FormFields fields={FORMS[task.taskKey] ?? []} state={{ values, errors: byField,
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          <button type="submit" className="govuk-button" disabled={sending}>Save and continue</button>
        </form>
      </div>
    </div>
  );
}

function Context({ detail }: { detail: TaskDetail }) {
  const c = detail.context as Record<string, any>;
  return (
    <>
      <Background detail={detail} />
      {c.action && <ActionContext action={c.action} />}
      {c.childSays && <ChildSays says={c.childSays as ChildSaysShape} level={2} compact />}
    </>
  );
}

/** The oversight action a completeAction task is for: what, who set it, by when, and the note it came from. */
function ActionContext({ action }: { action: { text: string; dueOn: string | null; setBy: string | null; noteId: string | null;
  noteSubject: string | null } }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">The action</h2>
      <p className="govuk-body casepath-prewrap govuk-!-margin-bottom-1">{action.text}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {action.setBy ? `Set by ${action.setBy}` : 'Set in management oversight'}{action.dueOn ? `, due ${date(action.dueOn)}` : ''}.
        {action.noteId && <>{' '}<Link className="govuk-link" to={`/notes/${action.noteId}`}>
          The oversight note{action.noteSubject ? `: ${action.noteSubject}` : ''}</Link></>}
      </p>
    </div>
  );
}

function Background({ detail }: { detail: TaskDetail }) {
  const c = detail.context as Record<string, any>;
  if (c.networkCheck) return <NetworkCheck check={c.networkCheck} request={c.request} />;
  if (c.contact) {
    return (
      <div className="govuk-inset-text">
        <h2 className="govuk-heading-s">The contact</h2>
        <p className="govuk-body">{c.contact.concerns}</p>
        <p className="govuk-body-s">From {c.contact.referrerName ?? 'unknown'}{c.contact.referrerOrganisation ? `, ${c.contact.referrerOrganisation}` : ''}
          {'. '}Referral source: {SOURCES[c.contact.source] ?? 'not recorded'}.</p>
        {c.pastInvolvement?.length > 0 && (
          <p className="govuk-body-s"><strong>Known before:</strong> {c.pastInvolvement.length} earlier episode(s), the latest
            {c.pastInvolvement[0].closedOn ? ` closed on ${date(c.pastInvolvement[0].closedOn)}` : ' still open'}.</p>
        )}
      </div>
    );
  }
  if (c.recommendation) {
    return <div className="govuk-inset-text">The worker recommends: <strong>{choiceWord('completeAssessment', 'recommendation', c.recommendation)}</strong></div>;
  }
  return null;
}
