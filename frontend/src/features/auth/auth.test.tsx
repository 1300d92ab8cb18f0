import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError, COUNCIL_SIGN_IN } from '../../lib/api';
import type { SignInOptions } from '../../lib/types';
import { axeViolations } from '../../test/axe';
import { SessionProvider } from './session';
import { SignInPage } from './SignInPage';
import { SignInRefusedPage } from './SignInRefusedPage';

function page(path: string, options: SignInOptions) {
  vi.spyOn(api, 'me').mockRejectedValue(new ApiError(401, 'Unauthorized', 'Sign in first.', []));
  vi.spyOn(api, 'signInOptions').mockResolvedValue(options);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-in/refused" element={<SignInRefusedPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('signing in', () => {
  it('offers only a password where the council has no identity provider', async () => {
    const { container } = page('/sign-in', { councilAccount: false, passwordsForBreakGlassOnly: false });
    await screen.findByRole('heading', { name: 'Sign in to Casepath' });
    expect(screen.queryByRole('button', { name: 'Sign in with your council account' })).toBeNull();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('offers the council account first, and a password for local accounts beside it', async () => {
    const { container } = page('/sign-in', { councilAccount: true, passwordsForBreakGlassOnly: false });
    const council = await screen.findByRole('button', { name: 'Sign in with your council account' });
    expect(council.getAttribute('href')).toBe(COUNCIL_SIGN_IN);
    expect(screen.getByRole('heading', { name: 'Or sign in with a Casepath password' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('keeps the password behind a break-glass summary in production, and says why a password is refused', async () => {
    vi.spyOn(api, 'login').mockRejectedValue(new ApiError(401, 'Not signed in',
      'Sign in with your council account: passwords are only for the break-glass administrator.', []));
    const { container } = page('/sign-in', { councilAccount: true, passwordsForBreakGlassOnly: true });
    await screen.findByRole('button', { name: 'Sign in with your council account' });
    fireEvent.click(screen.getByText('Sign in with a password (break-glass administrator only)'));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'second.admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', {
      name: 'Sign in with your council account: passwords are only for the break-glass administrator.',
    })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when the council sign-in did not finish', async () => {
    const { container } = page('/sign-in?failed', { councilAccount: true, passwordsForBreakGlassOnly: false });
    const problem = await screen.findByRole('link', { name: 'Signing in with your council account did not finish. Try again' });
    expect(problem.getAttribute('href')).toBe('#f-council-sign-in');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when the council sign-in service cannot be reached', async () => {
    page('/sign-in?unavailable', { councilAccount: true, passwordsForBreakGlassOnly: true });
    expect(await screen.findByRole('link', {
      name: "The council's sign-in service cannot be reached just now. Try again in a few minutes",
    })).toBeTruthy();
  });

  it('tells a council account in no Casepath group why it cannot go on, and what to do', async () => {
    const { container } = page('/sign-in/refused', { councilAccount: true, passwordsForBreakGlassOnly: false });
    expect(await screen.findByRole('heading', { name: 'You cannot use Casepath with this account' })).toBeTruthy();
    expect(screen.getByText(/not in any of Casepath.s groups/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'sign in with your council account again' }).getAttribute('href')).toBe(COUNCIL_SIGN_IN);
    expect(await axeViolations(container)).toEqual([]);
  });
});
