import {
  AttendanceMark,
  ExcuseReason,
  farEnoughApart,
  MIN_DAYS_BETWEEN_SESSIONS,
  ProgrammeBooking,
  ProgrammeState,
  ProgrammeTrack,
  type RefusalParams,
  type RefusalRule,
  SessionKind,
} from '@korgoo/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The mandatory component (Government decree No. 390): 2 individual then 2 group sessions, 16 hours, weekly. */
export const MANDATORY_PLAN = {
  kinds: ['individual', 'individual', 'group', 'group'] as readonly SessionKind[],
  totalHours: 16,
  /** "A week apart" in Bishkek calendar days, as routing books it (`farEnoughApart`). */
  minimumGapDays: MIN_DAYS_BETWEEN_SESSIONS,
} as const;

export interface ProgrammeSession {
  index: number;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: string[];
  mark: AttendanceMark | null;
  excuseReason: ExcuseReason | null;
  recordedAt: Date | null;
  /**
   * A facilitator's absence displaced it and no slot fitted before expiry: it keeps its time, unmarked, and waits
   * for a make-up as an excused session does, without an absence counted.
   */
  displaced: boolean;
}

export interface Programme {
  id: string;
  referralId: string;
  centreId: string;
  track: ProgrammeTrack;
  expiresAt: Date;
  state: ProgrammeState;
  sessions: ProgrammeSession[];
}

export class ProgrammeRuleViolation extends Error {
  constructor(
    readonly code:
      | 'invalid_plan'
      | 'note_required'
      | 'recheck_required'
      | 'session_not_held_yet'
      | 'already_recorded'
      | 'out_of_order'
      | 'programme_closed'
      | 'not_completed'
      | 'already_enrolled',
    message: string,
    /** The rule a screen says it by, where one is named for it (a monitoring meeting's). */
    readonly refusal?: { rule: RefusalRule; params: RefusalParams },
  ) {
    super(message);
  }
}

export const FINAL_STATES: readonly ProgrammeState[] = ['completed', 'refused', 'closed_by_decision', 'expired_unplaced', 'cancelled'];

export function isFinal(state: ProgrammeState): boolean {
  return FINAL_STATES.includes(state);
}

/** Men's and women's programmes are separate, with separate groups. */
export function trackOf(sex: 'male' | 'female'): ProgrammeTrack {
  return sex === 'male' ? 'men' : 'women';
}

/** The four sessions of an accepted booking, checked against the mandatory plan before a programme starts. */
export function planFromBooking(booking: ProgrammeBooking): ProgrammeSession[] {
  const sessions = [...booking.sessions]
    .sort((a, b) => a.index - b.index)
    .map((s) => ({
      index: s.index,
      kind: s.kind,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      facilitatorIds: s.facilitatorIds,
      mark: null,
      excuseReason: null,
      recordedAt: null,
      displaced: false,
    }));
  if (sessions.length !== MANDATORY_PLAN.kinds.length) {
    throw new ProgrammeRuleViolation('invalid_plan', `the mandatory programme has 4 sessions, the booking has ${sessions.length}`);
  }
  sessions.forEach((session, i) => {
    if (session.index !== i + 1 || session.kind !== MANDATORY_PLAN.kinds[i]) {
      throw new ProgrammeRuleViolation('invalid_plan', 'the sessions must be 2 individual then 2 group, numbered 1 to 4');
    }
    if (i > 0 && !farEnoughApart(sessions[i - 1].startsAt, session.startsAt)) {
      throw new ProgrammeRuleViolation('invalid_plan', `session ${session.index} is less than a week after the one before`);
    }
  });
  const hours = sessions.reduce((sum, s) => sum + (s.endsAt.getTime() - s.startsAt.getTime()) / HOUR_MS, 0);
  if (Math.abs(hours - MANDATORY_PLAN.totalHours) > 0.01) {
    throw new ProgrammeRuleViolation('invalid_plan', `the sessions add up to ${hours} hours, not ${MANDATORY_PLAN.totalHours}`);
  }
  return sessions;
}

/** Completed only when every session was attended before the order expired. */
export function allAttendedBeforeExpiry(programme: Programme): boolean {
  return programme.sessions.every((s) => s.mark === 'attended' && s.endsAt.getTime() <= programme.expiresAt.getTime());
}

/**
 * Whether the programme can still finish before expiry: each session missed needs a make-up at least a
 * week after the last one planned, and the last must end before the order does.
 */
export function canStillFinish(programme: Programme): boolean {
  const missed = programme.sessions.filter((s) => s.mark !== null && s.mark !== 'attended').length;
  const last = programme.sessions[programme.sessions.length - 1];
  const lastEnds = last.endsAt.getTime() + missed * MANDATORY_PLAN.minimumGapDays * DAY_MS;
  return lastEnds <= programme.expiresAt.getTime();
}
