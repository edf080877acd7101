import { InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useSession } from './session';

/** What every list of the API answers: a page of items and the cursor of the next page (null on the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list the API serves newest first, a page at a time: each further page follows the cursor of the last.
 * `filters` are the list's own; empty values are left out. `limit` is the page size (the API's default: 50).
 */
export function useCursorPages<P extends CursorPage<unknown>>(
  queryKey: readonly unknown[],
  path: string,
  { filters = {}, limit = '', refetchInterval }: { filters?: Record<string, string>; limit?: string; refetchInterval?: number },
) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = Object.entries({ ...filters, cursor: pageParam ?? '', limit }).filter(([, value]) => value !== '');
      return api.get<P>(`${path}?${new URLSearchParams(params).toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval,
  });
}

/** Every item of the pages loaded so far, in the API's order. */
export function itemsOf<T>(data: InfiniteData<CursorPage<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
