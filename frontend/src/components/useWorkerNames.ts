import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

/** Usernames to names, for the social workers; a username not found stays a username. */
export function useWorkerNames(): (username: string) => string {
  const users = useQuery({ queryKey: ['users', 'social-workers'], queryFn: () => api.users('social-workers'), staleTime: 60_000 });
  const names = new Map((users.data ?? []).map((u) => [u.username, u.displayName]));
  return (username) => names.get(username) ?? username;
}
