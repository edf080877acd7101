import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { PoliceUnit } from '../police-units/police-unit.entity';
import { AssignOrderUnitRequest } from './dto/order-changes.request';
import { ScopedOrders } from './order-scope';
import { ProtectionOrder } from './protection-order.entity';

/**
 * A coordinator gives an order registered before police units the unit it belongs to, so that its notices
 * reach police and its officers see it. Once only: moving an order between units is not this action.
 */
@Injectable()
export class AssignOrderUnit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
  ) {}

  async execute(orderId: string, request: AssignOrderUnitRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      const order = await this.orders.requireLocked(actor, orderId, tx);
      if (!(await tx.getRepository(PoliceUnit).existsBy({ code: request.unitCode }))) {
        throw invalidField('unitCode', 'must be a registered police unit');
      }
      if (order.unitCode !== null) {
        if (order.unitCode === request.unitCode) return;
        throw new ConflictException(`the order already belongs to police unit ${order.unitCode}`);
      }
      await tx.getRepository(ProtectionOrder).update(orderId, { unitCode: request.unitCode });
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderUnitAssigned, orderId, {
        orderId,
        orderNumber: order.orderNumber,
        unitCode: request.unitCode,
      });
      await this.audit.record(actor, 'assign_unit', 'protection_order', orderId, tx);
    });
  }
}
