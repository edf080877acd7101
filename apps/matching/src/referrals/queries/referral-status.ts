import { EntityManager } from 'typeorm';
import { ReferralListRequest, ReferralView } from '@korgoo/contracts';
import { ReferralRepository } from '../repositories/referral-repository';

/** Where referrals stand, as the gateway lists them or looks one up by its order. */
export class ReferralStatusQuery {
  constructor(private readonly referrals: ReferralRepository) {}

  list(db: EntityManager, request: ReferralListRequest): Promise<ReferralView[]> {
    return this.referrals.list(db, request);
  }

  async byOrder(db: EntityManager, orderId: string): Promise<ReferralView | null> {
    const [referral] = await this.referrals.list(db, { orderId, limit: 1 });
    return referral ?? null;
  }
}
