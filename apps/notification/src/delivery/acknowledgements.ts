import { EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';

/**
 * A centre that opened or accepted a referral has been reached: its notifications about it are acknowledged
 * and no further channel is tried. Kept per referral and centre, so an acknowledgement that arrives before
 * the notification it answers still stops it.
 */
export class Acknowledgements {
  constructor(private readonly clock: Clock) {}

  async acknowledge(tx: EntityManager, referralId: string, centreId: string, via: 'opened' | 'accepted'): Promise<number> {
    const now = this.clock.now();
    await tx.query(
      `INSERT INTO notification.referral_acknowledgement (referral_id, centre_id, via, acknowledged_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [referralId, centreId, via, now],
    );
    const [, count]: [unknown[], number] = await tx.query(
      `UPDATE notification.notification SET acknowledged_at = $3, updated_at = now()
        WHERE referral_id = $1 AND recipient_kind = 'centre' AND centre_id = $2 AND acknowledged_at IS NULL`,
      [referralId, centreId, now],
    );
    return count;
  }

  async isAcknowledged(db: EntityManager, referralId: string, centreId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      'SELECT 1 FROM notification.referral_acknowledgement WHERE referral_id = $1 AND centre_id = $2',
      [referralId, centreId],
    );
    return rows.length > 0;
  }
}
