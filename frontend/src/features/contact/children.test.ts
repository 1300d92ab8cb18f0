import { describe, expect, it } from 'vitest';
import { childPaths, contactBody } from './children';

describe('the contact’s children', () => {
  const now = new Date('2026-03-25T09:30:00Z');

  it('sends one child as child, as before', () => {
    const body = contactBody({ source: '2A', concerns: 'c', children: [{ firstName: 'Amy', childId: 'p1' }] }, now);
    expect(body).toEqual({ source: '2A', concerns: 'c', receivedAt: '2026-03-25T09:30:00.000Z', child: { firstName: 'Amy', childId: 'p1' } });
  });

  it('sends several as children[]', () => {
    const body = contactBody({ children: [{ firstName: 'Amy' }, { firstName: 'Ben' }] }, now);
    expect(body.children).toEqual([{ firstName: 'Amy' }, { firstName: 'Ben' }]);
    expect(body.child).toBeUndefined();
  });

  it('names the single child’s errors by the form’s paths', () => {
    expect(childPaths('child.dateOfBirth')).toBe('children[0].dateOfBirth');
    expect(childPaths('child')).toBe('children[0]');
    expect(childPaths('children[2].lastName')).toBe('children[2].lastName');
    expect(childPaths('childrenCount')).toBe('childrenCount');
    expect(childPaths('concerns')).toBe('concerns');
  });
});
