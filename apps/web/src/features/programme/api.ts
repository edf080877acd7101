import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CloseProgrammeRequest,
  ProgrammeReply,
  RecordAttendanceRequest,
  RecordFollowUpRequest,
  RecordVoluntarySessionRequest,
  ReferralResponse,
} from '../../api/korgoo-api';
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

/** Centre staff: how one session of the mandatory programme went. */
export function useRecordAttendance(referralId: string, sessionIndex: number) {
  return useProgrammeCommand<RecordAttendanceRequest>(referralId, (api, path, body) => api.post(`${path}/sessions/${sessionIndex}/attendance`, body));
}

/** Centre staff: a voluntary session they held, numbered in the order held, with its date. */
export function useRecordVoluntarySession(referralId: string, number: number) {
  return useProgrammeCommand<RecordVoluntarySessionRequest>(referralId, (api, path, body) =>
    api.post(`${path}/voluntary/sessions/${number}/attendance`, body),
  );
}

/** Centre staff: a monitoring meeting after completion, held or missed. */
export function useRecordFollowUp(referralId: string) {
  return useProgrammeCommand<RecordFollowUpRequest & { number: number }>(referralId, (api, path, { number, ...body }) =>
    api.post(`${path}/follow-ups/${number}`, body),
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
