import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { Me } from '../../lib/types';

interface Session { me: Me | null; loading: boolean; refresh: () => Promise<unknown> }

const SessionContext = createContext<Session>({ me: null, loading: true, refresh: async () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.me();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const refresh = () => client.invalidateQueries();
  return (
    <SessionContext.Provider value={{ me: query.data ?? null, loading: query.isLoading, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export const useSession = () => useContext(SessionContext);

export function inGroup(me: Me | null, ...groups: string[]) {
  return !!me && groups.some((g) => me.groups.includes(g));
}
