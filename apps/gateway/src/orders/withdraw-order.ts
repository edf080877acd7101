import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { WithdrawOrderRequest } from './dto/order-changes.request';
import { keepNotes } from './order-note.entity';
import { ScopedOrders } from './order-scope';
import { ProtectionOrder } from './protection-order.entity';

/** Police withdraw an order: the event carries the reason code, the free-text note stays in the gateway. */
@Injectable()
export class WithdrawOrder {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
  ) {}

  async execute(orderId: string, request: WithdrawOrderRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, orderId, { orderId, reason: request.reason });
      await keepNotes(tx, orderId, [{ kind: 'withdrawal_note', body: request.note.trim() }], { actor, at: this.clock.now(), cipher: this.cipher });
      // A withdrawn order's case is over: its retention term starts now.
      await tx.getRepository(ProtectionOrder).update({ id: orderId, caseClosedAt: IsNull() }, { caseClosedAt: this.clock.now() });
      await this.audit.record(actor, 'withdraw', 'protection_order', orderId, tx);
    });
  }
}
