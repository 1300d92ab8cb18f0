import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { matchQuery, useMatches, type MatchQuery } from './useMatches';
import type { Match } from '../../lib/types';

const amy: Match = { personId: 'p1', childNumber: 'C1', firstName: 'Amy', lastName: 'Smith', dateOfBirth: '2016-04-02',
  expectedDateOfBirth: null, sameDateOfBirth: true };

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('matches for the contact form', () => {
  it('asks only once a whole name is typed, and a date only when it is whole', () => {
    expect(matchQuery({ firstName: 'A', lastName: 'Smith' })).toBeNull();
    expect(matchQuery({ firstName: 'Amy', lastName: '' })).toBeNull();
    expect(matchQuery({ firstName: ' Amy ', lastName: 'Smith', dateOfBirth: '2016-04-0' }))
      .toEqual({ firstName: 'Amy', lastName: 'Smith', dateOfBirth: undefined });
    expect(matchQuery({ firstName: 'Amy', lastName: 'Smith', dateOfBirth: '2016-04-02' })?.dateOfBirth).toBe('2016-04-02');
  });

  it('waits for typing to pause, asks once, and abandons the earlier question', async () => {
    const fetch = vi.fn(async (_q: unknown, _signal: AbortSignal) => [amy]);
    const { result, rerender } = renderHook((q: MatchQuery) => useMatches(q, { delay: 400, fetch }),
      { initialProps: { firstName: 'Am', lastName: 'Sm' } });
    rerender({ firstName: 'Amy', lastName: 'Sm' });
    rerender({ firstName: 'Amy', lastName: 'Smi' });
    await act(async () => { vi.advanceTimersByTime(399); });
    expect(fetch).not.toHaveBeenCalled();
    rerender({ firstName: 'Amy', lastName: 'Smith' });
    await act(async () => { vi.advanceTimersByTime(400); });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toEqual({ firstName: 'Amy', lastName: 'Smith', dateOfBirth: undefined });
    expect(result.current).toEqual([amy]);
  });

  it('drops an answer that arrives after the question changed', async () => {
    let answer: (m: Match[]) => void = () => undefined;
    const signals: AbortSignal[] = [];
    const fetch = vi.fn((_q: unknown, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<Match[]>((resolve) => { answer = resolve; });
    });
    const { result, rerender } = renderHook((q: MatchQuery) => useMatches(q, { delay: 100, fetch }),
      { initialProps: { firstName: 'Amy', lastName: 'Smith' } as MatchQuery });
    await act(async () => { vi.advanceTimersByTime(100); });
    rerender({ firstName: 'Amy', lastName: 'Jones' });
    expect(signals[0].aborted).toBe(true);
    await act(async () => { answer([amy]); });
    expect(result.current).toEqual([]);
  });

  it('clears the suggestions when the name is cleared', async () => {
    const fetch = vi.fn(async () => [amy]);
    const { result, rerender } = renderHook((q: MatchQuery) => useMatches(q, { delay: 10, fetch }),
      { initialProps: { firstName: 'Amy', lastName: 'Smith' } as MatchQuery });
    await act(async () => { vi.advanceTimersByTime(10); });
    expect(result.current).toHaveLength(1);
    rerender({ firstName: '', lastName: 'Smith' });
    expect(result.current).toEqual([]);
  });
});
