import { useMutation, useQuery } from '@tanstack/react-query';
import type { SecondFactorCodeRequest, SecondFactorEnrolmentResponse, SecondFactorStatusResponse } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

const SECOND_FACTOR = '/api/v1/auth/second-factor';

/** Whether the signed-in account's sign-in already needs a code. */
export function useSecondFactorStatus() {
  const { api } = useSession();
  return useQuery({ queryKey: ['second-factor'], queryFn: () => api.get<SecondFactorStatusResponse>(SECOND_FACTOR) });
}

/**
 * A new secret for the signed-in account, replacing one not yet confirmed. The API shows it once: it lives
 * in this mutation's state only, never in the query cache or the browser's storage.
 */
export function useEnrolSecondFactor() {
  const { api } = useSession();
  return useMutation({
    networkMode: 'always',
    mutationFn: () => api.post<SecondFactorEnrolmentResponse>(`${SECOND_FACTOR}/enrolment`),
  });
}

/** A first code from the app puts the second factor in force: every later sign-in asks for a code. */
export function useConfirmSecondFactor() {
  const { api } = useSession();
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: SecondFactorCodeRequest) => api.post<void>(`${SECOND_FACTOR}/confirmation`, body),
  });
}
