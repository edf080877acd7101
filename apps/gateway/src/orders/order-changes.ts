import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuditTrail } from '../audit/audit-trail';
import { WithdrawOrderRequest } from './dto/order-changes.request';
import { ScreeningRequest } from './dto/screening.request';
import { keepNotes } from './order-note.entity';
import { screeningForEvent, screeningNotes } from './order-notes';
import { ScopedOrders } from './order-scope';

/** Changes the police make to a registered order; each is an event in the same transaction as its audit row. */
@Injectable()
export class OrderChanges {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
  ) {}

  async correctScreening(orderId: string, screening: ScreeningRequest, actor: Actor, now = new Date()): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderScreeningCorrected, orderId, {
        orderId,
        screening: screeningForEvent(screening),
      });
      await keepNotes(tx, orderId, screeningNotes(screening), actor, now);
      await this.audit.record(actor, 'correct', 'protection_order', orderId, tx);
    });
  }

  async withdraw(orderId: string, request: WithdrawOrderRequest, actor: Actor, now = new Date()): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, orderId, { orderId, reason: request.reason });
      await keepNotes(tx, orderId, [{ kind: 'withdrawal_note', body: request.note.trim() }], actor, now);
      await this.audit.record(actor, 'withdraw', 'protection_order', orderId, tx);
    });
  }
}
