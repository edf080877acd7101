import { DeclineReason, QueryRejected, ReferralView } from '@korgoo/contracts';

export type ReferralStatus = ReferralView['status'];

/** Stored statuses; `declined` and `expired` are passed through on the way to the next centre or a coordinator. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['accepted', 'declined', 'expired', 'proposed', 'cancelled'],
  declined: ['proposed', 'escalated'],
  expired: ['proposed', 'escalated'],
  unroutable: ['proposed', 'cancelled'],
  escalated: ['proposed', 'cancelled'],
  // What follows acceptance is the programme service's to record.
  accepted: ['cancelled'],
  cancelled: [],
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (!canTransition(from, to)) throw new Error(`a referral cannot go from ${from} to ${to}`);
}

/** A coordinator may place a referral that no centre holds yet or that is still waiting for one. */
export const ASSIGNABLE: readonly ReferralStatus[] = ['proposed', 'unroutable', 'escalated'];
/** A withdrawn order ends the referral unless it already ended. */
export const CANCELLABLE: readonly ReferralStatus[] = ['proposed', 'unroutable', 'escalated', 'accepted'];
/** A centre holds sessions for the referral: held while proposed, booked once accepted. */
export const HOLDS_SESSIONS: readonly ReferralStatus[] = ['proposed', 'accepted'];

export interface HandOffState {
  /** Declines and missed deadlines so far, this one included. */
  failedHandOffs: number;
  handOffLimit: number;
  /** The centre was chosen by a coordinator, not by the rules. */
  assigned: boolean;
}

export type NextStep = { kind: 'reroute' } | { kind: 'escalate'; reason: string };

/**
 * After a decline or a missed deadline: try the next centre, unless the hand-offs ran out or a person chose
 * this centre (then the rules must not overrule them: the coordinators decide again).
 */
export function afterFailedHandOff(state: HandOffState): NextStep {
  if (state.assigned) return { kind: 'escalate', reason: 'the centre a coordinator assigned did not take the referral' };
  if (state.failedHandOffs >= state.handOffLimit) {
    return { kind: 'escalate', reason: `${state.failedHandOffs} failed hand-offs reached the limit of ${state.handOffLimit}` };
  }
  return { kind: 'reroute' };
}

/** How a hand-off to a centre failed: it declined, let the deadline pass, or can no longer hold the sessions. */
export type FailedHandOff = 'declined' | 'expired' | 'facilitator_away';

/**
 * The status a referral passes through on its way on: one withdrawn from a centre that can no longer hold its
 * sessions (a facilitator away) leaves it as if the centre had declined it for capacity.
 */
export function passedThrough(failed: FailedHandOff): 'declined' | 'expired' {
  return failed === 'facilitator_away' ? 'declined' : failed;
}

/** Why the last centre let the referral go, in words a coordinator reads; codes only, never the staff's note. */
export function failedHandOffReason(failed: FailedHandOff, centreId: string, detail: string): string {
  if (failed === 'facilitator_away') return `${centreId} can no longer hold session ${detail}: a facilitator is away and nothing fits before expiry`;
  return failed === 'declined' ? `${centreId} declined (${detail})` : `${centreId} did not acknowledge by ${detail}`;
}

/** A decline for "other" says why in a note; the refusal names the note, where the screen shows it. */
export function declineProblem(reason: DeclineReason, note: string | undefined): QueryRejected | null {
  if (reason === 'other' && (note === undefined || note.trim() === '')) {
    return QueryRejected.of('invalid_request', [{ rule: 'decline_note_required', field: 'note', message: 'note is required when the reason is other' }]);
  }
  return null;
}

export interface ReferralForAction {
  referralNumber: string;
  status: ReferralStatus;
  centreId: string | null;
}

/**
 * Whether centre staff may accept or decline: 403 when the referral was never theirs, 409 when it was
 * proposed to them once but has moved on or is no longer waiting for an answer.
 */
export function centreActionRefusal(
  referral: ReferralForAction,
  actorCentreId: string,
  centresProposedTo: ReadonlySet<string>,
): QueryRejected | null {
  const params = { referralNumber: referral.referralNumber };
  if (referral.centreId !== actorCentreId) {
    if (centresProposedTo.has(actorCentreId)) {
      return QueryRejected.of('conflict', [
        { rule: 'referral_no_longer_proposed', params, message: `referral ${referral.referralNumber} is no longer proposed to ${actorCentreId}` },
      ]);
    }
    return QueryRejected.of('forbidden', [{ rule: 'referral_of_other_centre', params, message: `referral ${referral.referralNumber} belongs to another centre` }]);
  }
  if (referral.status !== 'proposed') {
    return QueryRejected.of('conflict', [
      { rule: 'referral_no_longer_proposed', params, message: `referral ${referral.referralNumber} is ${referral.status}, not proposed` },
    ]);
  }
  return null;
}

/** The referral a centre answers is not there (the id is wrong, or it was never routed). */
export const referralNotFound = (referralId: string) =>
  QueryRejected.of('not_found', [{ rule: 'referral_not_found', params: { referralId }, message: `no referral ${referralId}` }]);
