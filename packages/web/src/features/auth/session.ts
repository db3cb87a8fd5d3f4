import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type SessionUser = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];

const sessionKey = ['session'] as const;

/** How the session is read: the signed-in user, or null when signed out (the session itself is the server's httpOnly cookie). */
export const sessionQuery = {
  queryKey: sessionKey,
  queryFn: async (): Promise<SessionUser | null> => {
    try {
      return await unwrap(api.GET('/api/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
};

export function useSession() {
  return useQuery(sessionQuery);
}

/** After sign-in or registration: the answer already names the user, so no second request. */
export function useSignedIn(): (user: SessionUser) => void {
  const queryClient = useQueryClient();
  return (user) => queryClient.setQueryData(sessionKey, user);
}

/** Forgets everything of the user's; the guard then shows sign in. Nothing of theirs may stay on screen or in the cache. */
export function forgetSession(queryClient: QueryClient): void {
  // The session query is set, not dropped: the guard on screen watches that very query, so it sees
  // null and goes to sign in. Clearing the whole cache first would leave it watching a removed
  // query, the page stuck signed in with its data gone.
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSuccess: () => forgetSession(queryClient),
  });
}
