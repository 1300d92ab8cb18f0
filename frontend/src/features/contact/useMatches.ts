import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { Match } from '../../lib/types';

export interface MatchQuery { firstName?: string; lastName?: string; dateOfBirth?: string }

/** Only a whole name (both parts, two letters or more) and a whole date are worth asking about. */
export function matchQuery(q: MatchQuery): { firstName: string; lastName: string; dateOfBirth?: string } | null {
  const firstName = q.firstName?.trim() ?? '';
  const lastName = q.lastName?.trim() ?? '';
  if (firstName.length < 2 || lastName.length < 2) return null;
  const dateOfBirth = q.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(q.dateOfBirth) ? q.dateOfBirth : undefined;
  return { firstName, lastName, dateOfBirth };
}

type Fetch = (q: { firstName: string; lastName: string; dateOfBirth?: string }, signal: AbortSignal) => Promise<Match[]>;

/**
 * "Is this a child we know?": likely existing children for the names and date of birth being typed,
 * asked once typing pauses (`delay` ms), the earlier question abandoned when a newer one is asked.
 */
export function useMatches(q: MatchQuery, { delay = 400, enabled = true, fetch = api.matches as Fetch } = {}): Match[] {
  const [matches, setMatches] = useState<Match[]>([]);
  const query = enabled ? matchQuery(q) : null;
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!query) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(query, controller.signal).then((found) => {
        if (!controller.signal.aborted) setMatches(found);
      }, () => {
        if (!controller.signal.aborted) setMatches([]);
      });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delay]);
  return matches;
}
