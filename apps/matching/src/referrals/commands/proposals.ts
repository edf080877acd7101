import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { AcknowledgeWindowOverrides, acknowledgeBy } from '../acknowledgement-window';
import { HeldPlace } from '../centre-selection';
import { firstReminderAt } from '../decision-reminders';
import { ReferralStatus } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { HoldRepository } from '../repositories/hold-repository';
import { ReferralRecord, ReferralRepository } from '../repositories/referral-repository';
import { ReminderRepository } from '../repositories/reminder-repository';
import { NewTransition, TransitionRepository } from '../repositories/transition-repository';

export interface ProposalSettings {
  acknowledgeWindows: AcknowledgeWindowOverrides;
  decisionReminderHours: number;
}

export interface Proposal {
  handOff: number;
  now: Date;
  /** The centre the referral was last proposed to; null for its first centre. */
  previousCentreId: string | null;
  assignedBy: string | null;
  transition: Pick<NewTransition, 'from' | 'actor' | 'reasonCode' | 'note'>;
}

/** The steps every routing path ends in: proposing to a centre, or leaving the decision to coordinators. */
export class Proposals {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly holds: HoldRepository,
    private readonly transitions: TransitionRepository,
    private readonly reminders: ReminderRepository,
    private readonly outbox: Outbox,
    private readonly settings: ProposalSettings,
  ) {}

  /** Proposes the referral to the centre whose sessions are held: row, timer, holds, transition and event. */
  async propose(tx: EntityManager, referral: ReferralRecord, place: HeldPlace, p: Proposal): Promise<void> {
    const dueAt = acknowledgeBy(p.now, referral.priority, referral.routing.acknowledgeWithinHours, this.settings.acknowledgeWindows);
    const travelMinutes = Math.round(place.travel.minutes);
    const outreachSettlementCode = place.plan?.outreachPoint?.settlementCode ?? null;
    await this.referrals.update(tx, referral.id, {
      status: 'proposed',
      centreId: place.centreId,
      acknowledgeBy: dueAt,
      firstSessionAt: place.firstSessionAt,
      travelMinutes,
      travelSource: place.travel.source,
      outreachSettlementCode,
      assignedBy: p.assignedBy,
    });
    await this.deadlines.openDeadline(tx, {
      referralId: referral.id,
      handOff: p.handOff,
      centreId: place.centreId,
      proposedAt: p.now,
      dueAt,
      assigned: p.assignedBy !== null,
    });
    await this.holds.hold(tx, referral.id, p.handOff, place.booked);
    // A centre holds it again: the coordinators have decided, or capacity freed up for it. A referral
    // just made has no reminder.
    if (p.transition.from !== null) await this.reminders.stop(tx, referral.id, p.now);
    await this.transitions.transition(tx, {
      ...p.transition,
      referralId: referral.id,
      handOff: p.handOff,
      to: 'proposed',
      centreId: place.centreId,
      at: p.now,
    });
    const routed = {
      referralId: referral.id,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      centreId: place.centreId,
      priority: referral.priority,
      acknowledgeBy: dueAt.toISOString(),
      firstSessionAt: place.firstSessionAt.toISOString(),
      language: referral.routing.language,
      travelMinutes,
      travelSource: place.travel.source,
      ...(outreachSettlementCode ? { outreachSettlementCode } : {}),
    };
    if (p.previousCentreId === null) {
      await this.outbox.enqueue(tx, EventSubjects.ReferralRouted, referral.orderId, routed);
    } else {
      await this.outbox.enqueue(tx, EventSubjects.ReferralRerouted, referral.orderId, {
        ...routed,
        previousCentreId: p.previousCentreId,
        handOff: p.handOff,
      });
    }
  }

  /** No rule can place it any more: a coordinator decides, with every reason it came to this. */
  async escalate(
    tx: EntityManager,
    referral: ReferralRecord,
    e: { from: ReferralStatus; reasons: string[]; reasonCode: string; handOff: number; now: Date },
  ): Promise<void> {
    await this.referrals.update(tx, referral.id, {
      status: 'escalated',
      centreId: null,
      acknowledgeBy: null,
      firstSessionAt: null,
      travelMinutes: null,
      travelSource: null,
      outreachSettlementCode: null,
      reasons: e.reasons,
    });
    await this.transitions.transition(tx, {
      referralId: referral.id,
      handOff: e.handOff,
      from: e.from,
      to: 'escalated',
      centreId: null,
      actor: { kind: 'system' },
      reasonCode: e.reasonCode,
      at: e.now,
    });
    await this.outbox.enqueue(tx, EventSubjects.ReferralEscalated, referral.orderId, {
      referralId: referral.id,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      priority: referral.priority,
      reasons: e.reasons,
    });
    await this.awaitDecision(tx, referral.id, e.now);
  }

  /** The referral waits for the coordinators: they are reminded every period until one decides. */
  async awaitDecision(tx: EntityManager, referralId: string, now: Date): Promise<void> {
    await this.reminders.open(tx, referralId, now, this.firstReminder(now));
  }

  /** When coordinators are first reminded of a referral left to them at `now`. */
  firstReminder(now: Date): Date {
    return firstReminderAt(now, this.settings.decisionReminderHours);
  }
}
