import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxResponse, NoticeAcknowledgementResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

/** The signed-in account's inbox: a centre's, the coordinators' shared one, or a police unit's. */
export function useInbox() {
  const { api } = useSession();
  return useQuery({ queryKey: ['inbox'], queryFn: () => api.get<InboxResponse>('/api/v1/inbox'), refetchInterval: 5000 });
}

/**
 * An officer acknowledges an Article 72 notice. The answer (first or repeated acknowledgement alike) carries
 * who acknowledged it and when, so the entry shows it at once instead of waiting for the next poll.
 */
export function useAcknowledgeNotice() {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => api.post<NoticeAcknowledgementResponse>(`/api/v1/inbox/${entryId}/acknowledge`),
    onSuccess: ({ entryId, acknowledgedAt, acknowledgedBy }) => {
      queries.setQueryData<InboxResponse>(['inbox'], (inbox) =>
        inbox && {
          ...inbox,
          entries: inbox.entries.map((entry) =>
            entry.entryId === entryId ? { ...entry, acknowledgedAt, acknowledgedBy, readAt: entry.readAt ?? acknowledgedAt } : entry,
          ),
        },
      );
      return queries.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
