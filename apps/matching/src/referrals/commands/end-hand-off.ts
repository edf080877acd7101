import { EntityManager } from 'typeorm';
import { EventPayload, EventSubject } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { CentreDirectory } from '../../directory/centre-directory';
import { CentreSelection } from '../centre-selection';
import { RoutingRecord } from '../decision-record';
import { afterFailedHandOff, FailedHandOff, passedThrough } from '../referral-lifecycle';
import { DecisionRepository } from '../repositories/decision-repository';
import { Deadline, DeadlineRepository, DeadlineState } from '../repositories/deadline-repository';
import { HoldRepository } from '../repositories/hold-repository';
import { ReferralRecord, ReferralRepository } from '../repositories/referral-repository';
import { NewTransition, TransitionRepository } from '../repositories/transition-repository';
import { CapacityFreedBy } from '../waiting-queue';
import { Proposals } from './proposals';
import { ServeWaitingReferrals } from './serve-waiting-referrals';

/** Endings that free capacity for the waiting queue; a coordinator's reassignment books its own choice first. */
const FREES_CAPACITY: Partial<Record<DeadlineState, CapacityFreedBy>> = {
  declined: 'declined',
  fired: 'expired',
  cancelled: 'cancelled',
};

export interface HandOffEnding<S extends EventSubject> {
  referral: ReferralRecord;
  /** The deadline of the hand-off that ends; none when the referral was not waiting for a centre. */
  deadline: Deadline | null;
  deadlineState: Exclude<DeadlineState, 'pending'>;
  now: Date;
  transition?: Omit<NewTransition, 'referralId' | 'at'>;
  event?: { subject: S; payload: EventPayload<S> };
  /** A decline, a missed deadline or a withdrawal: the referral goes on to the next centre or to a coordinator. */
  moveOn?: { trigger: FailedHandOff; reason: string };
}

/** A centre let the referral go: it declined, or can no longer hold the sessions (`facilitator_away`). */
export interface LetGo<S extends EventSubject> {
  referral: ReferralRecord;
  deadline: Deadline;
  now: Date;
  actor: NewTransition['actor'];
  reasonCode: string;
  note?: string | null;
  event: { subject: S; payload: EventPayload<S> };
  moveOn: { trigger: Exclude<FailedHandOff, 'expired'>; reason: string };
}

export interface EndHandOffSettings {
  handOffLimit: number;
}

/**
 * Ends a referral's hand-off to a centre, the same way on every path (decline, missed deadline, withdrawal of the
 * order or from a centre that can no longer hold the sessions, a coordinator's reassignment): give the held sessions back, close the deadline, record the transition,
 * announce it, and move on when the centre let the referral go.
 */
export class EndHandOff {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly holds: HoldRepository,
    private readonly transitions: TransitionRepository,
    private readonly decisions: DecisionRepository,
    private readonly directory: CentreDirectory,
    private readonly selection: CentreSelection,
    private readonly proposals: Proposals,
    private readonly waiting: ServeWaitingReferrals,
    private readonly outbox: Outbox,
    private readonly settings: EndHandOffSettings,
  ) {}

  async execute<S extends EventSubject>(tx: EntityManager, end: HandOffEnding<S>): Promise<void> {
    const released = await this.holds.dropHolds(tx, end.referral.id);
    await this.directory.releaseSessions(tx, released);
    if (end.deadline) await this.deadlines.resolveDeadline(tx, end.deadline.id, end.deadlineState, end.now);
    if (end.transition) await this.transitions.transition(tx, { ...end.transition, referralId: end.referral.id, at: end.now });
    if (end.event) await this.outbox.enqueue(tx, end.event.subject, end.referral.orderId, end.event.payload);
    if (end.moveOn && end.deadline) await this.moveOn(tx, end.referral, end.deadline, end.moveOn.trigger, end.moveOn.reason, end.now);
    const freedBy = FREES_CAPACITY[end.deadlineState];
    if (freedBy && released.length > 0) await this.waiting.execute(tx, freedBy, end.now);
  }

  /** The hand-off ends as declined, with who and why; the referral moves on. */
  letGo<S extends EventSubject>(tx: EntityManager, end: LetGo<S>): Promise<void> {
    const { deadline } = end;
    return this.execute(tx, {
      referral: end.referral,
      deadline,
      deadlineState: 'declined',
      now: end.now,
      transition: {
        handOff: deadline.handOff,
        from: 'proposed',
        to: 'declined',
        centreId: deadline.centreId,
        actor: end.actor,
        reasonCode: end.reasonCode,
        note: end.note ?? null,
      },
      event: end.event,
      moveOn: end.moveOn,
    });
  }

  /** The next centre, never one that already let the referral go, or a coordinator. */
  private async moveOn(
    tx: EntityManager,
    referral: ReferralRecord,
    failed: Deadline,
    trigger: FailedHandOff,
    reason: string,
    now: Date,
  ): Promise<void> {
    const failedHandOffs = referral.failedHandOffs + 1;
    const reasons = [...referral.reasons, reason];
    await this.referrals.update(tx, referral.id, { failedHandOffs, reasons });
    const moved = { ...referral, failedHandOffs, reasons };
    const handOff = failed.handOff + 1;
    const from = passedThrough(trigger);
    const step = afterFailedHandOff({ failedHandOffs, handOffLimit: this.settings.handOffLimit, assigned: failed.assigned });
    if (step.kind === 'escalate') {
      const reasonCode = failed.assigned ? 'assigned_centre_failed' : 'hand_off_limit_reached';
      await this.proposals.escalate(tx, moved, { from, reasons: [...reasons, step.reason], reasonCode, handOff: failed.handOff, now });
      return;
    }
    const selection = await this.selection.choose(tx, referral.routing, now, { exclude: await this.deadlines.failedCentres(tx, referral.id) });
    const record: RoutingRecord = { ...selection.record, handOff, trigger, outcome: selection.chosen ? 'proposed' : 'escalated' };
    await this.decisions.recordDecision(tx, referral.id, record);
    if (!selection.chosen) {
      await this.proposals.escalate(tx, moved, {
        from,
        reasons: [...reasons, 'no other centre can deliver the programme in time', ...selection.reasons],
        reasonCode: 'no_feasible_centre',
        handOff: failed.handOff,
        now,
      });
      return;
    }
    await this.proposals.propose(tx, moved, selection.chosen, {
      handOff,
      now,
      previousCentreId: failed.centreId,
      assignedBy: null,
      transition: { from, actor: { kind: 'system' }, reasonCode: 'rerouted' },
    });
  }
}
