import { isFinal, Programme, ProgrammeSession } from './mandatory-programme';
import { awaitingMakeUp } from './reschedule';

export type Extension = { extended: false } | { extended: true; makeUpAgain: ProgrammeSession | null };

/**
 * The police extended the order: an open programme takes the new expiry, and one waiting for a coordinator
 * because an excused or displaced session fitted nowhere tries the make-up again in the slack. A final outcome never
 * reopens, and an expiry that is not later (a repeated or out-of-order event) changes nothing.
 */
export function extendExpiry(programme: Programme, expiresAt: Date): Extension {
  if (isFinal(programme.state) || expiresAt.getTime() <= programme.expiresAt.getTime()) return { extended: false };
  programme.expiresAt = expiresAt;
  if (programme.state !== 'awaiting_decision') return { extended: true, makeUpAgain: null };
  programme.state = 'in_progress';
  return { extended: true, makeUpAgain: programme.sessions.find((s) => awaitingMakeUp(programme, s.index)) ?? null };
}
