import { farEnoughApart, RescheduleCause } from '@korgoo/contracts';
import { isFinal, MANDATORY_PLAN, Programme, ProgrammeRuleViolation, ProgrammeSession } from './mandatory-programme';


/** What the calendar must find for an excused session: it and every later session, in order, a week apart. */
export interface MakeUpRequest {
  /** An excused absence, or a session a facilitator's absence displaced (no absence counted). */
  cause: Extract<RescheduleCause, 'excused' | 'facilitator_away'>;
  fromIndex: number;
  excusedStartsAt: Date;
  /** Not before the missed session ended and the absence was recorded. */
  notBefore: Date;
  /** The last session held before the moved ones; the make-up comes a week after it. */
  previousStartsAt: Date | null;
  mustFinishBy: Date;
}

export interface SessionSlot {
  index: number;
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: string[];
}

/**
 * The session that still waits for a make-up (an excused absence, or a displaced session nothing fitted before),
 * or null when there is nothing to move.
 */
export function awaitingMakeUp(programme: Programme, sessionIndex: number): ProgrammeSession | null {
  const session = movableSession(programme, sessionIndex);
  return session && (session.mark === 'excused_absence' || (session.mark === null && session.displaced)) ? session : null;
}

/** The session, while its programme may still move it: not ended and not waiting for a coordinator. */
function movableSession(programme: Programme, sessionIndex: number): ProgrammeSession | null {
  if (isFinal(programme.state) || programme.state === 'awaiting_decision') return null;
  return programme.sessions.find((s) => s.index === sessionIndex) ?? null;
}

export function makeUpRequest(programme: Programme, excused: ProgrammeSession): MakeUpRequest {
  const recorded = excused.recordedAt ?? excused.endsAt;
  return requestFrom(programme, excused, new Date(Math.max(excused.endsAt.getTime(), recorded.getTime())), 'excused');
}

/** What the make-up of a waiting session asks the calendar for, each as it was first asked; null when none waits. */
export function pendingMakeUp(programme: Programme, sessionIndex: number, now: Date): MakeUpRequest | null {
  const waiting = awaitingMakeUp(programme, sessionIndex);
  if (!waiting) return null;
  return waiting.displaced ? displacedRequest(programme, waiting, now) : makeUpRequest(programme, waiting);
}

/**
 * The session a facilitator's absence displaced, still open at the displaced time, or null when there is nothing
 * to move: the programme ended or waits for a coordinator, the session was recorded, or it moved already.
 */
export function displacedSession(programme: Programme, sessionIndex: number, displacedStartsAt: Date): ProgrammeSession | null {
  const session = movableSession(programme, sessionIndex);
  return session && session.mark === null && session.startsAt.getTime() === displacedStartsAt.getTime() ? session : null;
}

/** A displaced session moves like an excused one, but never earlier than the time the participant was told. */
export function displacedRequest(programme: Programme, displaced: ProgrammeSession, now: Date): MakeUpRequest {
  return requestFrom(programme, displaced, new Date(Math.max(now.getTime(), displaced.startsAt.getTime())), 'facilitator_away');
}

function requestFrom(programme: Programme, moving: ProgrammeSession, notBefore: Date, cause: MakeUpRequest['cause']): MakeUpRequest {
  const previous = programme.sessions.find((s) => s.index === moving.index - 1);
  return {
    cause,
    fromIndex: moving.index,
    excusedStartsAt: moving.startsAt,
    notBefore,
    previousStartsAt: previous?.startsAt ?? null,
    mustFinishBy: programme.expiresAt,
  };
}

/**
 * Which slots still fit: one for every session from the excused one on, in order, each at least the plan's
 * gap after the one before (the last one held included), the first after the absence, the last ending
 * before the order expires. Answers why not, or null when they fit.
 */
export function whyMakeUpDoesNotFit(programme: Programme, request: MakeUpRequest, slots: SessionSlot[]): string | null {
  const wanted = programme.sessions.filter((s) => s.index >= request.fromIndex).map((s) => s.index);
  if (slots.map((s) => s.index).join() !== wanted.join()) return `the new slots must be sessions ${wanted.join(', ')} in order`;
  let previous = request.previousStartsAt ?? null;
  for (const slot of slots) {
    if (slot.startsAt.getTime() < request.notBefore.getTime()) {
      return `session ${slot.index} would come too early, before ${request.notBefore.toISOString()}`;
    }
    if (previous && !farEnoughApart(previous, slot.startsAt)) {
      return `session ${slot.index} would come too early, less than a week after ${previous.toISOString()}`;
    }
    if (slot.endsAt.getTime() <= slot.startsAt.getTime()) return `session ${slot.index} would end before it starts`;
    previous = slot.startsAt;
  }
  const last = slots[slots.length - 1];
  if (last.endsAt.getTime() > request.mustFinishBy.getTime()) return `session ${last.index} would end after the order expires`;
  return null;
}

/**
 * Moves the excused session and those after it to the slots found; the excused one is open again at its
 * new time, and the absence itself is kept by the caller as the move's history.
 */
export function moveSessions(programme: Programme, request: MakeUpRequest, slots: SessionSlot[]): ProgrammeSession[] {
  const why = whyMakeUpDoesNotFit(programme, request, slots);
  if (why) throw new ProgrammeRuleViolation('invalid_plan', why);
  return slots.map((slot) => {
    const session = programme.sessions.find((s) => s.index === slot.index)!;
    session.startsAt = slot.startsAt;
    session.endsAt = slot.endsAt;
    session.facilitatorIds = slot.facilitatorIds;
    session.mark = null;
    session.excuseReason = null;
    session.recordedAt = null;
    session.displaced = false;
    return session;
  });
}

/**
 * No slot fits before expiry: the programme waits for a coordinator to decide (close, or an extension). An excused
 * session is known again by its mark; a displaced one has none, so it is marked displaced, for an extension to
 * try its make-up again. Answers the session so marked, or null.
 */
export function awaitDecision(programme: Programme, request: MakeUpRequest | null = null): ProgrammeSession | null {
  if (isFinal(programme.state)) throw new ProgrammeRuleViolation('programme_closed', `the programme already ended as ${programme.state}`);
  programme.state = 'awaiting_decision';
  if (request?.cause !== 'facilitator_away') return null;
  const displaced = programme.sessions.find((s) => s.index === request.fromIndex)!;
  displaced.displaced = true;
  return displaced;
}
