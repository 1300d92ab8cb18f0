import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Me } from '../../lib/types';
import { axeViolations } from '../../test/axe';
import { SessionProvider } from '../auth/session';
import { UnallocatedPage } from './UnallocatedPage';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const manager: Me = { username: 'team.manager', displayName: 'Tess Manager', groups: ['team-managers'] };

function at(path: string) {
  render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <SessionProvider><MemoryRouter initialEntries={[path]}><Routes>
      <Route path="/teams/unallocated" element={<UnallocatedPage />} />
    </Routes></MemoryRouter></SessionProvider>
  </QueryClientProvider>);
}

describe('unallocated cases', () => {
  it('lists the cases waiting for a worker, longest first, in words, axe-clean', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(manager);
    const list = vi.spyOn(api, 'unallocatedCases').mockResolvedValue({ total: 2, items: [
      { caseId: 'c1', reference: 'CP-0000007', childName: 'Amara Mensah', stage: 'ASSESSMENT', teamId: null, teamName: null,
        waitingSince: '2026-11-02', workingDaysWaiting: 21 },
      { caseId: 'c2', reference: 'CP-0000009', childName: 'Bilal Rahman', stage: 'CP_PLAN', teamId: 't1',
        teamName: 'Safeguarding Team West', waitingSince: '2026-11-30', workingDaysWaiting: 2 },
    ] });
    at('/teams/unallocated');
    const table = await screen.findByRole('table', { name: 'Cases waiting for a worker' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toBe('Amara Mensah CP-0000007Child and Family AssessmentNo team yet2 November 202621');
    expect(rows[1]).toBe('Bilal Rahman CP-0000009Child protection planSafeguarding Team West30 November 20262');
    expect(screen.getByText('2 open cases have no worker, longest waiting first.')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Amara Mensah' }).getAttribute('href')).toBe('/cases/c1');
    expect(list).toHaveBeenCalledWith(0, 50);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
