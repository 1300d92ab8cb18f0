import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, ApiError } from '../../lib/api';
import type { Me, Team, TeamCaseload, WorkerCaseload } from '../../lib/types';
import { axeViolations } from '../../test/axe';
import { SessionProvider } from '../auth/session';
import { Layout } from '../../app/Layout';
import { CaseloadPage } from './CaseloadPage';
import { WorkerPage } from './WorkerPage';
import { AllocationPage } from './AllocationPage';
import { TeamsPage } from './TeamsPage';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const manager: Me = { username: 'team.manager', displayName: 'Tess Manager', groups: ['team-managers'] };
const teams: Team[] = [
  { teamId: 'cp1', name: 'Child Protection 1', service: 'CHILD_PROTECTION', managers: ['team.manager'],
    members: ['leaver', 'sam.worker', 'kim.worker'] },
  { teamId: 'cin1', name: 'Children in Need 1', service: 'CHILDREN_IN_NEED', managers: ['other.manager'], members: ['lee.worker'] },
];
const counts = (cpPlan: number, cinPlan: number, assessment: number, earlyHelp: number, other: number) =>
  ({ cpPlan, cinPlan, assessment, earlyHelp, other, total: cpPlan + cinPlan + assessment + earlyHelp + other });
const caseload: TeamCaseload = {
  teamId: 'cp1', name: 'Child Protection 1',
  workers: [
    { username: 'leaver', name: 'Lee Leaver', cases: counts(4, 2, 1, 0, 0), openTasks: 9, overdueTasks: 2, notSeenInTime: 1, supervisionOverdue: 0 },
    { username: 'sam.worker', name: 'Sam Worker', cases: counts(1, 1, 1, 0, 0), openTasks: 3, overdueTasks: 0, notSeenInTime: 0, supervisionOverdue: 1 },
  ],
  totals: { cases: counts(5, 3, 2, 0, 0), openTasks: 12, overdueTasks: 2, notSeenInTime: 1, supervisionOverdue: 1 },
};
const leaversCases: WorkerCaseload = {
  teamId: 'cp1', username: 'leaver', name: 'Lee Leaver',
  cases: ['a', 'b', 'c'].map((k, i) => ({
    caseId: `case-${k}`, reference: `CP-000${i + 1}`, childName: `Child ${k.toUpperCase()}`, stage: 'CP_PLAN', kind: 'CP_PLAN' as const,
    openTasks: 2, overdueTasks: i === 0 ? 1 : 0, lastVisitOn: i === 2 ? null : '2026-11-20', lastSupervisionOn: '2026-10-01',
    notSeenInTime: i === 0, supervisionOverdue: i === 1 })),
};
const users = [{ username: 'sam.worker', displayName: 'Sam Worker' }, { username: 'kim.worker', displayName: 'Kim Worker' },
  { username: 'leaver', displayName: 'Lee Leaver' }];

function at(path: string, routes: ReactNode) {
  render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <SessionProvider><MemoryRouter initialEntries={[path]}><Routes>{routes}</Routes></MemoryRouter></SessionProvider>
  </QueryClientProvider>);
}

function Done() {
  return <p>Case page: {(useLocation().state as { done?: string } | null)?.done}</p>;
}

describe('teams and caseloads', () => {
  it('the caseload: a row a worker, the totals, the overdue and the highest marked, axe-clean', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'caseload').mockResolvedValue(caseload);
    at('/teams/cp1', <Route path="/teams/:teamId" element={<CaseloadPage />} />);
    const table = await screen.findByRole('table', { name: 'Open cases and work, by worker' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // the head, two workers, the totals
    expect(within(rows[1]).getByRole('link', { name: 'Lee Leaver' }).getAttribute('href')).toBe('/teams/cp1/workers/leaver');
    expect(rows[1].textContent).toContain('7, the highest');
    expect(within(rows[1]).getByText(/not seen in time/).closest('.govuk-tag--red')).toBeTruthy();
    expect(within(rows[2]).getByText(/supervision overdue/).closest('.govuk-tag--red')).toBeTruthy();
    expect(rows[3].textContent).toBe('Team total5320010122' + '11');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('lists the teams a manager manages, the service in words', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'teams').mockResolvedValue(teams);
    at('/teams', <Route path="/teams" element={<TeamsPage />} />);
    const link = await screen.findByRole('link', { name: 'Child Protection 1' });
    expect(link.getAttribute('href')).toBe('/teams/cp1');
    expect(screen.getByText(/Child protection · 3 members/)).toBeTruthy();
    expect(screen.queryByText('Children in Need 1')).toBeNull();
  });

  it('moves two selected cases to one colleague, and says which were not moved and why', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'teams').mockResolvedValue(teams);
    vi.spyOn(api, 'users').mockResolvedValue(users);
    const load = vi.spyOn(api, 'workerCaseload').mockResolvedValue(leaversCases);
    const move = vi.spyOn(api, 'reallocate').mockResolvedValue({ moved: ['case-a'], notMoved: [{ caseId: 'case-c', reason: 'the case is closed' }] });
    at('/teams/cp1/workers/leaver', <Route path="/teams/:teamId/workers/:username" element={<WorkerPage />} />);
    await screen.findByRole('heading', { name: 'Lee Leaver’s cases', level: 1 });
    expect(screen.getByRole('link', { name: 'CP-0001' }).getAttribute('href')).toBe('/cases/case-a');
    expect(screen.getAllByText('Not seen in time', { selector: '.govuk-tag' })).toHaveLength(1);
    expect(screen.getAllByText('Supervision overdue', { selector: '.govuk-tag' })).toHaveLength(1);
    fireEvent.click(screen.getByLabelText(/Child A/));
    fireEvent.click(screen.getByLabelText(/Child C/));
    const worker = screen.getByLabelText('Worker') as HTMLSelectElement;
    await vi.waitFor(() => expect(within(worker).getByRole('option', { name: 'Kim Worker' })).toBeTruthy());
    expect(within(worker).queryByRole('option', { name: 'Lee Leaver' })).toBeNull(); // not to the leaver
    fireEvent.change(worker, { target: { value: 'kim.worker' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Lee is leaving.' } });
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Move the selected cases' }));
    await vi.waitFor(() => expect(move).toHaveBeenCalledWith('leaver',
      { toWorker: 'kim.worker', toTeam: 'cp1', reason: 'Lee is leaving.', caseIds: ['case-a', 'case-c'] }));
    expect((await screen.findByRole('status')).textContent).toContain('1 case moved to Kim Worker');
    expect(screen.getByText(/One case was not moved/).textContent).toContain('CP-0003: the case is closed');
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2)); // the list again
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('moves a leaver’s children to two colleagues, some to one and the rest to the other, and reports each case', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'teams').mockResolvedValue(teams);
    vi.spyOn(api, 'users').mockResolvedValue(users);
    const left = (...ids: string[]) => ({ ...leaversCases, cases: leaversCases.cases.filter((c) => ids.includes(c.caseId)) });
    const load = vi.spyOn(api, 'workerCaseload').mockResolvedValueOnce(leaversCases).mockResolvedValueOnce(left('case-c'))
      .mockResolvedValue(left());
    const move = vi.spyOn(api, 'reallocate').mockResolvedValueOnce({ moved: ['case-a', 'case-b'], notMoved: [] })
      .mockResolvedValueOnce({ moved: ['case-c'], notMoved: [] });
    at('/teams/cp1/workers/leaver', <Route path="/teams/:teamId/workers/:username" element={<WorkerPage />} />);
    await screen.findByRole('heading', { name: 'Lee Leaver’s cases', level: 1 });
    fireEvent.click(screen.getByLabelText(/Child A/));
    fireEvent.click(screen.getByLabelText(/Child B/));
    const worker = () => screen.getByLabelText('Worker') as HTMLSelectElement;
    await vi.waitFor(() => expect(within(worker()).getByRole('option', { name: 'Sam Worker' })).toBeTruthy());
    fireEvent.change(worker(), { target: { value: 'sam.worker' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Lee is leaving the council.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move the selected cases' }));
    expect((await screen.findByRole('status')).textContent).toContain('2 cases moved to Sam Worker');
    await vi.waitFor(() => expect(screen.queryByLabelText(/Child A/)).toBeNull()); // the list again, without them
    expect(screen.getByText(/selected\. Their open tasks move with them/).textContent).toMatch(/^0 selected/);

    // The rest to the other colleague: the team and the reason stay; only the worker is chosen again.
    expect((screen.getByLabelText('Reason') as HTMLTextAreaElement).value).toBe('Lee is leaving the council.');
    expect(worker().value).toBe('');
    fireEvent.click(screen.getByLabelText(/Child C/));
    fireEvent.change(worker(), { target: { value: 'kim.worker' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move the selected cases' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 case moved to Kim Worker'));
    expect(move.mock.calls.map(([who, body]) => [who, body.toWorker, body.toTeam, body.reason, body.caseIds])).toEqual([
      ['leaver', 'sam.worker', 'cp1', 'Lee is leaving the council.', ['case-a', 'case-b']],
      ['leaver', 'kim.worker', 'cp1', 'Lee is leaving the council.', ['case-c']]]);

    const report = await screen.findByRole('table', { name: 'The 3 cases moved from this page' });
    const rows = within(report).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['Child ACP-0001', 'Sam Worker in Child Protection 1', '2'],
      ['Child BCP-0002', 'Sam Worker in Child Protection 1', '2'],
      ['Child CCP-0003', 'Kim Worker in Child Protection 1', '2']]);
    expect(within(report).getByRole('link', { name: 'Child C' }).getAttribute('href')).toBe('/cases/case-c');
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    expect(await screen.findByText('No open cases.')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('shows the API’s errors by field', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'teams').mockResolvedValue(teams);
    vi.spyOn(api, 'users').mockResolvedValue(users);
    vi.spyOn(api, 'workerCaseload').mockResolvedValue(leaversCases);
    vi.spyOn(api, 'reallocate').mockRejectedValue(new ApiError(400, 'Bad Request', '', [
      { field: 'toWorker', message: 'is not a member of the team' }, { field: 'reason', message: 'is required' }]));
    at('/teams/cp1/workers/leaver', <Route path="/teams/:teamId/workers/:username" element={<WorkerPage />} />);
    await screen.findByRole('heading', { name: 'Lee Leaver’s cases', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Move the selected cases' }));
    expect((await screen.findByRole('link', { name: 'Cases: Select at least one case to move' })).getAttribute('href')).toBe('#f-caseIds');
    fireEvent.click(screen.getByLabelText(/Child B/));
    fireEvent.click(screen.getByRole('button', { name: 'Move the selected cases' }));
    const link = await screen.findByRole('link', { name: 'Worker: is not a member of the team' });
    expect(link.getAttribute('href')).toBe('#f-toWorker');
    expect(screen.getByRole('link', { name: 'Reason: is required' }).getAttribute('href')).toBe('#f-reason');
    expect(screen.getByLabelText('Reason').getAttribute('aria-describedby')).toContain('f-reason-error');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('reallocates one case: posts {team, worker, reason} and goes back to the case with a banner', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    vi.spyOn(api, 'teams').mockResolvedValue(teams);
    vi.spyOn(api, 'users').mockResolvedValue(users);
    vi.spyOn(api, 'case').mockResolvedValue({ caseId: 'case-a', reference: 'CP-0001', stage: 'CP_PLAN', status: 'OPEN',
      child: { firstName: 'Amara', lastName: 'Mensah' }, allocatedWorker: 'leaver' } as never);
    const allocate = vi.spyOn(api, 'allocate').mockRejectedValueOnce(new ApiError(400, 'Bad Request', '', [
      { field: 'team', message: 'is required' }])).mockResolvedValue({ caseId: 'case-a', team: 'cin1', worker: 'lee.worker', tasksMoved: 3 });
    at('/cases/case-a/allocation', <>
      <Route path="/cases/:caseId/allocation" element={<AllocationPage />} />
      <Route path="/cases/:caseId" element={<Done />} /></>);
    await screen.findByRole('heading', { name: 'Reallocate the case', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Reallocate' }));
    expect((await screen.findByRole('link', { name: 'Team: is required' })).getAttribute('href')).toBe('#f-team');
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 'cin1' } });
    fireEvent.change(screen.getByLabelText('Worker'), { target: { value: 'lee.worker' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Stepped down to CIN.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reallocate' }));
    await vi.waitFor(() => expect(allocate).toHaveBeenLastCalledWith('case-a',
      { team: 'cin1', worker: 'lee.worker', reason: 'Stepped down to CIN.' }));
    expect((await screen.findByText(/Case page:/)).textContent).toBe('Case page: Reallocated to lee.worker; 3 open tasks moved');
  });

  it('a team manager sees the Teams link; a social worker does not', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    at('/', <Route element={<Layout />}><Route path="/" element={<p>Home</p>} /></Route>);
    expect((await screen.findByRole('link', { name: 'Teams' })).getAttribute('href')).toBe('/teams');
    cleanup();
    vi.spyOn(api, 'me').mockResolvedValue({ username: 'social.worker', displayName: 'Sara Worker', groups: ['social-workers'] });
    at('/', <Route element={<Layout />}><Route path="/" element={<p>Home</p>} /></Route>);
    await screen.findByRole('link', { name: 'Inbox' });
    expect(screen.queryByRole('link', { name: 'Teams' })).toBeNull();
  });
});
