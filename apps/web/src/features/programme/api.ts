import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CloseProgrammeRequest, ProgrammeReply, RecordAttendanceRequest, ReferralResponse } from '../../api/korgoo-api';
import { ApiClient, ApiProblem } from '../../lib/api-client';
import { useSession } from '../../lib/session';

/** Referrals a centre has accepted: from then on the programme service holds what happens. */
export const WITH_PROGRAMME: ReferralResponse['status'][] = ['accepted'];

const programmeKey = (referralId: string) => ['programme', referralId];

/** The programme of an accepted referral; null while the programme service has not opened it yet (404). */
export function useProgramme(referralId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: programmeKey(referralId),
    queryFn: async () => {
      try {
        return (await api.get<ProgrammeReply>(`/api/v1/referrals/${referralId}/programme`)).programme;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: 10_000,
  });
}

/** A command on the programme; its reply is the programme as it now stands, shown without a refetch. */
function useProgrammeCommand<T>(referralId: string, send: (api: ApiClient, path: string, body: T) => Promise<ProgrammeReply>) {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => send(api, `/api/v1/referrals/${referralId}/programme`, body),
    onSuccess: ({ programme }) => queries.setQueryData(programmeKey(referralId), programme),
  });
}

export type Attendance = RecordAttendanceRequest & { sessionIndex: number };

/** Centre staff: how one session went. */
export function useRecordAttendance(referralId: string) {
  return useProgrammeCommand<Attendance>(referralId, (api, path, { sessionIndex, ...body }) =>
    api.post(`${path}/sessions/${sessionIndex}/attendance`, body),
  );
}

/** Coordinators: close a programme by decision, with a coded reason. */
export function useCloseProgramme(referralId: string) {
  return useProgrammeCommand<CloseProgrammeRequest>(referralId, (api, path, body) => api.post(`${path}/close`, body));
}

/** Centre staff of the centre that ran it, or a coordinator: enrol a person who completed in the voluntary part. */
export function useEnrolVoluntary(referralId: string) {
  return useProgrammeCommand<void>(referralId, (api, path) => api.post(`${path}/voluntary`, {}));
}
