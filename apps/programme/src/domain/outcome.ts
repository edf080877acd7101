import { ClosureReason, RefusalGround } from '@korgoo/contracts';
import { allAttendedBeforeExpiry, isFinal, Programme, ProgrammeRuleViolation } from './mandatory-programme';
import { RefusalPolicy } from './refusal-policy';

export type Consequence = { kind: 'continues' } | { kind: 'completed' } | { kind: 'refused'; ground: RefusalGround };

/**
 * What a newly recorded session means for the programme: completed, refused under the policy, or neither.
 * An outcome is final: the state it sets is never left again.
 */
export function settleAfterAttendance(programme: Programme, policy: RefusalPolicy): Consequence {
  const ground = policy.judge(programme);
  if (ground) {
    programme.state = 'refused';
    return { kind: 'refused', ground };
  }
  if (allAttendedBeforeExpiry(programme)) {
    programme.state = 'completed';
    return { kind: 'completed' };
  }
  return { kind: 'continues' };
}

export interface Closure {
  reason: ClosureReason;
  note: string | null;
  /** `treatment_first` only: the day (YYYY-MM-DD) the coordinators look at the person again. */
  recheckOn: string | null;
}

/**
 * A coordinator ends the programme with a coded reason; an `other` reason needs a note. `treatment_first`
 * is final too (the order's programme ends), but needs a future re-check date so the person comes back to
 * the coordinators after the treatment.
 */
export function closeByDecision(programme: Programme, closure: Closure, now: Date): void {
  assertOpen(programme);
  if (closure.reason === 'other' && !closure.note?.trim()) {
    throw new ProgrammeRuleViolation('note_required', 'a closure for another reason needs a note');
  }
  if ((closure.reason === 'treatment_first') !== (closure.recheckOn !== null)) {
    throw new ProgrammeRuleViolation('recheck_required', 'a re-check date goes with treatment_first, and only with it');
  }
  if (closure.recheckOn !== null) {
    const due = recheckDueAt(closure.recheckOn);
    if (Number.isNaN(due.getTime()) || new Date(due.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 10) !== closure.recheckOn) {
      throw new ProgrammeRuleViolation('recheck_required', 'the re-check date must be a calendar date YYYY-MM-DD');
    }
    if (due.getTime() <= now.getTime()) throw new ProgrammeRuleViolation('recheck_required', 'the re-check date must be a day still to come');
  }
  programme.state = 'closed_by_decision';
}

const BISHKEK_OFFSET_MS = 6 * 3_600_000;

/** The re-check reminder comes at 09:00 Bishkek time (UTC+6 all year) on the re-check day. */
export function recheckDueAt(recheckOn: string): Date {
  return new Date(`${recheckOn}T09:00:00+06:00`);
}

/** The order was withdrawn: the programme ends without an outcome of its own. */
export function cancel(programme: Programme): boolean {
  if (isFinal(programme.state)) return false;
  programme.state = 'cancelled';
  return true;
}

function assertOpen(programme: Programme): void {
  if (isFinal(programme.state)) {
    throw new ProgrammeRuleViolation('programme_closed', `the programme already ended as ${programme.state}`);
  }
}
