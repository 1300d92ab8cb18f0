import type { FieldError } from '../../lib/types';
import { fieldName } from '../../components/ErrorSummary';

// Working several siblings' tasks at once (casework.md): the form of child i is completions[i], so
// the paths of the API's errors (completions[1].decision) are the paths of that child's fields on
// the page. These turn them into the page's two views: per field, and the error summary in words.

const COMPLETION = /^completions\[(\d+)](?:\.(.+))?$/;

/** Which child's section an error belongs to (its completion's index), and the field within it; null for the whole request. */
export function completionOf(field: string): { index: number; field: string | null } | null {
  const m = COMPLETION.exec(field);
  // completions[i].taskId (a task of another kind, or on another family's case) is about the child's task as a whole.
  return m ? { index: Number(m[1]), field: m[2] && m[2] !== 'taskId' ? m[2] : null } : null;
}

/** The errors of each child's section, by their field path within that child's form. */
export function errorsByChild(errors: FieldError[], count: number): Record<string, string>[] {
  const sections: Record<string, string>[] = Array.from({ length: count }, () => ({}));
  for (const e of errors) {
    const at = completionOf(e.field);
    if (at && at.index < count) sections[at.index][at.field ?? ''] = e.message;
  }
  return sections;
}

/**
 * The error summary: each error named by its child ("Amy Smith: Rationale is required"), linking to
 * the field in that child's section (the page's paths are the API's); errors that name no child
 * (the request, or a task someone else completed meanwhile) are said as they are.
 */
export function summaryErrors(errors: FieldError[], names: string[]): FieldError[] {
  return errors.map((e) => {
    const at = completionOf(e.field);
    if (!at || at.index >= names.length) return e;
    const what = at.field ? `${fieldName(at.field)} ${e.message}` : e.message;
    return { field: at.field ? e.field : `completions[${at.index}]`, message: `${names[at.index]}: ${what}` };
  });
}

/** The task keys that two or more children of the family have open, with each child's task of that key. */
export function sharedTasks<C extends { openTasks: { taskId: string; taskKey: string }[] }>(children: C[]):
  { taskKey: string; tasks: { child: C; taskId: string }[] }[] {
  const byKey = new Map<string, { child: C; taskId: string }[]>();
  for (const child of children) {
    const seen = new Set<string>();
    for (const t of child.openTasks ?? []) {
      if (seen.has(t.taskKey)) continue; // one of each key per child
      seen.add(t.taskKey);
      byKey.set(t.taskKey, [...(byKey.get(t.taskKey) ?? []), { child, taskId: t.taskId }]);
    }
  }
  return [...byKey.entries()].filter(([, tasks]) => tasks.length > 1).map(([taskKey, tasks]) => ({ taskKey, tasks }));
}

/** Each child with the open tasks of all their cases, each task knowing its case: what sharedTasks groups. */
export function childrenWithTasks<T extends { taskId: string; taskKey: string }, C extends { cases: { caseId: string; openTasks: T[] }[] }>(
  children: C[]): (C & { openTasks: (T & { caseId: string })[] })[] {
  return children.map((child) => ({
    ...child, openTasks: (child.cases ?? []).flatMap((c) => (c.openTasks ?? []).map((t) => ({ ...t, caseId: c.caseId }))),
  }));
}
