import { describe, expect, it } from 'vitest';
import { get, set } from './paths';

describe('form paths', () => {
  it('reads nested objects and list items', () => {
    const form = { familyMeeting: { offeredTo: ['Mum', 'Nan'] }, dangerStatements: [{ statement: 's', safetyGoal: 'g' }] };
    expect(get(form, 'familyMeeting.offeredTo[1]')).toBe('Nan');
    expect(get(form, 'dangerStatements[0].safetyGoal')).toBe('g');
    expect(get(form, 'missing.deep[3]')).toBeUndefined();
  });

  it('writes without changing the original, creating what is missing', () => {
    const form = { decision: 'S47' };
    const next = set(form, 'attendees[0].agency', 'POLICE');
    expect(next).toEqual({ decision: 'S47', attendees: [{ agency: 'POLICE' }] });
    expect(form).toEqual({ decision: 'S47' });
  });

  it('removes a field set to undefined', () => {
    expect(set({ a: 1, b: 2 }, 'b', undefined)).toEqual({ a: 1 });
  });
});
