import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignReferralRequest, DeclineReferralRequest, ReferralReply, ReferralResponse } from '../../api/korgoo-api';
import { CursorPage, useCursorPages } from '../../lib/cursor-pages';
import { useSession } from '../../lib/session';

/** The referrals newest first, the largest page the API gives, and older ones on request. */
export function useReferrals() {
  return useCursorPages<CursorPage<ReferralResponse>>(['referrals'], '/api/v1/referrals', { limit: '200', refetchInterval: 5000 });
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
