import { DeclineReferralCommand, EventSubjects, ReferralView } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { declineProblem, failedHandOffReason } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { EndHandOff } from './end-hand-off';
import { ReferralCommands } from './referral-commands';

/** The centre cannot take the participant: its hand-off ends with the reason, and the referral moves on. */
export class DeclineReferral {
  constructor(
    private readonly commands: ReferralCommands,
    private readonly deadlines: DeadlineRepository,
    private readonly endHandOff: EndHandOff,
    private readonly clock: Clock,
  ) {}

  execute(command: DeclineReferralCommand): Promise<ReferralView> {
    const problem = declineProblem(command.reason, command.note);
    if (problem) return Promise.reject(problem);
    return this.commands.run(command.referralId, async (tx) => {
      const now = this.clock.now();
      const referral = await this.commands.lockForCentre(tx, command.referralId, command.centreId);
      const deadline = (await this.deadlines.pendingDeadline(tx, referral.id))!;
      await this.endHandOff.letGo(tx, {
        referral,
        deadline,
        now,
        actor: { kind: 'centre', id: command.actorId },
        reasonCode: command.reason,
        note: command.note?.trim() || null,
        event: {
          subject: EventSubjects.ReferralDeclined,
          payload: {
            referralId: referral.id,
            orderId: referral.orderId,
            referralNumber: referral.referralNumber,
            centreId: referral.centreId!,
            reason: command.reason,
          },
        },
        moveOn: { trigger: 'declined', reason: failedHandOffReason('declined', deadline.centreId, command.reason) },
      });
    });
  }
}
