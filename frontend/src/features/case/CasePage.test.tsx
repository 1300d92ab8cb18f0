import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CaseMap, ChildSays } from '../../lib/types';
import { axeViolations } from '../../test/axe';
import { CasePage, type CaseRecording } from './CasePage';
import { groupMilestones } from './milestones';
import { SessionProvider } from '../auth/session';
import { LatestNotes, NotesTab } from '../recording/NotesTab';
import { amara, caseView, family, note } from '../recording/fixtures';

// bpmn-js draws on a canvas jsdom does not have; the diagram is checked in the browser journey.
vi.mock('./ProcessDiagram', () => ({
  ProcessDiagram: () => <figure><div className="casepath-diagram" /><figcaption>Process diagram: Child protection plan</figcaption></figure>,
}));

const RECORDING: CaseRecording = { Notes: NotesTab, Latest: LatestNotes };

const map: CaseMap = {
  current: { worries: ['Mum’s drinking at night'], workingWell: ['Grandma visits daily'], needsToHappen: ['A safety plan with Grandma'],
    dangerStatements: [{ statement: 'Amara could be hurt if left alone at night', safetyGoal: 'An adult is always there at night' }],
    safetyScale: 6, recordedOn: '2026-09-01' },
  history: [
    { recordedOn: '2026-03-10', sourceTask: 'completeAssessment', worries: ['Left alone'], workingWell: [], needsToHappen: [],
      dangerStatements: [], safetyScale: 2, scaledBy: 'social.worker' },
    { recordedOn: '2026-04-10', sourceTask: 'holdInitialConference', worries: null, workingWell: null, needsToHappen: null,
      dangerStatements: null, safetyScale: 4, scaledBy: 'conference.chair' },
    { recordedOn: '2026-09-01', sourceTask: 'holdReviewConference', worries: null, workingWell: null, needsToHappen: null,
      dangerStatements: null, safetyScale: 6, scaledBy: 'conference.chair' },
  ],
};

const says: ChildSays = {
  threeHouses: { worries: ['When mum shouts'], goodThings: ['My nan'], dreams: ['A dog'], recordedOn: '2026-10-01', noteId: 'n9' },
  wishesAndFeelings: { text: 'I want to stay with nan at weekends', recordedOn: '2026-10-01', noteId: 'n9' },
};

function page(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tab = (t: 'notes' | 'plan' | 'family' | 'chronology' | 'process') =>
    <Route path={`/cases/:caseId/${t}`} element={<CasePage tab={t} recording={RECORDING} />} />;
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/cases/:caseId" element={<CasePage recording={RECORDING} />} />
          {tab('notes')}{tab('plan')}{tab('family')}{tab('chronology')}{tab('process')}
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.spyOn(api, 'case').mockResolvedValue(caseView);
  vi.spyOn(api, 'map').mockResolvedValue(map);
  vi.spyOn(api, 'childSays').mockResolvedValue(says);
  vi.spyOn(api, 'person').mockResolvedValue(amara);
  vi.spyOn(api, 'family').mockResolvedValue(family);
  vi.spyOn(api, 'notes').mockResolvedValue({ total: 2, items: [
    note({ noteId: 'n2', status: 'DRAFT', subject: 'School visit, unfinished', kind: 'SCHOOL_VISIT' }),
    note({ noteId: 'n1', status: 'FINAL', significant: true, amendments: [{ text: 'Mum’s partner was there too.', reason: 'Left out',
      amendedBy: 'social.worker', amendedAt: '2026-12-01T09:00:00Z' }] }),
  ] });
  vi.spyOn(api, 'chronology').mockResolvedValue([
    { occurredAt: '2026-03-02T09:00:00Z', kind: 'CONTACT', summary: 'Contact received. Referral source: 2A Schools.', actor: 'front.door',
      significant: false, noteId: null },
    { occurredAt: '2026-04-10T09:00:00Z', kind: 'holdInitialConference', summary: 'Initial child protection conference held.',
      actor: 'conference.chair', significant: true, noteId: null },
    { occurredAt: '2026-11-30T10:15:00Z', kind: 'HOME_VISIT', summary: 'Home visit: seen at home.', actor: 'social.worker',
      significant: true, noteId: 'n1' },
  ]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the case page', () => {
  it('summary: warnings first, what is due next, the map and the scale chart, the child and what the child says, the latest notes', async () => {
    page('/cases/c1');
    await screen.findByRole('heading', { name: 'Amara Mensah', level: 1 });
    const main = document.body.textContent!;
    // Warnings, then what is due, then the map, in that order.
    expect(main.indexOf('Risk to')).toBeLessThan(main.indexOf('What is due next'));
    expect(main.indexOf('What is due next')).toBeLessThan(main.indexOf('Signs of Safety'));
    const due = screen.getByRole('heading', { name: 'What is due next' }).nextElementSibling!;
    expect(within(due as HTMLElement).getByRole('link', { name: 'Visit' }).getAttribute('href')).toBe('/tasks/t-visit');
    expect(within(due as HTMLElement).getAllByText('Overdue')).toHaveLength(1); // the visit due in January; not the timer of 2099
    expect(screen.getByText('Visit comes due')).toBeTruthy();
    await screen.findByText('Mum’s drinking at night');
    expect(screen.getByText('Amara could be hurt if left alone at night')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Safety scale over time/ })).toBeTruthy();
    expect(document.querySelectorAll('svg circle')).toHaveLength(3);
    expect(screen.getByRole('table', { name: 'The safety scale over time' })).toBeTruthy();
    await screen.findByText('“When mum shouts”');
    expect(screen.getByText('“I want to stay with nan at weekends”')).toBeTruthy();
    await screen.findByText('Draft – only you can see this');
    // Every fact the page showed before.
    for (const fact of ['CH-001', '9 July 2016', '9434765919', 'Re-referral within 12 months', '2 March 2026', 'social.worker']) {
      expect(document.body.textContent, fact).toContain(fact);
    }
    expect(screen.getByText(/second or subsequent plan \(1 before\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: "Change the child's NHS number, UPN or disabilities" }).getAttribute('href')).toBe('/cases/c1/child');
    expect(screen.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('keeps the tab in the address, and the arrow keys move between tabs', async () => {
    page('/cases/c1/plan');
    const plan = await screen.findByRole('tab', { name: 'Plan and timescales' });
    expect(plan.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(plan.id);
    fireEvent.keyDown(plan, { key: 'ArrowRight' });
    await screen.findByRole('heading', { name: 'Family and network' });
    expect(screen.getByRole('tab', { name: 'Family and network' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Family and network' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await screen.findByRole('heading', { name: 'What is due next' });
  });

  it('on a phone the tabs are a list of links, the open one marked, as GOV.UK Frontend has them', async () => {
    const media = { matches: false, addEventListener: () => undefined, removeEventListener: () => undefined };
    vi.stubGlobal('matchMedia', vi.fn(() => media));
    try {
      page('/cases/c1/chronology');
      const open = await screen.findByRole('link', { name: 'Chronology' });
      expect(open.getAttribute('aria-current')).toBe('page');
      expect(screen.queryByRole('tab')).toBeNull();
      expect(screen.getByRole('link', { name: 'Summary' }).getAttribute('href')).toBe('/cases/c1');
      expect(await axeViolations(document.body)).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('plan and timescales: one row per kind of milestone with its next due date and counts, not every visit', async () => {
    page('/cases/c1/plan');
    const table = await screen.findByRole('table', { name: 'Timescales, by kind' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3); // ICPC, VISIT (10 of them), RCPC
    const visit = rows.find((r) => r.getAttribute('data-milestone') === 'VISIT')!;
    const cells = within(visit).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['20 August 2026', '6', '1', '1']); // next due: the overdue one; 6 met, 1 missed, 1 overdue
    expect(within(visit).getByText(/All 10/)).toBeTruthy();
    expect(within(visit).getAllByRole('listitem')).toHaveLength(10);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('groups milestones by key', () => {
    const groups = groupMilestones(caseView.milestones);
    expect(groups.map((g) => [g.key, g.occurrences.length, g.met, g.missed, g.overdue, g.due])).toEqual([
      ['ICPC', 1, 1, 0, 0, 0], ['VISIT', 10, 6, 1, 1, 2], ['RCPC', 1, 0, 0, 0, 1]]);
    expect(groups[2].nextDueOn).toBe('2026-07-10');
    expect(groups[0].nextDueOn).toBeNull();
  });

  it('notes: newest first, the reader’s own draft marked with a way back to it, amendments under the text', async () => {
    page('/cases/c1/notes');
    await screen.findByText('Draft – only you can see this');
    expect(screen.getByRole('link', { name: /^Continue writing/ }).getAttribute('href')).toBe('/notes/n2/edit');
    expect(screen.getByText('Significant')).toBeTruthy();
    expect(screen.getByText('Mum’s partner was there too.')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Write a note' })[0].getAttribute('href')).toBe('/cases/c1/notes/new');
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByLabelText('Significant events only'));
    await vi.waitFor(() => expect(api.notes).toHaveBeenLastCalledWith('c1', { kind: undefined, significant: true, page: 0, size: 20 }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'HOME_VISIT' } });
    await vi.waitFor(() => expect(api.notes).toHaveBeenLastCalledWith('c1', { kind: 'HOME_VISIT', significant: true, page: 0, size: 20 }));
  });

  it('family and network: the child’s record and family, the people around them, the safety network', async () => {
    page('/cases/c1/family');
    await screen.findByText('Walks her to school', { exact: false });
    expect(screen.getByRole('link', { name: /Amara’s record/ }).getAttribute('href')).toBe('/people/p-amara');
    expect(screen.getByRole('link', { name: /Amara’s family/ }).getAttribute('href')).toBe('/families/f1');
    await screen.findByRole('link', { name: /CP-0002/ });
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('chronology: kinds in words, significant events only asks the API for significant=true, printable', async () => {
    page('/cases/c1/chronology');
    await screen.findByText('Initial child protection conference held.');
    expect(document.body.textContent).toContain('Contact received');
    expect(document.body.textContent).not.toContain('holdInitialConference');
    expect(document.body.textContent).not.toContain('HOME_VISIT');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByLabelText('Significant events only'));
    await vi.waitFor(() => expect(api.chronology).toHaveBeenLastCalledWith('c1', { kind: undefined, significant: true }));
    await screen.findByRole('heading', { name: 'Chronology: significant events' });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
  });

  it('process: the diagram', async () => {
    page('/cases/c1/process');
    await screen.findByText('Process diagram: Child protection plan');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('the API client', () => {
  it('asks for the significant events with ?significant=true', async () => {
    vi.mocked(api.chronology).mockRestore();
    vi.mocked(api.notes).mockRestore();
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('[]', { status: 200 }));
    await api.chronology('c1', { significant: true });
    expect(fetch.mock.calls[0][0]).toBe('/api/cases/c1/chronology?significant=true');
    await api.chronology('c1', { kind: 'HOME_VISIT' });
    expect(fetch.mock.calls[1][0]).toBe('/api/cases/c1/chronology?kind=HOME_VISIT');
    await api.notes('c1', { significant: true, page: 0, size: 3 });
    expect(fetch.mock.calls[2][0]).toBe('/api/cases/c1/notes?significant=true&page=0&size=3');
  });

  it('a manager reallocates from the allocation line; a social worker sees no such link', async () => {
    const at = () => render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionProvider><MemoryRouter initialEntries={['/cases/c1']}><Routes>
        <Route path="/cases/:caseId" element={<CasePage recording={RECORDING} />} /></Routes></MemoryRouter></SessionProvider>
    </QueryClientProvider>);
    vi.spyOn(api, 'me').mockResolvedValue({ username: 'team.manager', displayName: 'Tess Manager', groups: ['team-managers'] });
    at();
    const link = await screen.findByRole('link', { name: 'Reallocate the case' });
    expect(link.getAttribute('href')).toBe('/cases/c1/allocation');
    cleanup();
    vi.spyOn(api, 'me').mockResolvedValue({ username: 'social.worker', displayName: 'Sara Worker', groups: ['social-workers'] });
    at();
    await screen.findByRole('heading', { name: 'Amara Mensah', level: 1 });
    await vi.waitFor(() => expect(api.me).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: 'Reallocate the case' })).toBeNull();
  });
});
