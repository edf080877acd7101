import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AvailabilityExceptionBody,
  CentreStatusBody,
  CreateFacilitatorBody,
  GroupSlotBody,
  OutreachPointBody,
  UpdateFacilitatorBody,
  WeeklyWindowBody,
} from '../../api/korgoo-api';
import type { ApiClient } from '../../lib/api-client';
import { useSession } from '../../lib/session';

// The gateway documents no schema for the directory's replies; these are the fields this screen reads.
export interface FacilitatorView {
  id: string;
  displayName: string;
  sex: GroupSlotBody['sex'];
  languages: GroupSlotBody['language'][];
  certifiedOn: string | null;
  active: boolean;
  weekly: WeeklyWindowBody[];
  /** Leave, holidays and other absences; `to` is exclusive. */
  exceptions: ExceptionView[];
  /** Answered to a change of their time: their booked sessions ahead handed to a colleague, or being re-planned. */
  sessionsCover?: { substituted: number; replanned: number };
}

export type ExceptionView = AvailabilityExceptionBody & { id: string };

export type GroupSlotView = GroupSlotBody & { id: string };
export type OutreachPointView = OutreachPointBody & { id: string };

export interface CentreSummaryView {
  id: string;
  name: string;
  settlementCode: string;
  status: CentreStatusBody['status'];
  activeFacilitators: number;
  groupSlotCount: number;
  outreachPointCount: number;
}

export interface CentreDetailView extends CentreSummaryView {
  facilitators: FacilitatorView[];
  groupSlots: GroupSlotView[];
  outreachPoints: OutreachPointView[];
}

const DIRECTORY = ['directory'];
const centrePath = (centreId: string) => `/api/v1/directory/centres/${encodeURIComponent(centreId)}`;

export function useCentres() {
  const { api } = useSession();
  return useQuery({
    queryKey: [...DIRECTORY, 'centres'],
    queryFn: async () => (await api.get<{ centres: CentreSummaryView[] }>('/api/v1/directory/centres')).centres,
  });
}

export function useCentre(centreId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: [...DIRECTORY, 'centre', centreId],
    queryFn: async () => (await api.get<{ centre: CentreDetailView }>(centrePath(centreId))).centre,
  });
}

/** A slot as the API takes it back: exactly the body's fields, its id kept so its booked meetings stay. */
export const slotBody = (slot: GroupSlotBody): GroupSlotBody => ({
  ...(slot.id ? { id: slot.id } : {}),
  weekday: slot.weekday,
  start: slot.start,
  minutes: slot.minutes,
  sex: slot.sex,
  language: slot.language,
  leadFacilitatorId: slot.leadFacilitatorId,
  coFacilitatorId: slot.coFacilitatorId,
  minParticipants: slot.minParticipants,
  maxParticipants: slot.maxParticipants,
});

const windowBody = (window: WeeklyWindowBody): WeeklyWindowBody => ({ weekday: window.weekday, start: window.start, end: window.end });

/** A point as the API takes it back, its id kept so its booked sessions stay. */
export const pointBody = (point: OutreachPointBody): OutreachPointBody => ({
  ...(point.id ? { id: point.id } : {}),
  settlementCode: point.settlementCode,
  facilitatorIds: [...point.facilitatorIds],
  windows: point.windows.map(windowBody),
});

/** Either whole list of a centre, replaced at once: the API keeps what comes back with its id and drops the rest. */
export type CentreLists = { groupSlots: GroupSlotBody[] } | { outreachPoints: OutreachPointBody[] };

/** One change to the directory; on success the centres' counts may change too, so everything the directory shows is read again. */
function useDirectoryChange<T, R = unknown>(send: (api: ApiClient, change: T) => Promise<R>) {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (change: T) => send(api, change),
    onSuccess: () => queries.invalidateQueries({ queryKey: DIRECTORY }),
  });
}

export const useChangeCentreLists = (centreId: string) =>
  useDirectoryChange((api, lists: CentreLists) => api.patch(centrePath(centreId), lists));

/** A paused centre keeps its referrals and sessions but takes no new participants. */
export const useSetCentreStatus = (centreId: string) =>
  useDirectoryChange((api, status: CentreStatusBody['status']) => api.put(`${centrePath(centreId)}/status`, { status }));

export const useAddFacilitator = (centreId: string) =>
  useDirectoryChange((api, facilitator: CreateFacilitatorBody) => api.post(`${centrePath(centreId)}/facilitators`, facilitator));

const facilitatorPath = (facilitatorId: string) => `/api/v1/directory/facilitators/${encodeURIComponent(facilitatorId)}`;

/**
 * An inactive facilitator is offered for no new slot, point or session; the sessions they were booked for go to a
 * colleague or are re-planned (`sessionsCover` says how many).
 */
export const useSetFacilitatorActive = () =>
  useDirectoryChange((api, { facilitatorId, active }: { facilitatorId: string; active: boolean }) =>
    api.patch<{ facilitator: FacilitatorView }>(facilitatorPath(facilitatorId), { active }));

/** Only someone nothing refers to: no sessions ahead, no slot, no outreach point; the directory refuses the rest, saying why. */
export const useRemoveFacilitator = () => useDirectoryChange((api, facilitatorId: string) => api.delete(facilitatorPath(facilitatorId)));

/** Corrects what the directory records of a facilitator: name, sex, languages, certification. */
export const useCorrectFacilitator = () =>
  useDirectoryChange((api, { facilitatorId, changes }: { facilitatorId: string; changes: UpdateFacilitatorBody }) =>
    api.patch(facilitatorPath(facilitatorId), changes));

/** Replaces the facilitator's whole week. */
export const useSetWeeklyAvailability = () =>
  useDirectoryChange((api, { facilitatorId, weekly }: { facilitatorId: string; weekly: WeeklyWindowBody[] }) =>
    api.put<{ facilitator: FacilitatorView }>(`${facilitatorPath(facilitatorId)}/availability`, { weekly: weekly.map(windowBody) }));

/** A period the facilitator is away: nothing new is booked in it. */
export const useAddLeave = () =>
  useDirectoryChange((api, { facilitatorId, leave }: { facilitatorId: string; leave: AvailabilityExceptionBody }) =>
    api.post<{ facilitator: FacilitatorView }>(`${facilitatorPath(facilitatorId)}/exceptions`, leave));

export const useRemoveLeave = () =>
  useDirectoryChange((api, { facilitatorId, exceptionId }: { facilitatorId: string; exceptionId: string }) =>
    api.delete(`${facilitatorPath(facilitatorId)}/exceptions/${encodeURIComponent(exceptionId)}`));

/** The facilitator's display name, or the id when the roster no longer has them. */
export function nameOf(facilitators: readonly FacilitatorView[], id: string): string {
  return facilitators.find((facilitator) => facilitator.id === id)?.displayName ?? id;
}
