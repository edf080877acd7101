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

  /**
   * An officer of the unit the notice went to acknowledges it. The first acknowledgement is recorded and
   * stands; asking again answers it unchanged. Null when the unit has no such entry.
   */
  async acknowledgeNotice(
    tx: EntityManager,
    entryId: string,
    unitCode: string,
    accountId: string,
  ): Promise<{ acknowledgedAt: Date; acknowledgedBy: string; recorded: boolean } | null> {
    const [updated]: [Array<{ acknowledged_at: Date; acknowledged_by: string; notification_id: string }>, number] = await tx.query(
      `UPDATE notification.inbox_entry SET acknowledged_at = now(), acknowledged_by = $3, read_at = COALESCE(read_at, now())
        WHERE id = $1 AND recipient_kind = 'police_unit' AND unit_code = $2 AND kind = 'article72_notice' AND acknowledged_at IS NULL
        RETURNING acknowledged_at, acknowledged_by, notification_id`,
      [entryId, unitCode, accountId],
    );
    if (updated.length > 0) {
      await tx.query(
        `UPDATE notification.notification SET acknowledged_at = now(), updated_at = now()
          WHERE intent_id = (SELECT intent_id FROM notification.notification WHERE id = $1) AND acknowledged_at IS NULL`,
        [updated[0].notification_id],
      );
      return { acknowledgedAt: updated[0].acknowledged_at, acknowledgedBy: updated[0].acknowledged_by, recorded: true };
    }
    const earlier: Array<{ acknowledged_at: Date; acknowledged_by: string }> = await tx.query(
      `SELECT acknowledged_at, acknowledged_by FROM notification.inbox_entry
        WHERE id = $1 AND recipient_kind = 'police_unit' AND unit_code = $2 AND kind = 'article72_notice'`,
      [entryId, unitCode],
    );
    if (earlier.length === 0) return null;
    return { acknowledgedAt: earlier[0].acknowledged_at, acknowledgedBy: earlier[0].acknowledged_by, recorded: false };
  }

  async isNoticeAcknowledged(db: EntityManager, intentId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM notification.inbox_entry e JOIN notification.notification n ON n.id = e.notification_id
        WHERE n.intent_id = $1 AND e.acknowledged_at IS NOT NULL`,
      [intentId],
    );
    return rows.length > 0;
  }

  async isAcknowledged(db: EntityManager, referralId: string, centreId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      'SELECT 1 FROM notification.referral_acknowledgement WHERE referral_id = $1 AND centre_id = $2',
      [referralId, centreId],
    );
    return rows.length > 0;
  }
}
