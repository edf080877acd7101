import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditLogPage } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

export interface AuditFilters {
  action: string;
  resourceType: string;
  outcome: '' | 'success' | 'refused';
}

/** The audit log, newest first, a page at a time: each further page follows the cursor of the last. */
export function useAuditLog(filters: AuditFilters) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: ['audit-log', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = Object.entries({ ...filters, cursor: pageParam ?? '', limit: '50' }).filter(([, value]) => value !== '');
      return api.get<AuditLogPage>(`/api/v1/audit-log?${new URLSearchParams(query).toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}
