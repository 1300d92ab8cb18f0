import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { date, STAGES, TASKS } from '../../lib/words';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { Warnings } from '../../components/Warnings';
import { FormFields } from '../forms/fields';
import { FORMS } from '../forms/specs';
import { set } from '../forms/paths';
import { childrenWithTasks, errorsByChild, sharedTasks, summaryErrors } from './together';

/**
 * One task key, worked for several siblings at once: one section per child with that task's own
 * form (features/forms), sent as POST /api/tasks/complete-together. The form of child i is at
 * completions[i], so the API's errors (completions[i].field) land on that child's fields.
 */
export function WorkTogetherPage() {
  const { familyId = '', taskKey = '' } = useParams();
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => api.family(familyId) });
  const group = family.data ? sharedTasks(childrenWithTasks(family.data.children)).find((s) => s.taskKey === taskKey) : undefined;
  const details = useQueries({
    queries: (group?.tasks ?? []).map((t) => ({ queryKey: ['task', t.taskId], queryFn: () => api.task(t.taskId) })),
  });
  usePageTitle(`${TASKS[taskKey] ?? 'Tasks'} together`);
  if (family.isLoading || details.some((d) => d.isLoading)) return <p className="govuk-body">Loading…</p>;
  if (!family.data) return <h1 className="govuk-heading-l">Family not found</h1>;
  if (!group || details.some((d) => !d.data)) {
    return (
      <>
        <h1 className="govuk-heading-l">These tasks are no longer open together</h1>
        <p className="govuk-body"><Link className="govuk-link" to={`/families/${familyId}`}>Back to the family</Link></p>
      </>
    );
  }
  return <TogetherForm familyId={familyId} taskKey={taskKey} warnings={family.data.warnings}
                       tasks={group.tasks.map((t, i) => ({ ...t, detail: details[i].data! }))} />;
}

function TogetherForm({ familyId, taskKey, tasks, warnings }: {
  familyId: string; taskKey: string; warnings: Parameters<typeof Warnings>[0]['warnings'];
  tasks: { taskId: string; child: { firstName: string; lastName: string }; detail: Awaited<ReturnType<typeof api.task>> }[];
}) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const initial = () => ({ completions: tasks.map((t) => t.detail.values ?? {}) });
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  useEffect(() => setValues(initial()), [tasks.map((t) => t.taskId).join()]); // eslint-disable-line react-hooks/exhaustive-deps
  const names = tasks.map((t) => `${t.child.firstName} ${t.child.lastName}`);
  const sections = errorsByChild(errors, tasks.length);
  const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
  const title = TASKS[taskKey] ?? 'Tasks';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const forms = (values.completions as Record<string, unknown>[]) ?? [];
    try {
      await api.completeTogether(tasks.map((t, i) => ({ taskId: t.taskId, form: forms[i] ?? {} })));
      await client.invalidateQueries();
      const done = `${title} completed for ${names.join(', ')}.`;
      // Back to the family if it is still the user's to see (screened contacts move on to others), else the inbox.
      const stillVisible = await api.family(familyId).then(() => true, () => false);
      navigate(stillVisible ? `/families/${familyId}` : '/', { state: { done } });
    } catch (e) {
      setErrors(e instanceof ApiError
        ? (e.errors.length ? e.errors : [{ field: 'form', message: e.detail || e.title }])
        : [{ field: 'form', message: 'The forms could not be sent. Try again.' }]);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors(errors, names)}
                      describe={(e) => e.message} />
        <Warnings warnings={warnings} />
        <span className="govuk-caption-l">{names.join(', ')}</span>
        <h1 className="govuk-heading-l">{title}, together</h1>
        <p className="govuk-body">One form for each child. Nothing is saved unless every child’s form can be saved.</p>
        <form onSubmit={submit} noValidate>
          {tasks.map((t, i) => {
            const own = Object.keys(sections[i]).length;
            const task = t.detail.task;
            return (
              <section key={t.taskId} className="govuk-!-margin-bottom-8" aria-labelledby={`child-${i}-heading`}>
                <h2 className="govuk-heading-m" id={`child-${i}-heading`}>{names[i]}</h2>
                <p className="govuk-body-s">{task.reference} · {task.stage ? STAGES[task.stage] : ''} · due {date(task.dueOn)}
                  {task.overdue && <> <strong className="govuk-tag govuk-tag--red">Overdue</strong></>}
                  {' '}· <Link className="govuk-link" to={`/cases/${task.caseId}`}>View {t.child.firstName}’s case</Link></p>
                {own > 0 && (
                  <p className="govuk-error-message" id={`f-completions-${i}`} tabIndex={-1}>
                    <span className="govuk-visually-hidden">Error:</span> {sections[i][''] ?? `${own} problem${own > 1 ? 's' : ''} in ${t.child.firstName}’s form`}
                  </p>
                )}
                <ContactSummary context={t.detail.context} />
                <FormFields fields={FORMS[taskKey] ?? []} prefix={`completions[${i}]`} state={{ values, errors: byField,
                  change: (path, value) => setValues((v) => set(v, path, value)) }} />
              </section>
            );
          })}
          <button type="submit" className="govuk-button" disabled={sending}>Save all {tasks.length} and continue</button>
        </form>
      </div>
    </div>
  );
}

function ContactSummary({ context }: { context: Record<string, unknown> }) {
  const contact = (context as { contact?: { concerns?: string } }).contact;
  if (!contact?.concerns) return null;
  return <div className="govuk-inset-text"><p className="govuk-body">{contact.concerns}</p></div>;
}
