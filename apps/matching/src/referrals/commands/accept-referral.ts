import { AcceptReferralCommand, EventSubjects, ReferralView } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { placementAfterEnd } from '../order-period';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { HoldRepository } from '../repositories/hold-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { TransitionRepository } from '../repositories/transition-repository';
import { ReferralCommands } from './referral-commands';

/**
 * The centre takes the participant: the held sessions become bookings and the referral is accepted. Not once
 * the order has ended: no programme could start, and the bookings would stay with nobody.
 */
export class AcceptReferral {
  constructor(
    private readonly commands: ReferralCommands,
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly holds: HoldRepository,
    private readonly transitions: TransitionRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: AcceptReferralCommand): Promise<ReferralView> {
    return this.commands.run(command.referralId, async (tx) => {
      const now = this.clock.now();
      const referral = await this.commands.lockForCentre(tx, command.referralId, command.centreId);
      const ended = placementAfterEnd(referral, (await this.referrals.orderPeriod(tx, referral.orderId)).endedUnplacedAt, now);
      if (ended) throw ended;
      const deadline = (await this.deadlines.pendingDeadline(tx, referral.id))!;
      const groupSessions = await this.holds.confirmHolds(tx, referral.id, now);
      await this.deadlines.resolveDeadline(tx, deadline.id, 'accepted', now);
      await this.referrals.update(tx, referral.id, { status: 'accepted' });
      await this.transitions.transition(tx, {
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
        groupSessions,
      });
    });
  }
}
