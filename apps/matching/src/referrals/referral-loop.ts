import { EntityManager } from 'typeorm';
import {
  AcceptReferralCommand,
  AssignReferralCommand,
  DeclineReferralCommand,
  EventEnvelope,
  EventSubjects,
  OrderWithdrawnV1,
  centreFilterOf,
  QueryRejected,
  ReferralLookup,
  ReferralView,
  RiskReassessedV1,
} from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { CentreDirectory } from '../directory/centre-directory';
import { CentreSelection } from './centre-selection';
import { decisionView, DecisionView, RoutingRecord } from './decision-record';
import { retryingTransaction } from './lock-conflicts';
import { Proposals } from './proposals';
import {
  afterFailedHandOff,
  ASSIGNABLE,
  CANCELLABLE,
  centreActionRefusal,
  declineProblem,
  failedHandOffReason,
  shortenedDeadline,
} from './referral-lifecycle';
import { Deadline, ReferralRecord, Referrals } from './referrals';

export interface LoopSettings {
  handOffLimit: number;
}

/**
 * Everything that happens to a referral after it was first routed: a centre accepts or declines, a deadline
 * passes, a coordinator assigns, a reassessment raises the priority, the order is withdrawn. Each runs in one
 * transaction with the referral row locked, so they take turns and each leaves a transition row and an event.
 */
export class ReferralLoop {
  constructor(
    private readonly referrals: Referrals,
    private readonly directory: CentreDirectory,
    private readonly selection: CentreSelection,
    private readonly proposals: Proposals,
    private readonly outbox: Outbox,
    private readonly settings: LoopSettings,
    private readonly clock: Clock,
  ) {}

  accept(command: AcceptReferralCommand): Promise<ReferralView> {
    return this.command(async (tx) => {
      const now = this.clock.now();
      const referral = await this.lockForCentre(tx, command.referralId, command.centreId);
      const deadline = (await this.referrals.pendingDeadline(tx, referral.id))!;
      await this.referrals.confirmHolds(tx, referral.id, now);
      await this.referrals.resolveDeadline(tx, deadline.id, 'accepted', now);
      await this.referrals.update(tx, referral.id, { status: 'accepted' });
      await this.referrals.transition(tx, {
        referralId: referral.id,
        handOff: deadline.handOff,
        from: 'proposed',
        to: 'accepted',
        centreId: referral.centreId,
        actor: { kind: 'centre', id: command.actorId },
        reasonCode: 'accepted',
        at: now,
      });
      await this.outbox.enqueue(tx, EventSubjects.ReferralAccepted, referral.orderId, {
        referralId: referral.id,
        orderId: referral.orderId,
        referralNumber: referral.referralNumber,
        centreId: referral.centreId!,
        firstSessionAt: referral.firstSessionAt!.toISOString(),
      });
      return this.view(tx, referral.id);
    });
  }

  decline(command: DeclineReferralCommand): Promise<ReferralView> {
    const problem = declineProblem(command.reason, command.note);
    if (problem) return Promise.reject(new QueryRejected('invalid_request', problem));
    return this.command(async (tx) => {
      const now = this.clock.now();
      const referral = await this.lockForCentre(tx, command.referralId, command.centreId);
      const deadline = (await this.referrals.pendingDeadline(tx, referral.id))!;
      await this.proposals.release(tx, referral.id);
      await this.referrals.resolveDeadline(tx, deadline.id, 'declined', now);
      await this.referrals.transition(tx, {
        referralId: referral.id,
        handOff: deadline.handOff,
        from: 'proposed',
        to: 'declined',
        centreId: referral.centreId,
        actor: { kind: 'centre', id: command.actorId },
        reasonCode: command.reason,
        note: command.note?.trim() || null,
        at: now,
      });
      await this.outbox.enqueue(tx, EventSubjects.ReferralDeclined, referral.orderId, {
        referralId: referral.id,
        orderId: referral.orderId,
        referralNumber: referral.referralNumber,
        centreId: referral.centreId!,
        reason: command.reason,
      });
      await this.moveOn(tx, referral, deadline, 'declined', failedHandOffReason('declined', deadline.centreId, command.reason), now);
      return this.view(tx, referral.id);
    });
  }

  /** The acknowledgement deadline passed; `claim` is locked by the poller's transaction. */
  async expire(tx: EntityManager, claim: { deadlineId: string; referralId: string }): Promise<void> {
    const now = this.clock.now();
    const referral = (await this.referrals.lock(tx, claim.referralId))!;
    const deadline = await this.referrals.deadline(tx, claim.deadlineId);
    if (referral.status !== 'proposed' || referral.centreId !== deadline.centreId) {
      // Cannot happen while every change resolves the deadline with it; close it rather than fire twice.
      await this.referrals.resolveDeadline(tx, deadline.id, 'superseded', now);
      return;
    }
    await this.proposals.release(tx, referral.id);
    await this.referrals.resolveDeadline(tx, deadline.id, 'fired', now);
    await this.referrals.transition(tx, {
      referralId: referral.id,
      handOff: deadline.handOff,
      from: 'proposed',
      to: 'expired',
      centreId: deadline.centreId,
      actor: { kind: 'timer' },
      reasonCode: 'acknowledgement_deadline_passed',
      at: now,
    });
    await this.outbox.enqueue(tx, EventSubjects.ReferralExpired, referral.orderId, {
      referralId: referral.id,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      centreId: deadline.centreId,
      acknowledgeBy: deadline.dueAt.toISOString(),
    });
    await this.moveOn(tx, referral, deadline, 'expired', failedHandOffReason('expired', deadline.centreId, deadline.dueAt.toISOString()), now);
  }

  /** A coordinator places the referral by hand, even where the rules said no; the override is recorded. */
  assign(command: AssignReferralCommand): Promise<ReferralView> {
    return this.command(async (tx) => {
      const now = this.clock.now();
      const referral = await this.referrals.lock(tx, command.referralId);
      if (!referral) throw new QueryRejected('not_found', `no referral ${command.referralId}`);
      if (!ASSIGNABLE.includes(referral.status)) {
        throw new QueryRejected('conflict', `referral ${referral.referralNumber} is ${referral.status} and cannot be assigned`);
      }
      if (referral.status === 'proposed' && referral.centreId === command.centreId) {
        throw new QueryRejected('conflict', `referral ${referral.referralNumber} is already proposed to ${command.centreId}`);
      }
      const centre = await this.directory.centre(tx, command.centreId);
      if (!centre) throw new QueryRejected('not_found', `no centre ${command.centreId}`);

      const previous = await this.referrals.latestDeadline(tx, referral.id);
      if (referral.status === 'proposed') {
        await this.proposals.release(tx, referral.id);
        await this.referrals.resolveDeadline(tx, previous!.id, 'superseded', now);
      }
      const handOff = await this.referrals.proposalCount(tx, referral.id);
      const { record, place, verdict } = await this.selection.assign(tx, referral.routing, now, centre);
      await this.referrals.recordDecision(tx, referral.id, {
        ...record,
        handOff,
        trigger: 'assigned',
        outcome: 'assigned',
        override: { actorId: command.actorId, reason: command.reason, verdict },
      });
      await this.proposals.propose(tx, referral, place, {
        handOff,
        now,
        previousCentreId: previous?.centreId ?? null,
        assignedBy: command.actorId,
        transition: {
          from: referral.status,
          actor: { kind: 'coordinator', id: command.actorId },
          reasonCode: verdict.feasible ? 'assigned' : `assigned_despite_${verdict.code}`,
          note: command.reason,
        },
      });
      return this.view(tx, referral.id);
    });
  }

  /**
   * A new assessment version: the priority follows it, and a pending acknowledgement deadline is brought
   * forward when the new priority's window ends sooner; it is never pushed back. Answers false when the
   * order has no referral yet, so the caller routes it.
   */
  async reassess(tx: EntityManager, event: EventEnvelope<RiskReassessedV1>): Promise<boolean> {
    const reassessed = event.payload;
    const referral = await this.referrals.lockByOrder(tx, reassessed.orderId);
    if (!referral) return false;
    if (reassessed.assessmentVersion <= referral.assessmentVersion) return true;
    const now = this.clock.now();
    const routing = { ...referral.routing, acknowledgeWithinHours: reassessed.acknowledgeWithinHours };
    await this.referrals.update(tx, referral.id, {
      priority: reassessed.priority,
      assessmentVersion: reassessed.assessmentVersion,
      routing,
    });
    const deadline = referral.status === 'proposed' ? await this.referrals.pendingDeadline(tx, referral.id) : null;
    const sooner =
      deadline &&
      shortenedDeadline(
        deadline.dueAt,
        now,
        this.proposals.acknowledgeWindowMs(reassessed.priority, reassessed.acknowledgeWithinHours),
      );
    if (deadline && sooner) {
      await this.referrals.moveDeadline(tx, deadline.id, sooner);
      await this.referrals.update(tx, referral.id, { acknowledgeBy: sooner });
    }
    await this.referrals.transition(tx, {
      referralId: referral.id,
      handOff: deadline?.handOff ?? (await this.referrals.proposalCount(tx, referral.id)),
      from: referral.status,
      to: referral.status,
      centreId: referral.centreId,
      actor: { kind: 'system' },
      reasonCode: sooner ? 'deadline_brought_forward' : 'reassessed',
      note: `priority ${reassessed.previousPriority} → ${reassessed.priority}` + (sooner ? `, acknowledge by ${sooner.toISOString()}` : ''),
      at: now,
    });
    return true;
  }

  /** The order no longer stands: the referral ends and every held or booked session is given back. */
  async withdraw(tx: EntityManager, event: EventEnvelope<OrderWithdrawnV1>): Promise<void> {
    const now = this.clock.now();
    const withdrawn = event.payload;
    await this.referrals.markWithdrawn(tx, withdrawn.orderId, withdrawn.reason, now);
    const referral = await this.referrals.lockByOrder(tx, withdrawn.orderId);
    if (!referral || !CANCELLABLE.includes(referral.status)) return;
    const deadline = await this.referrals.pendingDeadline(tx, referral.id);
    await this.proposals.release(tx, referral.id);
    if (deadline) await this.referrals.resolveDeadline(tx, deadline.id, 'cancelled', now);
    await this.referrals.update(tx, referral.id, { status: 'cancelled', acknowledgeBy: null });
    await this.referrals.transition(tx, {
      referralId: referral.id,
      handOff: deadline?.handOff ?? Math.max(0, (await this.referrals.proposalCount(tx, referral.id)) - 1),
      from: referral.status,
      to: 'cancelled',
      centreId: referral.centreId,
      // The police's note may name people: only the reason code is kept.
      actor: { kind: 'police' },
      reasonCode: withdrawn.reason,
      at: now,
    });
    await this.outbox.enqueue(tx, EventSubjects.ReferralCancelled, referral.orderId, {
      referralId: referral.id,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      ...(referral.centreId ? { centreId: referral.centreId } : {}),
    });
  }

  async decision(lookup: ReferralLookup, db: EntityManager): Promise<DecisionView | null> {
    const referral = await this.referrals.find(db, lookup.referralId);
    if (!referral) return null;
    const centreId = centreFilterOf(lookup.scope);
    if (centreId !== null) {
      const proposedTo = await this.referrals.centresProposedTo(db, referral.id);
      if (!proposedTo.has(centreId)) {
        throw new QueryRejected('forbidden', `referral ${referral.referralNumber} belongs to another centre`);
      }
    }
    const [routings, handOffs, transitions] = [
      await this.referrals.decisions(db, referral.id),
      await this.referrals.handOffs(db, referral.id),
      await this.referrals.transitions(db, referral.id),
    ];
    return decisionView({
      referral: { ...referral, id: referral.id },
      handOffLimit: this.settings.handOffLimit,
      routings,
      handOffs,
      transitions,
    });
  }

  /** After a decline or a missed deadline: the next centre, never one that already let it go, or a coordinator. */
  private async moveOn(
    tx: EntityManager,
    referral: ReferralRecord,
    failed: Deadline,
    trigger: 'declined' | 'expired',
    reason: string,
    now: Date,
  ): Promise<void> {
    const failedHandOffs = referral.failedHandOffs + 1;
    const reasons = [...referral.reasons, reason];
    await this.referrals.update(tx, referral.id, { failedHandOffs, reasons });
    const moved = { ...referral, failedHandOffs, reasons };
    const handOff = failed.handOff + 1;
    const step = afterFailedHandOff({ failedHandOffs, handOffLimit: this.settings.handOffLimit, assigned: failed.assigned });
    if (step.kind === 'escalate') {
      const reasonCode = failed.assigned ? 'assigned_centre_failed' : 'hand_off_limit_reached';
      await this.proposals.escalate(tx, moved, { from: trigger, reasons: [...reasons, step.reason], reasonCode, handOff: failed.handOff, now });
      return;
    }
    const selection = await this.selection.choose(tx, referral.routing, now, await this.referrals.failedCentres(tx, referral.id));
    const record: RoutingRecord = { ...selection.record, handOff, trigger, outcome: selection.chosen ? 'proposed' : 'escalated' };
    await this.referrals.recordDecision(tx, referral.id, record);
    if (!selection.chosen) {
      await this.proposals.escalate(tx, moved, {
        from: trigger,
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
      transition: { from: trigger, actor: { kind: 'system' }, reasonCode: 'rerouted' },
    });
  }

  private async lockForCentre(tx: EntityManager, referralId: string, centreId: string): Promise<ReferralRecord> {
    const referral = await this.referrals.lock(tx, referralId);
    if (!referral) throw new QueryRejected('not_found', `no referral ${referralId}`);
    const refusal = centreActionRefusal(referral, centreId, await this.referrals.centresProposedTo(tx, referral.id));
    if (refusal) throw refusal;
    return referral;
  }

  private async view(tx: EntityManager, referralId: string): Promise<ReferralView> {
    const [view] = await this.referrals.list(tx, { centreId: null, referralId, limit: 1 });
    return view;
  }

  private command<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return retryingTransaction(() => this.outbox.transaction(work));
  }
}
