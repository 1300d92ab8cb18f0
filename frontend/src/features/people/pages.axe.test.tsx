import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import axe from 'axe-core';
import { api } from '../../lib/api';
import type { Person } from '../../lib/types';
import { PersonPage } from './PersonPage';
import { AddRelationshipPage } from './AddRelationshipPage';
import { RaiseWarningPage } from './RaiseWarningPage';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const mother: Person = {
  personId: 'm1', kind: 'ADULT', childNumber: null, firstName: 'Abena', lastName: 'Siblingsby', otherNames: [],
  dateOfBirth: '1990-01-02', expectedDateOfBirth: null, gender: 'F', ethnicity: null, nhsNumber: null, upn: null,
  upnUnknown: null, formerUpn: null, disabilities: null, firstLanguage: 'Twi', interpreterNeeded: true,
  address: { lines: ['1 High Street'], postcode: 'NW10 1AA', confidential: true }, phone: null, email: null, diedOn: null,
  cases: [],
  relationships: [
    { relationshipId: 'r1', otherPerson: { personId: 'c1', kind: 'CHILD', firstName: 'Amara', lastName: 'Siblingsby' }, type: 'CHILD',
      parentalResponsibility: true, livesWithChild: true, safetyNetwork: false, roleInPlan: null, organisation: null,
      from: null, to: null, current: true },
    { relationshipId: 'r2', otherPerson: { personId: 'c2', kind: 'CHILD', firstName: 'Kofi', lastName: 'Siblingsby' }, type: 'CHILD',
      parentalResponsibility: true, livesWithChild: false, safetyNetwork: true, roleInPlan: 'Checks in daily', organisation: null,
      from: '2020-01-01', to: '2026-11-01', current: false },
  ],
  warnings: [
    { warningId: 'w1', type: 'RISK_TO_WORKER', details: 'Visit in pairs.', startsOn: '2026-12-01', reviewOn: '2027-03-01',
      agreedBy: 'team.manager', current: true },
    { warningId: 'w2', type: 'OTHER', details: 'Old.', startsOn: '2025-01-01', reviewOn: '2025-06-01', agreedBy: 'team.manager',
      current: false, endedOn: '2025-06-01' },
  ],
};

async function violations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function at(path: string, route: string, element: React.ReactNode) {
  render(<QueryClientProvider client={new QueryClient()}><MemoryRouter initialEntries={[path]}>
    <Routes><Route path={route} element={element} /></Routes></MemoryRouter></QueryClientProvider>);
}

describe('the people pages, checked by axe', () => {
  it('the person page: warnings first, relationships current and ended, and ending one', async () => {
    vi.spyOn(api, 'person').mockResolvedValue(mother);
    vi.spyOn(api, 'personHistory').mockResolvedValue([
      { changedAt: '2026-12-01T10:00:00Z', changedBy: 'social.worker', field: 'lastName', oldValue: 'Sibling', newValue: 'Siblingsby' }]);
    at('/people/m1', '/people/:personId', <PersonPage />);
    await screen.findByRole('heading', { name: /Abena Siblingsby/, level: 1 });
    expect(document.querySelector('.govuk-warning-text')?.textContent).toContain('Risk to workers');
    expect(document.querySelectorAll('.govuk-warning-text')).toHaveLength(1);
    expect(screen.getAllByText('Ended', { selector: '.govuk-tag' })).toHaveLength(2); // a relationship and a warning
    await screen.findByText('Last name');
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'End the relationship with Amara Siblingsby' }));
    expect(screen.getByLabelText('Ended on')).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('adding a relationship, to someone found or someone new', async () => {
    vi.spyOn(api, 'person').mockResolvedValue({ ...mother, personId: 'c1', kind: 'CHILD', firstName: 'Amara' });
    vi.spyOn(api, 'people').mockResolvedValue([{ person: mother, openCase: null, restricted: false }]);
    const add = vi.spyOn(api, 'addRelationship').mockResolvedValue(mother.relationships![0]);
    at('/people/c1/relationships/new', '/people/:personId/relationships/new', <AddRelationshipPage />);
    await screen.findByRole('heading', { name: 'Add a relationship' });
    fireEvent.click(screen.getByRole('button', { name: 'Save the relationship' }));
    await screen.findByRole('heading', { name: 'There is a problem' });
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByLabelText('Someone already on the record'));
    fireEvent.change(screen.getByLabelText('Their name'), { target: { value: 'Abena' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    fireEvent.click(await screen.findByLabelText(/^Abena Siblingsby/));
    fireEvent.change(screen.getByLabelText('They are the person’s'), { target: { value: 'MOTHER' } });
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save the relationship' }));
    await vi.waitFor(() => expect(add).toHaveBeenCalledWith('c1', {
      type: 'MOTHER', parentalResponsibility: false, livesWithChild: false, safetyNetwork: false, otherPersonId: 'm1' }));
    cleanup();
    at('/people/c1/relationships/new', '/people/:personId/relationships/new', <AddRelationshipPage />);
    fireEvent.click(await screen.findByLabelText('Someone new'));
    expect(await violations()).toEqual([]);
  });

  it('raising a warning', async () => {
    vi.spyOn(api, 'person').mockResolvedValue(mother);
    vi.spyOn(api, 'users').mockResolvedValue([{ username: 'team.manager', displayName: 'Tom Manager' }]);
    at('/people/m1/warnings/new', '/people/:personId/warnings/new', <RaiseWarningPage />);
    await screen.findByRole('heading', { name: 'Raise a warning' });
    await screen.findByText('Tom Manager (team.manager)');
    expect(await violations()).toEqual([]);
  });
});
