import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { RecordContactPage } from './RecordContactPage';
import { axeViolations } from '../../test/axe';

function page() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/contacts/new']}>
        <Routes>
          <Route path="/contacts/new" element={<RecordContactPage />} />
          <Route path="/families/:familyId" element={<h1>Family page</h1>} />
          <Route path="/cases/:caseId" element={<h1>Case page</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const type = (scope: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

beforeEach(() => {
  vi.spyOn(api, 'matches').mockImplementation(async (q) => (q.firstName === 'Kofi'
    ? [{ personId: 'p-kofi', childNumber: 'C000123', firstName: 'Kofi', lastName: 'Mensah', dateOfBirth: '2016-07-09',
      expectedDateOfBirth: null, sameDateOfBirth: false }] : []));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('recording a contact about several children', () => {
  it('suggests a child we know, links the one chosen, and sends children[]', async () => {
    const sent = vi.spyOn(api, 'recordContactFamily').mockResolvedValue({ familyId: 'f1', cases: [
      { caseId: 'c1', reference: 'CP-1', reReferral: false }, { caseId: 'c2', reference: 'CP-2', reReferral: true }] });
    const { container } = page();
    fireEvent.click(screen.getByRole('button', { name: 'Add another child' }));
    const first = screen.getByRole('group', { name: 'Child 1' });
    const second = screen.getByRole('group', { name: 'Child 2' });
    type(first, 'First name', 'Amara');
    type(first, 'Last name', 'Mensah');
    type(second, 'First name', 'Kofi');
    type(second, 'Last name', 'Mensah');
    const known = await within(second).findByRole('group', { name: 'Is this a child we know?' }, { timeout: 2000 });
    expect(within(first).queryByRole('group', { name: 'Is this a child we know?' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(within(known).getByLabelText('Kofi Mensah, born 9 July 2016 (child number C000123)'));
    expect(within(second).getByText(/Linked to a child we know/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What are the concerns?'), { target: { value: 'Left alone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the contact' }));
    await screen.findByRole('heading', { name: 'Family page' });
    const body = sent.mock.calls[0][0] as { children: Record<string, unknown>[]; child?: unknown };
    expect(body.child).toBeUndefined();
    expect(body.children).toEqual([{ firstName: 'Amara', lastName: 'Mensah' },
      { firstName: 'Kofi', lastName: 'Mensah', childId: 'p-kofi' }]);
  }, 30000);

  it('names the child of each error, and sends one child as child', async () => {
    vi.spyOn(api, 'recordContactFamily').mockRejectedValueOnce(new ApiError(400, 'Bad request', '', [
      { field: 'children[1].dateOfBirth', message: 'must not be in the future' }]));
    page();
    fireEvent.click(screen.getByRole('button', { name: 'Add another child' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the contact' }));
    const link = await screen.findByRole('link', { name: 'Child 2: Date of birth must not be in the future' });
    expect(link.getAttribute('href')).toBe('#f-children-1-dateOfBirth');
    expect(document.getElementById('f-children-1-dateOfBirth')).not.toBeNull();

    const one = vi.spyOn(api, 'recordContactFamily').mockResolvedValue({ caseId: 'c9', reference: 'CP-9', reReferral: false, familyId: 'f9' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove child 2' }));
    type(screen.getByRole('group', { name: 'The child' }), 'First name', 'Esi');
    fireEvent.click(screen.getByRole('button', { name: 'Record the contact' }));
    await screen.findByRole('heading', { name: 'Case page' });
    expect((one.mock.calls.at(-1)![0] as { child: unknown }).child).toEqual({ firstName: 'Esi' });
  }, 30000);
});
