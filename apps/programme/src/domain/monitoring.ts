import { FollowUpOutcome } from '@korgoo/contracts';
import { ProgrammeRuleViolation } from './mandatory-programme';
import { addMonths } from './voluntary-component';

/** After the programme, monitoring lasts 18 months with at least three meetings. */
export const MONITORING_MONTHS = 18;
export const MINIMUM_MEETINGS = 3;
export const DEFAULT_MEETING_MONTHS: readonly number[] = [1, 6, 18];
/** A meeting may be held this many days before it falls due: people are met when they can come. */
export const EARLY_MEETING_DAYS = 14;

const DAY_MS = 24 * 3_600_000;

export interface FollowUpMeeting {
  number: number;
  monthsAfterCompletion: number;
  dueAt: Date;
  outcome: FollowUpOutcome | null;
  recordedAt: Date | null;
}

/** A configured schedule: at least three meetings, in months after completion, rising, within the 18 months. */
export function meetingMonths(months: readonly number[]): number[] {
  if (months.length < MINIMUM_MEETINGS) throw new Error(`monitoring needs at least ${MINIMUM_MEETINGS} meetings, not ${months.length}`);
  months.forEach((month, i) => {
    if (!Number.isInteger(month) || month < 1 || month > MONITORING_MONTHS) {
      throw new Error(`a monitoring meeting falls 1 to ${MONITORING_MONTHS} months after completion, not ${month}`);
    }
    if (i > 0 && month <= months[i - 1]) throw new Error('monitoring meetings must be listed in rising months');
  });
  return [...months];
}

/** The meetings a completed programme is followed by, each due its months after completion. */
export function monitoringPlan(completedAt: Date, months: readonly number[]): FollowUpMeeting[] {
  return meetingMonths(months).map((month, i) => ({
    number: i + 1,
    monthsAfterCompletion: month,
    dueAt: addMonths(completedAt, month),
    outcome: null,
    recordedAt: null,
  }));
}

/** The centre records a meeting once: held (from a little before it falls due) or missed (once it is due). */
export function recordFollowUp(meetings: FollowUpMeeting[], number: number, outcome: FollowUpOutcome, now: Date): FollowUpMeeting {
  const meeting = meetings.find((m) => m.number === number);
  if (!meeting) throw new ProgrammeRuleViolation('out_of_order', `there is no monitoring meeting ${number}`, { rule: 'follow_up_not_found', params: { number } });
  if (meeting.outcome) {
    throw new ProgrammeRuleViolation('already_recorded', `monitoring meeting ${number} is already recorded as ${meeting.outcome}`, {
      rule: 'follow_up_already_recorded',
      params: { number },
    });
  }
  const from = outcome === 'held' ? meeting.dueAt.getTime() - EARLY_MEETING_DAYS * DAY_MS : meeting.dueAt.getTime();
  if (now.getTime() < from) {
    throw new ProgrammeRuleViolation('session_not_held_yet', `monitoring meeting ${number} is not due yet (${meeting.dueAt.toISOString()})`, {
      rule: 'follow_up_not_due',
      params: { number },
    });
  }
  meeting.outcome = outcome;
  meeting.recordedAt = now;
  return meeting;
}
