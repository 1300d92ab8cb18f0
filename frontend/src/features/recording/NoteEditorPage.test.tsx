import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Me } from '../../lib/types';
import { SessionProvider } from '../auth/session';
import { axeViolations } from '../../test/axe';
import { NoteEditorPage } from './NoteEditorPage';
import { NotePage } from './NotePage';
import { amara, caseView, family, note } from './fixtures';

const worker: Me = { username: 'social.worker', displayName: 'Sam Worker', groups: ['social-workers'] };
const manager: Me = { username: 'team.manager', displayName: 'Tom Manager', groups: ['team-managers'] };

function Landed() {
  const state = useLocation().state as { done?: string } | null;
  return <p>Back on the notes: {state?.done}</p>;
}

/** Every address the page has been at, in order. */
const visited: string[] = [];
function Visits() {
  const { pathname } = useLocation();
  useEffect(() => { visited.push(pathname); }, [pathname]);
  return null;
}

function page(path: string, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Visits />
          <Routes>
            <Route path="/cases/:caseId/notes/new" element={<NoteEditorPage />} />
            <Route path="/notes/:noteId/edit" element={<NoteEditorPage />} />
            <Route path="/notes/:noteId" element={<NotePage />} />
            <Route path="/cases/:caseId/notes" element={<Landed />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

/** Lets the promises of the mocked API settle under fake timers. */
const settle = () => act(async () => { await vi.advanceTimersByTimeAsync(0); });

beforeEach(() => {
  localStorage.clear();
  visited.length = 0;
  vi.spyOn(api, 'me').mockResolvedValue(worker);
  vi.spyOn(api, 'case').mockResolvedValue(caseView);
  vi.spyOn(api, 'person').mockResolvedValue(amara);
  vi.spyOn(api, 'family').mockResolvedValue(family);
  vi.spyOn(api, 'users').mockResolvedValue([{ username: 'social.worker', displayName: 'Sam Worker' }]);
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  vi.restoreAllMocks();
});

describe('writing a note', () => {
  it('creates the draft at the first change, then saves the whole body again after a pause in the typing', async () => {
    const add = vi.spyOn(api, 'addNote').mockResolvedValue(note({ text: 'S' }));
    const save = vi.spyOn(api, 'saveNote').mockResolvedValue(note());
    page('/cases/c1/notes/new?kind=HOME_VISIT');
    const text = await screen.findByLabelText('What happened');
    await screen.findByLabelText('Abena Mensah');
    expect((screen.getByLabelText('What kind of note') as HTMLSelectElement).value).toBe('HOME_VISIT');
    expect(screen.getByText('If the child was seen, this records the statutory visit.')).toBeTruthy();
    vi.useFakeTimers();

    fireEvent.change(text, { target: { value: 'S' } });
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0][0]).toBe('c1');
    expect(add.mock.calls[0][1]).toMatchObject({ status: 'DRAFT', kind: 'HOME_VISIT', text: 'S', people: [], significant: false });
    expect(add.mock.calls[0][1].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    // The address is now the draft's own, and the very same form carries on.
    expect(screen.getByLabelText('What happened')).toBe(text);

    fireEvent.change(text, { target: { value: 'Seen at home' } });
    fireEvent.click(screen.getByLabelText('Abena Mensah'));
    await act(async () => { await vi.advanceTimersByTimeAsync(2900); });
    expect(save).not.toHaveBeenCalled();
    await act(async () => { await vi.advanceTimersByTimeAsync(200); });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toBe('n1');
    expect(save.mock.calls[0][1]).toMatchObject({ text: 'Seen at home', people: ['p-mum'], status: 'DRAFT' });
    await settle();
    expect(screen.getByRole('status').textContent).toMatch(/^Draft saved at \d\d:\d\d$/);
    expect(localStorage.getItem('casepath.note.n1')).toBeNull();
  });

  it('saves one at a time, the newest last', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note());
    let finish: () => void = () => undefined;
    const save = vi.spyOn(api, 'saveNote').mockImplementation((_, body) => new Promise((resolve) => {
      finish = () => resolve(note({ text: body.text }));
    }));
    page('/notes/n1/edit');
    const text = await screen.findByLabelText('What happened');
    vi.useFakeTimers();
    fireEvent.change(text, { target: { value: 'First' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(3000); });
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    fireEvent.change(text, { target: { value: 'First and second' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(3000); });
    expect(save).toHaveBeenCalledTimes(1); // still the first in flight
    await act(async () => { finish(); await vi.advanceTimersByTimeAsync(0); });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1][1].text).toBe('First and second');
  });

  it('keeps what was typed on the device when a save fails, and says so', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note());
    vi.spyOn(api, 'saveNote').mockRejectedValue(new TypeError('Failed to fetch'));
    page('/notes/n1/edit');
    const text = await screen.findByLabelText('What happened');
    vi.useFakeTimers();
    fireEvent.change(text, { target: { value: 'Seen at home. Mum was there.' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(3000); });
    expect(screen.getByRole('status').textContent).toBe('Not saved – no connection. What you typed is kept on this device '
      + 'and will be saved when you are back online.');
    const kept = JSON.parse(localStorage.getItem('casepath.note.n1')!);
    expect(kept.draft.text).toBe('Seen at home. Mum was there.');
  });

  it('says so when the session has timed out, and keeps the text', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note());
    vi.spyOn(api, 'saveNote').mockRejectedValue(new ApiError(401, 'Unauthorized', '', []));
    page('/notes/n1/edit');
    const text = await screen.findByLabelText('What happened');
    vi.useFakeTimers();
    fireEvent.change(text, { target: { value: 'More' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(3000); });
    expect(screen.getByRole('status').textContent).toMatch(/^Not saved – you have been signed out/);
    expect(JSON.parse(localStorage.getItem('casepath.note.n1')!).draft.text).toBe('More');
  });

  it('offers what this device kept when the form reopens, if it is newer than the saved draft', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note({ text: 'Older', savedAt: '2026-11-30T10:20:00Z' }));
    const save = vi.spyOn(api, 'saveNote').mockResolvedValue(note());
    page('/notes/n1/edit');
    const saved = await screen.findByLabelText('What happened');
    const { fromNote } = await import('./draft');
    localStorage.setItem('casepath.note.n1', JSON.stringify({ draft: { ...fromNote(note(), 'c1'), text: 'Newer, typed in the car' },
      at: '2026-11-30T10:25:00Z', noteId: 'n1', caseId: 'c1' }));
    cleanup();
    page('/notes/n1/edit');
    await screen.findByRole('heading', { name: 'Not yet saved' });
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Restore what I typed' }));
    expect((screen.getByLabelText('What happened') as HTMLTextAreaElement).value).toBe('Newer, typed in the car');
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('n1', expect.objectContaining({ text: 'Newer, typed in the car' })),
      { timeout: 5000 });
    expect(saved).toBeTruthy();
  });

  it('compares the times as instants, whatever offset the server writes', async () => {
    localStorage.setItem('casepath.note.n1', JSON.stringify({ draft: { ...(await import('./draft')).fromNote(note(), 'c1'), text: 'Newer' },
      at: '2026-11-30T10:25:00.000Z', noteId: 'n1', caseId: 'c1' }));
    vi.spyOn(api, 'note').mockResolvedValue(note({ savedAt: '2026-11-30T11:20:00+01:00' })); // 10:20 UTC
    page('/notes/n1/edit');
    await screen.findByRole('heading', { name: 'Not yet saved' });
  });

  it('with no connection at the first change, tries again after the pause rather than at every key', async () => {
    const add = vi.spyOn(api, 'addNote').mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(note());
    page('/cases/c1/notes/new');
    const text = await screen.findByLabelText('What happened');
    await screen.findByLabelText('Abena Mensah');
    vi.useFakeTimers();
    fireEvent.change(text, { target: { value: 'S' } });
    await settle();
    expect(screen.getByRole('status').textContent).toMatch(/^Not saved – no connection/);
    expect(JSON.parse(localStorage.getItem('casepath.note.new.c1')!).draft.text).toBe('S');
    fireEvent.change(text, { target: { value: 'Se' } });
    fireEvent.change(text, { target: { value: 'Seen' } });
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    await act(async () => { await vi.advanceTimersByTimeAsync(3000); });
    expect(add).toHaveBeenCalledTimes(2);
    expect(add.mock.calls[1][1].text).toBe('Seen');
    expect(localStorage.getItem('casepath.note.new.c1')).toBeNull();
  });

  it('does not offer what the device kept when the server’s draft is newer', async () => {
    localStorage.setItem('casepath.note.n1', JSON.stringify({ draft: { text: 'Old' }, at: '2026-11-30T10:00:00Z', noteId: 'n1', caseId: 'c1' }));
    vi.spyOn(api, 'note').mockResolvedValue(note({ savedAt: '2026-11-30T10:20:00Z' }));
    page('/notes/n1/edit');
    await screen.findByLabelText('What happened');
    expect(screen.queryByRole('heading', { name: 'Not yet saved' })).toBeNull();
  });

  it('asks whether the child was seen alone only once they were seen', async () => {
    vi.spyOn(api, 'addNote').mockResolvedValue(note());
    page('/cases/c1/notes/new?kind=HOME_VISIT');
    await screen.findByLabelText('Abena Mensah');
    expect(screen.queryByRole('group', { name: 'Seen alone?' })).toBeNull();
    fireEvent.click(screen.getAllByLabelText('Yes')[0]);
    expect(screen.getByRole('group', { name: 'Seen alone?' })).toBeTruthy();
    fireEvent.click(screen.getAllByLabelText('No')[0]);
    expect(screen.queryByRole('group', { name: 'Seen alone?' })).toBeNull();
  });

  it('shows the API’s refusal to finalise by field, with the error summary', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note({ text: '' }));
    vi.spyOn(api, 'finaliseNote').mockRejectedValue(new ApiError(400, 'Bad Request', 'The note is incomplete', [
      { field: 'text', message: 'is required' }, { field: 'childSeen', message: 'is required' }]));
    page('/notes/n1/edit');
    await screen.findByLabelText('What happened');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the record' }));
    await screen.findByRole('heading', { name: 'There is a problem' });
    expect(screen.getByRole('link', { name: 'What happened is required' }).getAttribute('href')).toBe('#f-text');
    expect(screen.getByRole('link', { name: 'Was the child seen is required' }).getAttribute('href')).toBe('#f-childSeen');
    expect(document.getElementById('f-text-error')?.textContent).toContain('What happened is required');
    expect(document.getElementById('f-childSeen-error')?.textContent).toContain('is required');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('refuses a time in the future before asking the API', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note({ occurredAt: '2099-01-01T10:00:00Z' }));
    const finalise = vi.spyOn(api, 'finaliseNote');
    page('/notes/n1/edit');
    await screen.findByLabelText('What happened');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the record' }));
    await screen.findByRole('link', { name: 'When it happened must not be in the future' });
    expect(finalise).not.toHaveBeenCalled();
  });

  it('adds the note to the record and says when it recorded the statutory visit', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note({ childSeen: true, childSeenAlone: false }));
    vi.spyOn(api, 'finaliseNote').mockResolvedValue(note({ status: 'FINAL', visitTaskCompleted: true }));
    page('/notes/n1/edit');
    await screen.findByLabelText('What happened');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the record' }));
    await screen.findByText('Back on the notes: Note added to the record. The statutory visit was recorded.');
  });

  it('goes on to the case’s notes after finalising a reopened draft, although the draft now reads as final', async () => {
    const read = vi.spyOn(api, 'note').mockResolvedValue(note({ childSeen: true, childSeenAlone: false }));
    const final = note({ status: 'FINAL', visitTaskCompleted: true });
    vi.spyOn(api, 'finaliseNote').mockImplementation(async () => {
      read.mockResolvedValue(final);
      return final;
    });
    // The refetch after finalising lands, and renders, before the move to the notes does (a loaded browser).
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const invalidate = client.invalidateQueries.bind(client);
    let formWhileMoving: boolean | null = null;
    vi.spyOn(client, 'invalidateQueries').mockImplementation(async (...args) => {
      await invalidate(...args);
      await new Promise((r) => setTimeout(r, 20));
      formWhileMoving = !!screen.queryByLabelText('What happened');
    });
    page('/notes/n1/edit', client);
    await screen.findByLabelText('What happened');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the record' }));
    await screen.findByText('Back on the notes: Note added to the record. The statutory visit was recorded.');
    // The form stays until the move (not swapped for a move to the finished note, which may land last and win).
    expect(formWhileMoving).toBe(true);
    expect(visited).toEqual(['/notes/n1/edit', '/cases/c1/notes']);
  });

  it('discards a draft only when asked twice', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note());
    const discard = vi.spyOn(api, 'discardNote').mockResolvedValue(undefined);
    page('/notes/n1/edit');
    await screen.findByLabelText('What happened');
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(discard).not.toHaveBeenCalled();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, discard the draft' }));
    await screen.findByText('Back on the notes: Draft discarded.');
    expect(discard).toHaveBeenCalledWith('n1');
  });

  it('offers management oversight and its actions to managers only', async () => {
    page('/cases/c1/notes/new');
    const kind = await screen.findByLabelText('What kind of note');
    await screen.findByLabelText('Abena Mensah');
    expect(within(kind).queryByRole('option', { name: 'Management oversight' })).toBeNull();
    cleanup();

    vi.mocked(api.me).mockResolvedValue(manager);
    vi.spyOn(api, 'addNote').mockResolvedValue(note({ kind: 'MANAGEMENT_OVERSIGHT' }));
    page('/cases/c1/notes/new');
    await screen.findByLabelText('Abena Mensah');
    const managerKind = await screen.findByRole('option', { name: 'Management oversight' });
    fireEvent.change(screen.getByLabelText('What kind of note'), { target: { value: (managerKind as HTMLOptionElement).value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    fireEvent.change(screen.getByLabelText('Action 1'), { target: { value: 'Update the safety plan' } });
    await screen.findByRole('option', { name: 'Sam Worker (social.worker)' });
    fireEvent.change(screen.getByLabelText('Who will do action 1'), { target: { value: 'social.worker' } });
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('records one note on the brothers’ and sisters’ cases too: POST /api/notes with caseIds[]', async () => {
    const onCases = vi.spyOn(api, 'addNoteOnCases').mockResolvedValue(note({ caseIds: ['c1', 'c2'] }));
    const single = vi.spyOn(api, 'addNote');
    page('/cases/c1/notes/new?kind=HOME_VISIT');
    const kofi = await screen.findByLabelText('Kofi Mensah (CP-0002)');
    expect(screen.queryByLabelText('Amara Mensah (CP-0001)')).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(kofi);
    // Ticking a case waits for the pause (there may be another to tick) before the draft is created on them all.
    expect(onCases).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onCases).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(onCases.mock.calls[0][0]).toEqual(['c1', 'c2']);
    expect(onCases.mock.calls[0][1]).toMatchObject({ caseIds: ['c1', 'c2'], status: 'DRAFT' });
    expect(single).not.toHaveBeenCalled();
    // The API fixes a note's cases when it is created: from now on the page says so rather than asks.
    await screen.findByText('This note is also on the case of Kofi Mensah (CP-0002).');
    expect(screen.queryByLabelText('Kofi Mensah (CP-0002)')).toBeNull();
  });

  it('asks for the Three Houses in the child’s words for direct work', async () => {
    const add = vi.spyOn(api, 'addNote').mockResolvedValue(note({ kind: 'DIRECT_WORK' }));
    page('/cases/c1/notes/new?kind=DIRECT_WORK');
    await screen.findByLabelText('Abena Mensah');
    fireEvent.click(screen.getByRole('button', { name: 'Add a worry' }));
    fireEvent.change(screen.getByLabelText('House of worries 1'), { target: { value: 'When mum shouts' } });
    await vi.waitFor(() => expect(add).toHaveBeenCalled());
    expect(add.mock.calls[0][1]).toMatchObject({ kind: 'DIRECT_WORK', threeHouses: { worries: [], goodThings: [], dreams: [] } });
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('a note on the record', () => {
  it('reads a final note and adds an amendment', async () => {
    vi.spyOn(api, 'note').mockResolvedValue(note({ status: 'FINAL', finalisedAt: '2026-11-30T11:00:00Z', childSeen: true,
      childSeenAlone: true, significant: true, people: [{ personId: 'p-mum', name: 'Abena Mensah' }],
      amendments: [{ text: 'The visit was at 10:15, not 10:00.', reason: 'Time corrected', amendedBy: 'social.worker',
        amendedAt: '2026-11-30T12:00:00Z' }] }));
    const amend = vi.spyOn(api, 'amendNote').mockResolvedValue({ text: 'x', reason: 'y', amendedBy: 'a', amendedAt: '2026-12-01T10:00:00Z' });
    page('/notes/n1');
    await screen.findByRole('heading', { name: 'Home visit', level: 1 });
    expect(screen.getByText('The visit was at 10:15, not 10:00.')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add the amendment' }));
    await screen.findByRole('link', { name: 'The amendment is required' });
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.change(screen.getByLabelText('The amendment'), { target: { value: 'Mum’s partner was also there.' } });
    fireEvent.change(screen.getByLabelText('Why it is amended'), { target: { value: 'Left out' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the amendment' }));
    await vi.waitFor(() => expect(amend).toHaveBeenCalledWith('n1', { text: 'Mum’s partner was also there.', reason: 'Left out' }));
    await screen.findByText('Amendment added to the note.');
  });
});
