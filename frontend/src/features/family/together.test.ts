import { describe, expect, it } from 'vitest';
import { childrenWithTasks, completionOf, errorsByChild, sharedTasks, summaryErrors } from './together';

describe('working siblings’ tasks together', () => {
  it('finds the child of each error from completions[i].field', () => {
    expect(completionOf('completions[2].decision')).toEqual({ index: 2, field: 'decision' });
    expect(completionOf('completions[0].dangerStatements[1].safetyGoal'))
      .toEqual({ index: 0, field: 'dangerStatements[1].safetyGoal' });
    expect(completionOf('completions[1]')).toEqual({ index: 1, field: null });
    expect(completionOf('completions[1].taskId')).toEqual({ index: 1, field: null });
    expect(completionOf('completions')).toBeNull();
    expect(completionOf('decision')).toBeNull();
  });

  it('gives each child’s section its own errors', () => {
    const sections = errorsByChild([
      { field: 'completions[0].rationale', message: 'is required' },
      { field: 'completions[2].category', message: 'is required for a child protection plan' },
      { field: 'completions[2]', message: 'this task was completed by someone else' },
      { field: 'completions[7].decision', message: 'no such child' },
      { field: 'completions', message: 'give at least one' },
    ], 3);
    expect(sections).toEqual([
      { rationale: 'is required' },
      {},
      { category: 'is required for a child protection plan', '': 'this task was completed by someone else' },
    ]);
  });

  it('names the child in the error summary and links to their field', () => {
    const names = ['Amy Smith', 'Ben Smith'];
    expect(summaryErrors([
      { field: 'completions[1].decision', message: 'is required' },
      { field: 'completions[0]', message: 'may not be worked by you' },
      { field: 'completions[1].taskId', message: 'is on a case that does not belong with the others' },
      { field: 'completions', message: 'tasks of one family only' },
    ], names)).toEqual([
      { field: 'completions[1].decision', message: 'Ben Smith: Decision is required' },
      { field: 'completions[0]', message: 'Amy Smith: may not be worked by you' },
      { field: 'completions[1]', message: 'Ben Smith: is on a case that does not belong with the others' },
      { field: 'completions', message: 'tasks of one family only' },
    ]);
  });

  it('offers a task key only where two or more children have it open', () => {
    const child = (name: string, ...keys: string[]) =>
      ({ name, openTasks: keys.map((taskKey, i) => ({ taskId: `${name}-${i}`, taskKey })) });
    const shared = sharedTasks([child('a', 'screenContact', 'recordVisit'), child('b', 'screenContact'),
      child('c', 'screenContact', 'screenContact'), child('d', 'recordVisit'), child('e', 'allocateCase')]);
    expect(shared.map((s) => [s.taskKey, s.tasks.map((t) => t.taskId)])).toEqual([
      ['screenContact', ['a-0', 'b-0', 'c-0']],
      ['recordVisit', ['a-1', 'd-0']],
    ]);
  });

  it('gathers a child’s open tasks across their cases', () => {
    const rows = childrenWithTasks([
      { name: 'a', cases: [{ caseId: 'c1', openTasks: [{ taskId: 't1', taskKey: 'screenContact' }] },
        { caseId: 'c0', openTasks: [] }] },
      { name: 'b', cases: [{ caseId: 'c2', openTasks: [{ taskId: 't2', taskKey: 'screenContact' }] }] },
    ]);
    expect(rows[0].openTasks).toEqual([{ taskId: 't1', taskKey: 'screenContact', caseId: 'c1' }]);
    expect(sharedTasks(rows)[0].tasks.map((t) => [t.child.name, t.taskId])).toEqual([['a', 't1'], ['b', 't2']]);
  });
});
