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
}

/** A coordinator ends the programme with a coded reason; an `other` reason needs a note. */
export function closeByDecision(programme: Programme, closure: Closure): void {
  assertOpen(programme);
  if (closure.reason === 'other' && !closure.note?.trim()) {
    throw new ProgrammeRuleViolation('note_required', 'a closure for another reason needs a note');
  }
  programme.state = 'closed_by_decision';
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
