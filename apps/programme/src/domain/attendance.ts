import { AttendanceMark, ExcuseReason } from '@korgoo/contracts';
import { isFinal, Programme, ProgrammeRuleViolation, ProgrammeSession } from './mandatory-programme';

export interface AttendanceEntry {
  sessionIndex: number;
  mark: AttendanceMark;
  excuseReason: ExcuseReason | null;
}

/**
 * Records how one session went. A session is recorded once, after it began, and in order: a later session
 * cannot be marked while an earlier one is still open, so absences are counted in the order they happened.
 */
export function recordAttendance(programme: Programme, entry: AttendanceEntry, now: Date): ProgrammeSession {
  if (isFinal(programme.state)) {
    throw new ProgrammeRuleViolation('programme_closed', `the programme is ${programme.state}; nothing more can be recorded`);
  }
  const session = programme.sessions.find((s) => s.index === entry.sessionIndex);
  if (!session) throw new ProgrammeRuleViolation('out_of_order', `there is no session ${entry.sessionIndex}`);
  if (session.mark !== null) {
    throw new ProgrammeRuleViolation('already_recorded', `session ${session.index} is already recorded as ${session.mark}`);
  }
  if (session.startsAt.getTime() > now.getTime()) {
    throw new ProgrammeRuleViolation('session_not_held_yet', `session ${session.index} has not begun yet`);
  }
  const open = programme.sessions.find((s) => s.index < session.index && s.mark === null);
  if (open) throw new ProgrammeRuleViolation('out_of_order', `record session ${open.index} first`);
  session.mark = entry.mark;
  session.excuseReason = entry.mark === 'excused_absence' ? entry.excuseReason : null;
  session.recordedAt = now;
  if (programme.state === 'scheduled') programme.state = 'in_progress';
  return session;
}
