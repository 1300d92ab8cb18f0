import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { TaskDetail } from '../../lib/types';
import { axeViolations } from '../../test/axe';
import { TaskPage } from './TaskPage';
import { InboxPage } from '../inbox/InboxPage';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const item = (taskKey: string) => ({ taskId: 't1', taskKey, name: taskKey, caseId: 'c1', reference: 'CP-0001', childName: 'Amara Mensah',
  stage: 'CP_PLAN', assignee: 'social.worker', candidateGroups: [], dueOn: '2026-12-10', overdue: false, createdAt: '2026-12-01T09:00:00Z' });

function page(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter initialEntries={[path]}><Routes>
    <Route path="/" element={<InboxPage />} />
    <Route path="/tasks/:taskId" element={<TaskPage />} />
  </Routes></MemoryRouter></QueryClientProvider>);
}

describe('task forms and what they show beside them', () => {
  it('completing an oversight action: the action, who set it, when due, the note it came from, and the form', async () => {
    const detail: TaskDetail = { task: item('completeAction'), values: {},
      context: { action: { text: 'Update the safety plan with Grandma', dueOn: '2026-12-10', setBy: 'team.manager', noteId: 'n7',
        noteSubject: 'Monthly oversight' } } };
    vi.spyOn(api, 'task').mockResolvedValue(detail);
    vi.spyOn(api, 'family').mockResolvedValue({ familyId: 'f1', children: [], adults: [], warnings: [], nextDueOn: null });
    vi.spyOn(api, 'case').mockResolvedValue({ familyId: null } as never);
    page('/tasks/t1');
    await screen.findByRole('heading', { name: 'Complete an action from management oversight', level: 1 });
    expect(screen.getByText('Update the safety plan with Grandma')).toBeTruthy();
    expect(screen.getByText(/Set by team.manager, due 10 December 2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'The oversight note: Monthly oversight' }).getAttribute('href')).toBe('/notes/n7');
    expect(screen.getByRole('group', { name: 'Date done' })).toBeTruthy();
    expect(screen.getByLabelText('What was done')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('a map form shows what the child says beside it', async () => {
    vi.spyOn(api, 'task').mockResolvedValue({ task: item('completeAssessment'), values: {}, context: { childSays: {
      threeHouses: { worries: ['When mum shouts'], goodThings: ['My nan'], dreams: [], recordedOn: '2026-10-01', noteId: 'n9' },
      wishesAndFeelings: null } } });
    vi.spyOn(api, 'case').mockResolvedValue({ familyId: null } as never);
    page('/tasks/t1');
    await screen.findByRole('complementary', { name: 'What the child says' });
    expect(screen.getByText('“When mum shouts”')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('the inbox', () => {
  it('lists your unfinished notes at the top, only when there are some', async () => {
    vi.spyOn(api, 'tasks').mockResolvedValue({ items: [], total: 0 });
    const drafts = vi.spyOn(api, 'drafts').mockResolvedValue([]);
    page('/');
    await screen.findByText('Nothing assigned to you. Claim work from My teams’ tasks.');
    expect(screen.queryByRole('heading', { name: 'Your unfinished notes' })).toBeNull();
    cleanup();
    drafts.mockResolvedValue([{ noteId: 'n2', caseIds: ['c1'], reference: 'CP-0000001', childName: 'Amara Mensah', kind: 'HOME_VISIT',
      status: 'DRAFT', occurredAt: null, subject: 'Visit to Amara',
      text: 'Seen', people: [], childSeen: null, childSeenAlone: null, significant: false, threeHouses: null, wishesAndFeelings: null,
      author: 'social.worker', savedAt: '2026-12-01T10:42:00Z', finalisedAt: null, amendments: [], actions: [] }]);
    page('/');
    await screen.findByRole('heading', { name: 'Your unfinished notes' });
    expect(screen.getByRole('link', { name: 'Visit to Amara' }).getAttribute('href')).toBe('/notes/n2/edit');
    expect(screen.getByText(/Home visit for Amara Mensah \(CP-0000001\),\s+saved 1 Dec 2026, 10:42/)).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
