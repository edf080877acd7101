import { ProgrammeAlertKind } from '@korgoo/contracts';
import { canStillFinish, isFinal, Programme, ProgrammeSession } from './mandatory-programme';

const HOUR_MS = 3_600_000;

/**
 * `make_up`: an excused absence waits for its session to be moved; fired at once, retried until it is done.
 * `order_expiry`: an order still waiting for a programme at its expiry ends `expired_unplaced`.
 */
export type TimerKind = 'attendance_missing' | 'expiry_check' | 'make_up' | 'order_expiry';

/** A waiting state's timer: when it falls due and what it watches. */
export interface ProgrammeTimer {
  kind: TimerKind;
  dueAt: Date;
  audience: 'centre' | 'coordinators';
  sessionIndex: number | null;
  daysBeforeExpiry: number | null;
}

export interface TimerSettings {
  /** Hours after a session ends before the centre is reminded to record it; the coordinators after twice that. */
  attendanceReminderHours: number;
  /** Days before expiry at which coordinators hear that the programme cannot complete. */
  expiryWarningDays: readonly number[];
}

export const DEFAULT_TIMER_SETTINGS: TimerSettings = { attendanceReminderHours: 24, expiryWarningDays: [7, 3] };

/** Every timer a new programme needs; each one checks at firing time whether it still has anything to say. */
export function timersFor(programme: Programme, settings: TimerSettings): ProgrammeTimer[] {
  return [...attendanceTimers(programme.sessions, settings), ...expiryTimers(programme, settings)];
}

/** The reminders for sessions that were (re)planned. */
export function attendanceTimers(sessions: readonly ProgrammeSession[], settings: TimerSettings): ProgrammeTimer[] {
  const reminder = settings.attendanceReminderHours * HOUR_MS;
  return sessions.flatMap((s): ProgrammeTimer[] => [
    { kind: 'attendance_missing', dueAt: new Date(s.endsAt.getTime() + reminder), audience: 'centre', sessionIndex: s.index, daysBeforeExpiry: null },
    {
      kind: 'attendance_missing',
      dueAt: new Date(s.endsAt.getTime() + 2 * reminder),
      audience: 'coordinators',
      sessionIndex: s.index,
      daysBeforeExpiry: null,
    },
  ]);
}

/** The warnings before the order's expiry, as it stands now (an extension brings new ones). */
export function expiryTimers(programme: Programme, settings: TimerSettings): ProgrammeTimer[] {
  return settings.expiryWarningDays.map(
    (days): ProgrammeTimer => ({
      kind: 'expiry_check',
      dueAt: new Date(programme.expiresAt.getTime() - days * 24 * HOUR_MS),
      audience: 'coordinators',
      sessionIndex: null,
      daysBeforeExpiry: days,
    }),
  );
}

/** The timer that asks matching's calendar for a make-up of an excused session. */
export function makeUpTimer(session: ProgrammeSession, now: Date): ProgrammeTimer {
  return { kind: 'make_up', dueAt: now, audience: 'coordinators', sessionIndex: session.index, daysBeforeExpiry: null };
}

/** The timer of an order waiting for a programme: due at its expiry. */
export function orderExpiryTimer(expiresAt: Date): ProgrammeTimer {
  return { kind: 'order_expiry', dueAt: expiresAt, audience: 'coordinators', sessionIndex: null, daysBeforeExpiry: null };
}

/**
 * A moved session or an extended order leaves timers planned for times that no longer hold: such a timer
 * is stale and stays silent; the timers planned for the new times speak instead.
 */
export function isStale(programme: Programme, timer: ProgrammeTimer, settings: TimerSettings): boolean {
  if (timer.kind === 'make_up' || timer.kind === 'order_expiry') return false;
  return !timersFor(programme, settings).some(
    (t) =>
      t.kind === timer.kind &&
      t.audience === timer.audience &&
      t.sessionIndex === timer.sessionIndex &&
      t.daysBeforeExpiry === timer.daysBeforeExpiry &&
      t.dueAt.getTime() === timer.dueAt.getTime(),
  );
}

/** The alert a timer raises when it fires, or null when the waiting state has already been resolved. */
export function alertWhenDue(programme: Programme, timer: ProgrammeTimer, settings: TimerSettings): ProgrammeAlertKind | null {
  if (isFinal(programme.state) || timer.kind === 'make_up' || timer.kind === 'order_expiry' || isStale(programme, timer, settings)) {
    return null;
  }
  if (timer.kind === 'attendance_missing') {
    const session = programme.sessions.find((s) => s.index === timer.sessionIndex);
    return session && session.mark === null ? 'attendance_missing' : null;
  }
  return canStillFinish(programme) && programme.sessions.every((s) => s.mark === null || s.mark === 'attended')
    ? null
    : 'cannot_complete_before_expiry';
}
