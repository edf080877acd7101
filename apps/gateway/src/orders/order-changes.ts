import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EventSubjects, OdaraScreeningContract } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuditTrail } from '../audit/audit-trail';
import { WithdrawOrderRequest } from './dto/order-changes.request';
import { ProtectionOrder } from './protection-order.entity';

/** Changes the police make to a registered order; each is an event in the same transaction as its audit row. */
@Injectable()
export class OrderChanges {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  async correctScreening(orderId: string, screening: OdaraScreeningContract, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.requireOrder(tx.getRepository(ProtectionOrder), orderId);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderScreeningCorrected, orderId, { orderId, screening });
      await this.audit.record(actor, 'correct', 'protection_order', orderId, tx);
    });
  }

  async withdraw(orderId: string, request: WithdrawOrderRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.requireOrder(tx.getRepository(ProtectionOrder), orderId);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, orderId, {
        orderId,
        reason: request.reason,
        note: request.note,
      });
      await this.audit.record(actor, 'withdraw', 'protection_order', orderId, tx);
    });
  }

  private async requireOrder(orders: { exists(options: object): Promise<boolean> }, orderId: string) {
    if (!(await orders.exists({ where: { id: orderId } }))) throw new NotFoundException(`no protection order ${orderId}`);
  }
}
