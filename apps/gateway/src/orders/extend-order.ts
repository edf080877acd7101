import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { ExtendOrderRequest } from './dto/order-changes.request';
import { extensionProblem } from './order-dates';
import { ScopedOrders } from './order-scope';
import { ProtectionOrder } from './protection-order.entity';

/** A later expiry, under the order's row lock so two extensions take turns; the first expiry is kept. */
@Injectable()
export class ExtendOrder {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
  ) {}

  async execute(orderId: string, request: ExtendOrderRequest, actor: Actor): Promise<ProtectionOrder> {
    return this.messaging.outbox.transaction(async (tx) => {
      const order = await this.orders.requireLocked(actor, orderId, tx);
      const expiresAt = new Date(request.expiresAt);
      const problem = extensionProblem(order.expiresAt, expiresAt);
      if (problem) throw invalidField('expiresAt', problem);
      const previous = order.expiresAt;
      await tx.getRepository(ProtectionOrder).update(orderId, { expiresAt, firstExpiresAt: order.firstExpiresAt ?? previous });
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderExtended, orderId, {
        orderId,
        previousExpiresAt: previous.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      await this.audit.record(actor, 'extend', 'protection_order', orderId, tx);
      return { ...order, expiresAt, firstExpiresAt: order.firstExpiresAt ?? previous };
    });
  }
}
