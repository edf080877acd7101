import { AssignReferralCommand, QueryRejected, ReferralView } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { CentreDirectory } from '../../directory/centre-directory';
import { CentreSelection } from '../centre-selection';
import { placementAfterEnd } from '../order-period';
import { ASSIGNABLE } from '../referral-lifecycle';
import { DecisionRepository } from '../repositories/decision-repository';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { EndHandOff } from './end-hand-off';
import { Proposals } from './proposals';
import { ReferralCommands } from './referral-commands';

/**
 * A coordinator places the referral by hand, even where the capacity rules said no; the override is recorded.
 * The road still decides: a centre beyond reach, or with no open road on a session's date, is refused, and
 * nothing is placed once the order has ended.
 */
export class AssignReferral {
  constructor(
    private readonly commands: ReferralCommands,
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly decisions: DecisionRepository,
    private readonly directory: CentreDirectory,
    private readonly selection: CentreSelection,
    private readonly endHandOff: EndHandOff,
    private readonly proposals: Proposals,
    private readonly clock: Clock,
  ) {}

  execute(command: AssignReferralCommand): Promise<ReferralView> {
    return this.commands.run(command.referralId, async (tx) => {
      const now = this.clock.now();
      const referral = await this.referrals.lock(tx, command.referralId);
      if (!referral) throw new QueryRejected('not_found', `no referral ${command.referralId}`);
      if (!ASSIGNABLE.includes(referral.status)) {
        throw new QueryRejected('conflict', `referral ${referral.referralNumber} is ${referral.status} and cannot be assigned`);
      }
      const ended = placementAfterEnd(referral, (await this.referrals.orderPeriod(tx, referral.orderId)).endedUnplacedAt, now);
      if (ended) throw ended;
      if (referral.status === 'proposed' && referral.centreId === command.centreId) {
        throw new QueryRejected('conflict', `referral ${referral.referralNumber} is already proposed to ${command.centreId}`);
      }
      const centre = await this.directory.centre(tx, command.centreId);
      if (!centre) throw new QueryRejected('not_found', `no centre ${command.centreId}`);

      const previous = await this.deadlines.latestDeadline(tx, referral.id);
      if (referral.status === 'proposed') {
        // The new proposal's transition records the change; the old hand-off only ends.
        await this.endHandOff.execute(tx, { referral, deadline: previous, deadlineState: 'superseded', now });
      }
      const handOff = await this.deadlines.proposalCount(tx, referral.id);
      const assigned = await this.selection.assign(tx, referral.routing, now, centre);
      if ('outOfReach' in assigned) {
        // Thrown inside the transaction: the hand-off ended above is restored with everything else.
        throw new QueryRejected('conflict', `${centre.id} is out of reach for referral ${referral.referralNumber}: ${assigned.outOfReach}`);
      }
      const { record, place, verdict } = assigned;
      await this.decisions.recordDecision(tx, referral.id, {
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
    });
  }
}
