import { EntityManager } from 'typeorm';
import { EscalatingAlert } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import type { DeliveryIntent } from './delivery-records';

/** Who acknowledges which alert: officers their unit's Article 72 notices, coordinators immediate danger. */
export type AlertOwner = { recipientKind: 'police_unit'; unitCode: string } | { recipientKind: 'coordinators' };

/** An SQL condition: someone acknowledged the alert of kind `kind` about order `orderId` (both SQL expressions). */
function alertAcknowledged(kind: string, orderId: string): string {
  return `EXISTS (SELECT 1 FROM notification.inbox_entry e JOIN notification.notification n ON n.id = e.notification_id
                   WHERE n.order_id = ${orderId} AND e.kind = ${kind} AND e.acknowledged_at IS NOT NULL)`;
}

/**
 * An SQL condition over an intent's columns, given as SQL expressions: what it tells was acknowledged. A
 * proposal is, once its centre opened or accepted the referral; an Article 72 notice or an immediate-danger
 * alert, once anyone acknowledged that alert about the order. Nothing else is acknowledged.
 */
export function intentAcknowledged(intent: { kind: string; referralId: string; centreId: string; orderId: string }): string {
  return `(CASE WHEN ${intent.kind} = 'referral_routed'
                THEN EXISTS (SELECT 1 FROM notification.referral_acknowledgement
                              WHERE referral_id = ${intent.referralId} AND centre_id = ${intent.centreId})
                WHEN ${intent.kind} IN ('article72_notice', 'immediate_danger')
                THEN ${alertAcknowledged(intent.kind, intent.orderId)}
                ELSE false END)`;
}

const ALERT_OF: Record<AlertOwner['recipientKind'], EscalatingAlert> = {
  police_unit: 'article72_notice',
  coordinators: 'immediate_danger',
};

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
   * A person acknowledges an alert addressed to them: an officer of the unit an Article 72 notice went to,
   * or a coordinator an immediate-danger alert. The first acknowledgement is recorded and stands; asking
   * again answers it unchanged. Null when the entry is not theirs.
   */
  async acknowledgeAlert(
    tx: EntityManager,
    entryId: string,
    owner: AlertOwner,
    accountId: string,
  ): Promise<{ acknowledgedAt: Date; acknowledgedBy: string; recorded: boolean } | null> {
    const unitCode = owner.recipientKind === 'police_unit' ? owner.unitCode : null;
    const kind = ALERT_OF[owner.recipientKind];
    const now = this.clock.now();
    const [updated]: [Array<{ acknowledged_at: Date; acknowledged_by: string; notification_id: string }>, number] = await tx.query(
      `UPDATE notification.inbox_entry SET acknowledged_at = $5, acknowledged_by = $4, read_at = COALESCE(read_at, $5)
        WHERE id = $1 AND recipient_kind = $2 AND unit_code IS NOT DISTINCT FROM $3 AND kind = $6 AND acknowledged_at IS NULL
        RETURNING acknowledged_at, acknowledged_by, notification_id`,
      [entryId, owner.recipientKind, unitCode, accountId, now, kind],
    );
    if (updated.length > 0) {
      await tx.query(
        `UPDATE notification.notification SET acknowledged_at = $2, updated_at = now()
          WHERE intent_id = (SELECT intent_id FROM notification.notification WHERE id = $1) AND acknowledged_at IS NULL`,
        [updated[0].notification_id, now],
      );
      return { acknowledgedAt: updated[0].acknowledged_at, acknowledgedBy: updated[0].acknowledged_by, recorded: true };
    }
    const earlier: Array<{ acknowledged_at: Date; acknowledged_by: string }> = await tx.query(
      `SELECT acknowledged_at, acknowledged_by FROM notification.inbox_entry
        WHERE id = $1 AND recipient_kind = $2 AND unit_code IS NOT DISTINCT FROM $3 AND kind = $4`,
      [entryId, owner.recipientKind, unitCode, kind],
    );
    if (earlier.length === 0) return null;
    return { acknowledgedAt: earlier[0].acknowledged_at, acknowledgedBy: earlier[0].acknowledged_by, recorded: false };
  }

  /** Whether anyone acknowledged this kind of alert about the order, in any of the entries it was told in. */
  async isAlertAcknowledged(db: EntityManager, alert: EscalatingAlert, orderId: string): Promise<boolean> {
    const [{ acknowledged }]: Array<{ acknowledged: boolean }> = await db.query(
      `SELECT ${alertAcknowledged('$2', '$1::uuid')} AS acknowledged`,
      [orderId, alert],
    );
    return acknowledged;
  }

  /** Whether what an intent tells was acknowledged, as `intentAcknowledged` decides. */
  async isIntentAcknowledged(db: EntityManager, intent: Pick<DeliveryIntent, 'kind' | 'referral_id' | 'centre_id' | 'order_id'>): Promise<boolean> {
    const [{ acknowledged }]: Array<{ acknowledged: boolean }> = await db.query(
      `SELECT ${intentAcknowledged({ kind: '$1', referralId: '$2::uuid', centreId: '$3', orderId: '$4::uuid' })} AS acknowledged`,
      [intent.kind, intent.referral_id, intent.centre_id, intent.order_id],
    );
    return acknowledged;
  }
}
