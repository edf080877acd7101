import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxEntryResponse, NoticeAcknowledgementResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

/** The newest page of an inbox, as `GET /api/v1/inbox` answers, with the unread count of the whole inbox. */
export interface InboxPage {
  items: InboxEntryResponse[];
  nextCursor: string | null;
  unread: number;
}

/** The signed-in account's inbox: a centre's, the coordinators' shared one, or a police unit's. */
export function useInbox() {
  const { api } = useSession();
  return useQuery({ queryKey: ['inbox'], queryFn: () => api.get<InboxPage>('/api/v1/inbox'), refetchInterval: 5000 });
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
      queries.setQueryData<InboxPage>(['inbox'], (inbox) =>
        inbox && {
          ...inbox,
          items: inbox.items.map((entry) =>
            entry.entryId === entryId ? { ...entry, acknowledgedAt, acknowledgedBy, readAt: entry.readAt ?? acknowledgedAt } : entry,
          ),
        },
      );
      return queries.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
