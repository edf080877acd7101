import { ProgrammeAlertKind } from '@korgoo/contracts';
import { canStillFinish, isFinal, Programme, ProgrammeSession } from './mandatory-programme';
import { FollowUpMeeting } from './monitoring';
import { recheckDueAt } from './outcome';

const HOUR_MS = 3_600_000;

/**
 * `make_up`: an excused absence waits for its session to be moved; fired at once, retried until it is done.
 * `order_expiry`: an order still waiting for a programme at its expiry ends `expired_unplaced`.
 * `follow_up_due`: a monitoring meeting after completion falls due; the centre is reminded unless it is recorded.
 * `treatment_recheck`: a programme closed for treatment first comes back to the coordinators on its re-check day.
 */
export type TimerKind = 'attendance_missing' | 'expiry_check' | 'make_up' | 'order_expiry' | 'follow_up_due' | 'treatment_recheck';

/** A waiting state's timer: when it falls due and what it watches. */
export interface ProgrammeTimer {
  kind: TimerKind;
  dueAt: Date;
  audience: 'centre' | 'coordinators';
  sessionIndex: number | null;
  daysBeforeExpiry: number | null;
  /** The monitoring meeting a `follow_up_due` timer watches. */
  meetingNumber: number | null;
}

/** Timers that watch something after the outcome: they fire whatever the programme's final state. */
const AFTER_OUTCOME: readonly TimerKind[] = ['follow_up_due', 'treatment_recheck'];

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
    { kind: 'attendance_missing', dueAt: new Date(s.endsAt.getTime() + reminder), audience: 'centre', sessionIndex: s.index, daysBeforeExpiry: null, meetingNumber: null },
    {
      kind: 'attendance_missing',
      dueAt: new Date(s.endsAt.getTime() + 2 * reminder),
      audience: 'coordinators',
      sessionIndex: s.index,
      daysBeforeExpiry: null,
      meetingNumber: null,
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
      meetingNumber: null,
    }),
  );
}

/** The timer that asks matching's calendar for a make-up of an excused session. */
export function makeUpTimer(session: ProgrammeSession, now: Date): ProgrammeTimer {
  return { kind: 'make_up', dueAt: now, audience: 'coordinators', sessionIndex: session.index, daysBeforeExpiry: null, meetingNumber: null };
}

/** The timer of an order waiting for a programme: due at its expiry. */
export function orderExpiryTimer(expiresAt: Date): ProgrammeTimer {
  return { kind: 'order_expiry', dueAt: expiresAt, audience: 'coordinators', sessionIndex: null, daysBeforeExpiry: null, meetingNumber: null };
}

/** The reminder to the centre when a monitoring meeting falls due. */
export function followUpTimer(meeting: FollowUpMeeting): ProgrammeTimer {
  return { kind: 'follow_up_due', dueAt: meeting.dueAt, audience: 'centre', sessionIndex: null, daysBeforeExpiry: null, meetingNumber: meeting.number };
}

/** The reminder to the coordinators on the re-check day of a programme closed for treatment first. */
export function treatmentRecheckTimer(recheckOn: string): ProgrammeTimer {
  return { kind: 'treatment_recheck', dueAt: recheckDueAt(recheckOn), audience: 'coordinators', sessionIndex: null, daysBeforeExpiry: null, meetingNumber: null };
}

/** Whether a timer that fires after the outcome still has something to say. */
export function reminderWhenDue(timer: ProgrammeTimer, meetings: readonly FollowUpMeeting[], closure: { recheckOn: string | null } | null): boolean {
  if (timer.kind === 'follow_up_due') return meetings.some((m) => m.number === timer.meetingNumber && m.outcome === null);
  if (timer.kind === 'treatment_recheck') return Boolean(closure?.recheckOn);
  return false;
}

/**
 * A moved session or an extended order leaves timers planned for times that no longer hold: such a timer
 * is stale and stays silent; the timers planned for the new times speak instead.
 */
export function isStale(programme: Programme, timer: ProgrammeTimer, settings: TimerSettings): boolean {
  if (timer.kind === 'make_up' || timer.kind === 'order_expiry' || AFTER_OUTCOME.includes(timer.kind)) return false;
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
    // A displaced session waiting for a coordinator is not held at its old time: there is nothing to record.
    return session && session.mark === null && !session.displaced ? 'attendance_missing' : null;
  }
  return canStillFinish(programme) && programme.sessions.every((s) => s.mark === null || s.mark === 'attended')
    ? null
    : 'cannot_complete_before_expiry';
}
