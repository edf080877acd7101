import { ProgrammeAlertKind } from '@korgoo/contracts';
import { canStillFinish, isFinal, Programme } from './mandatory-programme';

const HOUR_MS = 3_600_000;

export type TimerKind = 'attendance_missing' | 'expiry_check';

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
  const reminder = settings.attendanceReminderHours * HOUR_MS;
  const attendance = programme.sessions.flatMap((s): ProgrammeTimer[] => [
    { kind: 'attendance_missing', dueAt: new Date(s.endsAt.getTime() + reminder), audience: 'centre', sessionIndex: s.index, daysBeforeExpiry: null },
    {
      kind: 'attendance_missing',
      dueAt: new Date(s.endsAt.getTime() + 2 * reminder),
      audience: 'coordinators',
      sessionIndex: s.index,
      daysBeforeExpiry: null,
    },
  ]);
  const expiry = settings.expiryWarningDays.map(
    (days): ProgrammeTimer => ({
      kind: 'expiry_check',
      dueAt: new Date(programme.expiresAt.getTime() - days * 24 * HOUR_MS),
      audience: 'coordinators',
      sessionIndex: null,
      daysBeforeExpiry: days,
    }),
  );
  return [...attendance, ...expiry];
}

/** The alert a timer raises when it fires, or null when the waiting state has already been resolved. */
export function alertWhenDue(programme: Programme, timer: ProgrammeTimer): ProgrammeAlertKind | null {
  if (isFinal(programme.state)) return null;
  if (timer.kind === 'attendance_missing') {
    const session = programme.sessions.find((s) => s.index === timer.sessionIndex);
    return session && session.mark === null ? 'attendance_missing' : null;
  }
  return canStillFinish(programme) && programme.sessions.every((s) => s.mark === null || s.mark === 'attended')
    ? null
    : 'cannot_complete_before_expiry';
}
