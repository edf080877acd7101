/**
 * The vocabulary of capacity: rosters, booked sessions, the programme's rules and what feasibility answers.
 * Types only (and the one rule constant), so the calendar, feasibility and the pair rule import it and not
 * each other.
 */
import { MIN_DAYS_BETWEEN_SESSIONS } from '@korgoo/contracts';

export type Language = 'ky' | 'ru';
export type Sex = 'male' | 'female';

/** Asia/Bishkek local time (UTC+6, no DST). 'HH:MM', end may be '24:00'. */
export interface WeeklyWindow {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  start: string;
  end: string;
}

/** Half-open interval [from, to). */
export interface AvailabilityException {
  from: Date;
  to: Date;
  reason: 'leave' | 'holiday' | 'other';
}

export interface Facilitator {
  id: string;
  sex: Sex;
  languages: Language[];
  certifiedOn: Date | null;
  active: boolean;
  weekly: WeeklyWindow[];
  exceptions: AvailabilityException[];
}

export interface BookedSession {
  id: string;
  kind: 'individual' | 'group';
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: [string, string];
  language: Language;
  participants: number;
  /** The declared weekly group slot this session is one meeting of. */
  groupSlotId?: string;
  /** Held at this outreach point rather than at the centre. */
  outreachPointId?: string;
}

/**
 * A weekly group meeting a centre declares: the same pair, the same hour, one sex and one language.
 * Routing puts group sessions into these before it opens a group of its own, so groups fill.
 */
export interface GroupSlot {
  id: string;
  weekday: WeeklyWindow['weekday'];
  /** Bishkek local 'HH:MM'. */
  start: string;
  minutes: number;
  sex: Sex;
  language: Language;
  /** Of the slot's sex: the pair rule's lead. */
  leadFacilitatorId: string;
  coFacilitatorId: string;
  minParticipants: number;
  maxParticipants: number;
}

/**
 * A place far from the centre where one of its pairs holds sessions on declared weekly windows, so a district
 * town beyond every centre's reach can be served. The windows are the hours at the place: the centre declares
 * them with the road in mind, and the day is the pair's away from the centre.
 */
export interface OutreachPoint {
  id: string;
  /** Gazetteer settlement code of the place. */
  settlementCode: string;
  /** A man and a woman; the one of the participant's sex leads. */
  facilitatorIds: [string, string];
  windows: WeeklyWindow[];
}

export interface CentreCapacity {
  centreId: string;
  status: 'open' | 'paused';
  groupCapacity: number;
  facilitators: Facilitator[];
  booked: BookedSession[];
  closures: AvailabilityException[];
  /** Declared weekly group slots; their hours are kept for the group (no individual session there). */
  groupSlots: GroupSlot[];
  /** Declared outreach points; none when absent. */
  outreachPoints?: OutreachPoint[];
  /** Planned at this outreach point: groups meet where they were opened, at the centre or at one point. */
  atOutreachPoint?: string;
}

export interface ProgrammeRequest {
  participantSex: Sex;
  language: Language;
  notBefore: Date;
  mustFinishBy: Date;
}

export interface PlannedSession {
  index: 1 | 2 | 3 | 4;
  kind: 'individual' | 'group';
  startsAt: Date;
  endsAt: Date;
  leadFacilitatorId: string;
  coFacilitatorId: string;
  joinsBookedSessionId?: string;
  /** A new meeting of this declared slot (the first participant opens it). */
  groupSlotId?: string;
}

export interface ProgrammePlan {
  sessions: PlannedSession[];
  /** Every session is held at this outreach point rather than at the centre. */
  outreachPoint?: { id: string; settlementCode: string };
  firstSessionAt: Date;
  lastSessionEndsAt: Date;
}

export type InfeasibilityCode =
  | 'centre_paused'
  | 'no_certified_pair'
  | 'no_language_pair'
  | 'no_free_slot_before_expiry'
  | 'group_capacity_full'
  | 'window_too_short'
  | 'beyond_reach'
  | 'no_road_on_session_date';

export type FeasibilityVerdict =
  | { feasible: true; plan: ProgrammePlan }
  | { feasible: false; code: InfeasibilityCode; reason: string };

export interface ProgrammeRules {
  sessionCount: 4;
  individualSessions: 2;
  sessionHours: 4;
  /** Calendar days (Bishkek) between consecutive sessions. */
  minDaysBetween: number;
  maxDaysBetween: number;
  /** Sessions start on this grid counted from local midnight. */
  startStepMinutes: number;
}

/** Decree No. 390: 16 hours in 4 sessions over 4 weeks, 2 individual then 2 group. */
export const MANDATORY_PROGRAMME: ProgrammeRules = Object.freeze({
  sessionCount: 4,
  individualSessions: 2,
  sessionHours: 4,
  minDaysBetween: MIN_DAYS_BETWEEN_SESSIONS,
  maxDaysBetween: 8,
  startStepMinutes: 60,
});

/** A planned session once booked as `id`: its first participant, at `outreachPointId` when held there. */
export function bookedSessionOf(session: PlannedSession, id: string, language: Language, outreachPointId?: string): BookedSession {
  return {
    id,
    kind: session.kind,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    facilitatorIds: [session.leadFacilitatorId, session.coFacilitatorId],
    language,
    participants: 1,
    ...(session.groupSlotId ? { groupSlotId: session.groupSlotId } : {}),
    ...(outreachPointId ? { outreachPointId } : {}),
  };
}
