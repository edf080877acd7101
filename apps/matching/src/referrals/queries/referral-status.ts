import { EntityManager } from 'typeorm';
import { ByOrder, centreFilterOf, ReferralListRequest, ReferralView, Scope } from '@korgoo/contracts';
import { ReferralRepository } from '../repositories/referral-repository';

/** Where referrals stand, as the gateway lists them or looks one up by its order. */
export class ReferralStatusQuery {
  constructor(private readonly referrals: ReferralRepository) {}

  async list(db: EntityManager, { scope, ...filter }: ReferralListRequest): Promise<{ referrals: ReferralView[]; next: string | null }> {
    const page = await this.referrals.list(db, { ...filter, centreId: centreFilterOf(scope) });
    return { referrals: page.items, next: page.next };
  }

  async byOrder(db: EntityManager, orderId: string, scope: Scope): Promise<ReferralView | null> {
    const { items } = await this.referrals.list(db, { centreId: centreFilterOf(scope), orderId, limit: 1 });
    return items[0] ?? null;
  }

  async byOrders(db: EntityManager, orderIds: string[], scope: Scope): Promise<ByOrder<ReferralView>> {
    const newest = await this.referrals.newestByOrders(db, orderIds, centreFilterOf(scope));
    return Object.fromEntries(newest.map((referral) => [referral.orderId, referral]));
  }
}
