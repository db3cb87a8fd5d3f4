import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '@/lib/api/client';

/** Typing settles for this long before a search is sent, so a word costs one request, not one per key. */
const debounceMs = 250;

/** `value` once it has stopped changing for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Hits of `GET /api/chat/search` for what is typed (none while the box is empty). */
export function useSearch(typed: string) {
  const q = useDebounced(typed.trim(), debounceMs);
  const search = useQuery({
    queryKey: ['chat-search', q],
    queryFn: ({ signal }) => unwrap(api.GET('/api/chat/search', { params: { query: { q, limit: 30 } }, signal })),
    enabled: q !== '',
    staleTime: 30_000,
    // The previous hits stay (dimmed) while the next ones load, so the list does not blink.
    placeholderData: keepPreviousData,
  });
  return { q, search, settling: q !== typed.trim() || search.isPlaceholderData };
}
