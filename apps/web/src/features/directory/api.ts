import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupSlotBody, OutreachPointBody, WeeklyWindowBody } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';
import { placeRules } from './roster-rules';

// The gateway documents no schema for the directory's replies; these are the fields this screen reads.
export interface FacilitatorView {
  id: string;
  displayName: string;
  sex: GroupSlotBody['sex'];
  languages: GroupSlotBody['language'][];
  active: boolean;
}

export type GroupSlotView = GroupSlotBody & { id: string };
export type OutreachPointView = OutreachPointBody & { id: string };

export interface CentreSummaryView {
  id: string;
  name: string;
  settlementCode: string;
  status: 'open' | 'paused';
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

export function useChangeCentreLists(centreId: string) {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (lists: CentreLists) =>
      api.patch<{ centre: CentreDetailView }>(centrePath(centreId), lists).catch((error: unknown) => {
        throw placeRules(error);
      }),
    // The list's counts change too, so everything the directory shows is read again.
    onSuccess: () => queries.invalidateQueries({ queryKey: DIRECTORY }),
  });
}

/** The facilitator's display name, or the id when the roster no longer has them. */
export function nameOf(facilitators: readonly FacilitatorView[], id: string): string {
  return facilitators.find((facilitator) => facilitator.id === id)?.displayName ?? id;
}
