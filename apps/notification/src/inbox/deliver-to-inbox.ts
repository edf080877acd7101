import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { INBOX_TITLES } from './inbox-texts';
import { InboxEntry, Notification, RecipientKind } from './notification.entity';

export interface InboxDelivery {
  sourceEventId: string;
  orderId: string;
  referralId: string;
  referralNumber: string;
  priority: string;
  recipientKind: RecipientKind;
  centreId: string | null;
  kind: InboxEntry['kind'];
}

/**
 * Puts one entry in a recipient's inbox and announces it. The notification row is unique per
 * (event, recipient, channel), so a redelivered event can never produce a second entry.
 */
export class DeliverToInbox {
  constructor(private readonly outbox: Outbox) {}

  async execute(delivery: InboxDelivery, tx: EntityManager): Promise<void> {
    const notificationId = randomUUID();
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        id: notificationId,
        sourceEventId: delivery.sourceEventId,
        orderId: delivery.orderId,
        referralId: delivery.referralId,
        recipientKind: delivery.recipientKind,
        centreId: delivery.centreId,
        channel: 'inbox',
        status: 'delivered',
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return;
    await tx.getRepository(InboxEntry).insert({
      id: randomUUID(),
      notificationId,
      recipientKind: delivery.recipientKind,
      centreId: delivery.centreId,
      referralId: delivery.referralId,
      referralNumber: delivery.referralNumber,
      kind: delivery.kind,
      priority: delivery.priority,
      title: INBOX_TITLES[delivery.kind](delivery.referralNumber),
    });
    await this.outbox.enqueue(tx, EventSubjects.NotificationSent, delivery.orderId, {
      notificationId,
      orderId: delivery.orderId,
      referralId: delivery.referralId,
      sourceEventId: delivery.sourceEventId,
      recipientKind: delivery.recipientKind,
      centreId: delivery.centreId ?? undefined,
      channel: 'inbox',
    });
  }
}
