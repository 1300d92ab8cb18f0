import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Family, TaskDetail } from '../../lib/types';
import { FamilyPage } from './FamilyPage';
import { WorkTogetherPage } from './WorkTogetherPage';
import { axeViolations } from '../../test/axe';

const child = (first: string, caseId: string, taskId: string) => ({
  childId: `p-${first}`, personId: `p-${first}`, childNumber: null, firstName: first, lastName: 'Mensah',
  dateOfBirth: '2016-07-09', expectedDateOfBirth: null,
  cases: [{ caseId, reference: `CP-${caseId}`, stage: 'CONTACT', status: 'OPEN', allocatedWorker: null, closedOn: null,
    nextDueOn: '2026-03-26', openTasks: [{ taskId, taskKey: 'screenContact', name: 'Screen the contact', assignee: null,
      candidateGroups: ['front-door'], dueOn: '2026-03-26', overdue: false }] }],
});
const family: Family = {
  familyId: 'f1', nextDueOn: '2026-03-26',
  adults: [{ personId: 'p-mum', kind: 'ADULT', firstName: 'Abena', lastName: 'Mensah', relationships: [
    { relationshipId: 'r1', childId: 'p-Amara', childName: 'Amara Mensah', type: 'MOTHER', parentalResponsibility: true,
      livesWithChild: true, safetyNetwork: false, roleInPlan: null, organisation: null, from: null, to: null, current: true },
    { relationshipId: 'r2', childId: 'p-Kofi', childName: 'Kofi Mensah', type: 'MOTHER', parentalResponsibility: true,
      livesWithChild: false, safetyNetwork: false, roleInPlan: null, organisation: null, from: null, to: '2026-01-01', current: false }] },
  { personId: 'p-nan', kind: 'ADULT', firstName: 'Joy', lastName: 'Asante', relationships: [
    { relationshipId: 'r3', childId: 'p-Esi', childName: 'Esi Mensah', type: 'GRANDPARENT', parentalResponsibility: false,
      livesWithChild: false, safetyNetwork: true, roleInPlan: 'Stays on Fridays', organisation: null, from: null, to: null, current: true }] }],
  children: [child('Amara', 'c1', 't1'), child('Kofi', 'c2', 't2'), child('Esi', 'c3', 't3')],
  warnings: [{ warningId: 'w1', personId: 'p-mum', personName: 'Abena Mensah', type: 'RISK_TO_WORKER', details: 'Visit in pairs',
    startsOn: '2026-03-01', reviewOn: '2026-06-01', agreedBy: 'team.manager', current: true }],
};
const task = (taskId: string, caseId: string, childName: string): TaskDetail => ({
  task: { taskId, taskKey: 'screenContact', name: 'Screen the contact', caseId, reference: `CP-${caseId}`, childName,
    stage: 'CONTACT', assignee: null, candidateGroups: ['front-door'], dueOn: '2026-03-26', overdue: false, createdAt: '2026-03-25T09:30:00Z' },
  values: {}, context: { contact: { concerns: 'Left alone overnight' } },
});

function page(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<h1>Inbox</h1>} />
          <Route path="/families/:familyId" element={<FamilyPage />} />
          <Route path="/families/:familyId/together/:taskKey" element={<WorkTogetherPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.spyOn(api, 'family').mockResolvedValue(family);
  vi.spyOn(api, 'task').mockImplementation(async (id) =>
    task(id, { t1: 'c1', t2: 'c2', t3: 'c3' }[id]!, { t1: 'Amara Mensah', t2: 'Kofi Mensah', t3: 'Esi Mensah' }[id]!));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the family page', () => {
  it('shows the warnings, each child’s case in words, and offers the shared task together', async () => {
    const { container } = page('/families/f1');
    await screen.findByRole('heading', { name: 'The Mensah family', level: 1 });
    expect(container.querySelector('.govuk-warning-text')?.textContent).toContain('Risk to workers');
    expect(screen.getByRole('link', { name: 'Screen the contact for Amara, Kofi, Esi' }).getAttribute('href'))
      .toBe('/families/f1/together/screenContact');
    expect(screen.getByText('Mother of Amara Mensah, parental responsibility, lives with the child')).toBeTruthy();
    expect(screen.queryByText(/Mother of Kofi/)).toBeNull(); // ended
    expect(screen.getByText('Grandparent of Esi Mensah, safety network: Stays on Fridays')).toBeTruthy();
    expect(container.textContent).not.toMatch(/CONTACT|RISK_TO_WORKER|screenContact|MOTHER|GRANDPARENT/);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('working siblings’ tasks together', () => {
  it('gives each child their own form and sends them as one request', async () => {
    const sent = vi.spyOn(api, 'completeTogether').mockResolvedValue(undefined);
    const { container } = page('/families/f1/together/screenContact');
    await screen.findByRole('heading', { name: 'Screen the contact, together', level: 1 });
    for (const first of ['Amara', 'Kofi', 'Esi']) {
      const section = screen.getByRole('region', { name: `${first} Mensah` });
      fireEvent.click(within(within(section).getByRole('group', { name: 'Decision' })).getByLabelText('Strategy discussion'));
      fireEvent.change(within(section).getByLabelText('Rationale'), { target: { value: `${first} was alone` } });
    }
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save all 3 and continue' }));
    await screen.findByRole('heading', { name: 'The Mensah family' });
    const completions = sent.mock.calls[0][0];
    expect(completions.map((c) => c.taskId)).toEqual(['t1', 't2', 't3']);
    expect(completions[1].form).toEqual({ decision: 'STRATEGY_DISCUSSION', rationale: 'Kofi was alone' });
  });

  it('shows each refusal in its child’s section and names the child in the summary', async () => {
    vi.spyOn(api, 'completeTogether').mockRejectedValue(new ApiError(400, 'Bad request', '', [
      { field: 'completions[2].rationale', message: 'is required' },
      { field: 'completions[0].decision', message: 'is required' },
    ]));
    const { container } = page('/families/f1/together/screenContact');
    await screen.findByRole('heading', { name: 'Screen the contact, together', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Save all 3 and continue' }));
    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    const links = within(summary.parentElement!).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Esi Mensah: Rationale is required', '#f-completions-2-rationale'],
      ['Amara Mensah: Decision is required', '#f-completions-0-decision'],
    ]);
    const esi = screen.getByRole('region', { name: 'Esi Mensah' });
    expect(within(esi).getByText(/Rationale is required/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Kofi Mensah' })).queryByText(/is required/)).toBeNull();
    expect(container.querySelector('#f-completions-2-rationale')).not.toBeNull();
    const found = await axeViolations(container);
    expect(found).toEqual([]);
  });
});
