import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignReferralRequest, DeclineReferralRequest, ReferralReply, ReferralResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

/** One page of referrals, newest first, as `GET /api/v1/referrals` answers. */
export interface ReferralPage {
  items: ReferralResponse[];
  nextCursor: string | null;
}

/** The newest referrals, the largest page the API gives: the queue a coordinator or a centre works through. */
export function useReferrals() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['referrals'],
    queryFn: () => api.get<ReferralPage>('/api/v1/referrals?limit=200'),
    refetchInterval: 5000,
  });
}

type Decision =
  | { action: 'accept'; referralId: string }
  | { action: 'decline'; referralId: string; body: DeclineReferralRequest }
  | { action: 'assign'; referralId: string; body: AssignReferralRequest };

/** Accept, decline (centre staff) or assign (coordinators); the lists refresh from the API afterwards. */
export function useReferralDecision() {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) =>
      api.post<ReferralReply>(`/api/v1/referrals/${decision.referralId}/${decision.action}`, 'body' in decision ? decision.body : undefined),
    onSuccess: () => queries.invalidateQueries(),
  });
}
