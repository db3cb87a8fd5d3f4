import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/** The signed-in user's balance; one query (key `['balance']`) for every place that shows it, re-read after each answer. */
export function useBalance(enabled = true) {
  return useQuery({ queryKey: ['balance'], queryFn: () => unwrap(api.GET('/api/billing/balance')), enabled });
}
