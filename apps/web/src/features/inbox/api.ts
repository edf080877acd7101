import { InfiniteData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InboxEntryResponse,
  NoticeAcknowledgementResponse,
  OrderUnitAssignedResponse,
  PoliceUnitPage,
  ReferralResponse,
} from '../../api/korgoo-api';
import { CursorPage, useCursorPages } from '../../lib/cursor-pages';
import { useSession } from '../../lib/session';

/** A page of an inbox, as `GET /api/v1/inbox` answers, with the unread count of the whole inbox. */
export interface InboxPage extends CursorPage<InboxEntryResponse> {
  unread: number;
}

/** The signed-in account's inbox, newest first: a centre's, the coordinators' shared one, or a police unit's. */
export function useInbox() {
  return useCursorPages<InboxPage>(['inbox'], '/api/v1/inbox', { refetchInterval: 5000 });
}

/** The unread count of the whole inbox, as the newest page tells it. */
export function unreadOf(data: InfiniteData<InboxPage> | undefined): number {
  return data?.pages[0]?.unread ?? 0;
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
      queries.setQueryData<InfiniteData<InboxPage>>(['inbox'], (inbox) =>
        inbox && {
          ...inbox,
          pages: inbox.pages.map((page) => ({
            ...page,
            items: page.items.map((entry) =>
              entry.entryId === entryId ? { ...entry, acknowledgedAt, acknowledgedBy, readAt: entry.readAt ?? acknowledgedAt } : entry,
            ),
          })),
        },
      );
      return queries.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

/** The police units a coordinator may give an order: the first page of the directory, by code. */
export function usePoliceUnits() {
  const { api } = useSession();
  return useQuery({ queryKey: ['police-units'], queryFn: () => api.get<PoliceUnitPage>('/api/v1/police-units?limit=200'), staleTime: 300_000 });
}

/**
 * A coordinator gives an order registered before police units the unit its Article 72 notice waits for. The
 * inbox entry names the referral; the order is the referral's.
 */
export function useAssignOrderUnit(referralId: string) {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (unitCode: string) => {
      const { orderId } = await api.get<ReferralResponse>(`/api/v1/referrals/${referralId}`);
      return api.put<OrderUnitAssignedResponse>(`/api/v1/protection-orders/${orderId}/unit`, { unitCode });
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
