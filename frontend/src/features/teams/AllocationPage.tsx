import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { problems, TeamWorkerReason, useWorkerNames } from './moving';

const FIELD_WORDS: Record<string, string> = { team: 'Team', worker: 'Worker', reason: 'Reason', form: 'The reallocation' };

/** One case to another team or worker, by a manager of its team or a service manager. */
export function AllocationPage() {
  const { caseId = '' } = useParams();
  usePageTitle('Reallocate the case');
  const navigate = useNavigate();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const teams = useQuery({ queryKey: ['teams'], queryFn: api.teams });
  const nameOf = useWorkerNames();
  const [value, setValue] = useState({ team: '', worker: '', reason: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (view.isLoading) return <p className="govuk-body">Loading…</p>;
  const c = view.data;
  if (!c) return <h1 className="govuk-heading-l">Case not found</h1>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const done = await api.allocate(caseId,
        { team: value.team || undefined, worker: value.worker || undefined, reason: value.reason });
      await client.invalidateQueries();
      navigate(`/cases/${caseId}`, { state: { done: `Reallocated to ${done.worker ? nameOf(done.worker)
        : `${teams.data?.find((t) => t.teamId === done.team)?.name ?? 'the team'} (not yet allocated to a worker)`}; ${done.tasksMoved} open ${
        done.tasksMoved === 1 ? 'task' : 'tasks'} moved` } });
    } catch (e) {
      setErrors(problems(e));
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/cases/${caseId}`}>Back to the case</Link>
        <ErrorSummary errors={errors} describe={(e) => `${FIELD_WORDS[e.field] ?? 'The reallocation'}: ${e.message}`} />
        <span className="govuk-caption-l">{c.child.firstName} {c.child.lastName} · {c.reference}</span>
        <h1 className="govuk-heading-l">Reallocate the case</h1>
        <p className="govuk-body">Now {c.allocatedWorker ? `allocated to ${nameOf(c.allocatedWorker)}` : 'not allocated'}.
          The case’s open tasks move to the new worker.</p>
        <form onSubmit={submit} noValidate>
          <TeamWorkerReason teams={teams.data ?? []} value={value} onChange={setValue} errors={errors}
                            names={{ team: 'team', worker: 'worker', reason: 'reason' }} nameOf={nameOf}
                            exclude={c.allocatedWorker ?? undefined}
                            reasonHint="It is recorded on the case’s chronology." />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">Reallocate</button>
            <Link className="govuk-link" to={`/cases/${caseId}`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
