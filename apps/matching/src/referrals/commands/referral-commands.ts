import { EntityManager } from 'typeorm';
import { ReferralView } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { retryingTransaction } from '@korgoo/platform/core';
import { ROUTING_RETRY } from '../lock-conflicts';
import { centreActionRefusal, referralNotFound } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRecord, ReferralRepository } from '../repositories/referral-repository';

/**
 * What every command from a person shares: its own transaction, retried on a lock conflict, with the
 * referral row locked so commands, timers and events on one referral take turns; it answers the view.
 */
export class ReferralCommands {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly outbox: Outbox,
  ) {}

  run(referralId: string, work: (tx: EntityManager) => Promise<void>): Promise<ReferralView> {
    return retryingTransaction(() =>
      this.outbox.transaction(async (tx) => {
        await work(tx);
        const { items } = await this.referrals.list(tx, { centreId: null, referralId, limit: 1 });
        return items[0];
      }),
      ROUTING_RETRY,
    );
  }

  /** The referral locked for centre staff acting on it: 403 when never theirs, 409 when no longer waiting. */
  async lockForCentre(tx: EntityManager, referralId: string, centreId: string): Promise<ReferralRecord> {
    const referral = await this.referrals.lock(tx, referralId);
    if (!referral) throw referralNotFound(referralId);
    const refusal = centreActionRefusal(referral, centreId, await this.deadlines.centresProposedTo(tx, referral.id));
    if (refusal) throw refusal;
    return referral;
  }
}
