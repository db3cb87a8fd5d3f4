import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** What the site allows: open registration, the mailed code, allowed email domains, mail at all. */
export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: () => unwrap(api.GET('/api/auth/options')), staleTime: 60_000 });
}
