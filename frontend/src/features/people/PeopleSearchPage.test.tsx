import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { PersonHit } from '../../lib/types';
import { PeopleSearchPage } from './PeopleSearchPage';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const person = (over: Partial<PersonHit['person']>) => ({
  personId: null, kind: null, childNumber: null, firstName: '', lastName: '', otherNames: [], dateOfBirth: null,
  ...over,
}) as unknown as PersonHit['person'];

describe('finding a person', () => {
  it('shows a restricted record by name only, and an ordinary one with its date of birth and open case', async () => {
    const people = vi.spyOn(api, 'people').mockResolvedValue([
      { person: person({ firstName: 'Kofi', lastName: 'Mensah' }), openCase: null, restricted: true },
      { person: person({ personId: 'p2', kind: 'CHILD', firstName: 'Kofi', lastName: 'Menson', dateOfBirth: '2016-07-09' }),
        openCase: { caseId: 'c2', reference: 'CP-0000002', stage: 'FRONT_DOOR' }, restricted: false },
    ]);
    render(<QueryClientProvider client={new QueryClient()}><MemoryRouter><PeopleSearchPage /></MemoryRouter></QueryClientProvider>);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Kofy Mensa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('2 people found')).toBeTruthy();
    expect(people).toHaveBeenCalledWith({ q: 'Kofy Mensa' });
    const [, restricted, ordinary] = screen.getAllByRole('row');
    expect(restricted.textContent).toBe('Kofi MensahRestricted record');
    expect(restricted.querySelector('a')).toBeNull();
    expect(ordinary.textContent).toContain('9 July 2016');
    expect(ordinary.textContent).toContain('Front Door');
    expect(screen.getByRole('link', { name: 'Kofi Menson' }).getAttribute('href')).toBe('/people/p2');
  });

  it('asks for something to search by', async () => {
    const people = vi.spyOn(api, 'people');
    render(<QueryClientProvider client={new QueryClient()}><MemoryRouter><PeopleSearchPage /></MemoryRouter></QueryClientProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(people).not.toHaveBeenCalled();
  });
});
