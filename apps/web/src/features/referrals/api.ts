import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignReferralRequest, DeclineReferralRequest, ReferralListResponse, ReferralReply } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

export function useReferrals() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['referrals'],
    queryFn: () => api.get<ReferralListResponse>('/api/v1/referrals?limit=50&offset=0'),
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
