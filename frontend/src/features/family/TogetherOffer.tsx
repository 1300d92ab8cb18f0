import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { TASKS } from '../../lib/words';
import { childrenWithTasks, sharedTasks } from './together';

/** On a task's page: where the child's brothers and sisters have the same task open, the offer to work them together. */
export function TogetherOffer({ caseId, taskId, taskKey }: { caseId: string; taskId: string; taskKey: string }) {
  const kase = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const familyId = kase.data?.familyId ?? null;
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => api.family(familyId!), enabled: !!familyId });
  const shared = family.data ? sharedTasks(childrenWithTasks(family.data.children)).find((s) => s.taskKey === taskKey) : undefined;
  if (!shared || !shared.tasks.some((t) => t.taskId === taskId)) return null;
  const others = shared.tasks.filter((t) => t.taskId !== taskId).map((t) => t.child.firstName);
  return (
    <div className="govuk-inset-text">
      {others.join(' and ')} {others.length > 1 ? 'have' : 'has'} this task open too.{' '}
      <Link className="govuk-link" to={`/families/${familyId}/together/${taskKey}`}>
        {TASKS[taskKey] ?? 'Work these'} for all {shared.tasks.length} together
      </Link>
    </div>
  );
}
