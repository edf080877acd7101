import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { EventSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { DeliverToInbox } from './deliver-to-inbox';
import { InboxEntry, Notification } from './notification.entity';

/** Wires referral events to inbox delivery, and answers the gateway's inbox and notification queries. */
@Module({})
export class InboxModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const deliver = new DeliverToInbox(this.messaging.outbox);
    this.messaging.on(EventSubjects.ReferralRouted, ({ eventId, payload }, tx) =>
      deliver.execute(
        {
          sourceEventId: eventId,
          orderId: payload.orderId,
          referralId: payload.referralId,
          referralNumber: payload.referralNumber,
          priority: payload.priority,
          recipientKind: 'centre',
          centreId: payload.centreId,
          kind: 'referral_routed',
        },
        tx,
      ),
    );
    this.messaging.on(EventSubjects.ReferralUnroutable, ({ eventId, payload }, tx) =>
      deliver.execute(
        {
          sourceEventId: eventId,
          orderId: payload.orderId,
          referralId: payload.referralId,
          referralNumber: payload.referralNumber,
          priority: payload.priority,
          recipientKind: 'coordinators',
          centreId: null,
          kind: 'referral_unroutable',
        },
        tx,
      ),
    );
    this.messaging.queries.handle(QuerySubjects.NotificationsByOrder, async ({ orderId }) => {
      const rows = await this.dataSource
        .getRepository(Notification)
        .find({ where: { orderId }, order: { createdAt: 'ASC' } });
      return {
        notifications: rows.map((row) => ({
          notificationId: row.id,
          referralId: row.referralId,
          recipientKind: row.recipientKind,
          centreId: row.centreId,
          channel: row.channel,
          status: row.status,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    });
    this.messaging.queries.handle(QuerySubjects.InboxList, async ({ recipientKind, centreId, limit }) => {
      const where = { recipientKind, centreId: recipientKind === 'centre' ? centreId : IsNull() };
      const repository = this.dataSource.getRepository(InboxEntry);
      const [rows, unread] = await Promise.all([
        repository.find({ where, order: { createdAt: 'DESC' }, take: limit ?? 50 }),
        repository.count({ where: { ...where, readAt: IsNull() } }),
      ]);
      return {
        unread,
        entries: rows.map((row) => ({
          entryId: row.id,
          referralId: row.referralId,
          referralNumber: row.referralNumber,
          kind: row.kind,
          title: row.title,
          priority: row.priority,
          readAt: row.readAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    });
  }
}
