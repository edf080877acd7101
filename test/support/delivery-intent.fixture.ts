import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { NewIntent } from '../../apps/notification/src/delivery/delivery-records';

/** What an inbox entry shows, as delivery writes it with the inbox notification. */
export const INBOX_ENTRY = { orderNumber: null, referralNumber: 'R-2026-000042', kind: 'referral_routed' as const, priority: 'high', title: { ky: 'k', ru: 'r', en: 'e' } };

/** A proposal to a centre as notification makes one for `referral.routed.v1`, with the fields given instead. */
export function newIntent(overrides: Partial<NewIntent> = {}): NewIntent {
  return {
    source_event_id: randomUUID(),
    recipient_kind: 'centre',
    centre_id: 'records-centre',
    unit_code: null,
    order_id: randomUUID(),
    referral_id: randomUUID(),
    kind: 'referral_routed',
    facts: { referralNumber: 'R-2026-000900', priority: 'urgent' },
    ...overrides,
  };
}

/** The inbox notification an intent is made with, and its `notification.sent.v1` row in `db`'s outbox. */
export function inboxOf(db: DataSource, intent: NewIntent, notificationId = randomUUID()) {
  const sent = new Outbox(db, 'notification', 'notification').row(EventSubjects.NotificationSent, intent.order_id, {
    notificationId,
    orderId: intent.order_id,
    referralId: intent.referral_id ?? undefined,
    sourceEventId: intent.source_event_id,
    recipientKind: intent.recipient_kind,
    centreId: intent.centre_id ?? undefined,
    channel: 'inbox',
  });
  return { notificationId, entry: { ...INBOX_ENTRY, kind: intent.kind }, sent };
}
