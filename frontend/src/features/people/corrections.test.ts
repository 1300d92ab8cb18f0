import { describe, expect, it } from 'vitest';
import { changes } from './corrections';

describe('corrections', () => {
  it('sends only what changed', () => {
    const before = { firstName: 'Jo', lastName: 'Bloggs', otherNames: ['Joanne'], address: { lines: ['1 High St'], postcode: null, confidential: false } };
    const after = { ...before, lastName: 'Blogs', otherNames: ['Joanne'], address: { lines: ['1 High St'], postcode: null, confidential: true } };
    expect(changes(before, after, ['firstName', 'lastName', 'otherNames', 'address'])).toEqual({
      lastName: 'Blogs', address: { lines: ['1 High St'], postcode: null, confidential: true } });
  });

  it('clears a field emptied, and ignores fields not offered', () => {
    expect(changes({ phone: '0123', kind: 'ADULT' }, { kind: 'CHILD' }, ['phone'])).toEqual({ phone: null });
    expect(changes({ phone: null }, {}, ['phone'])).toEqual({});
  });
});
