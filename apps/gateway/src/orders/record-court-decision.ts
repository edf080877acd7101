import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { CourtDecisionRequest } from './dto/order-changes.request';
import { courtDecisionProblem } from './order-dates';
import { ScopedOrders } from './order-scope';
import { ProtectionOrder } from './protection-order.entity';

/**
 * The court's decision on the order: recorded once (a correction is a matter for an administrator). The
 * court's reference stays in the gateway; the event says only that and when the court decided.
 */
@Injectable()
export class RecordCourtDecision {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(orderId: string, request: CourtDecisionRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      const order = await this.orders.requireLocked(actor, orderId, tx);
      const problem = courtDecisionProblem(order.issuedAt, request.decidedOn, this.clock.now());
      if (problem) throw invalidField('decidedOn', problem);
      if (order.courtDecidedOn !== null) {
        if (order.courtDecidedOn === request.decidedOn && order.courtReference === request.reference) return;
        throw new ConflictException(`the court decision of ${order.courtDecidedOn} is already recorded for this order`);
      }
      await tx.getRepository(ProtectionOrder).update(orderId, { courtDecidedOn: request.decidedOn, courtReference: request.reference });
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderCourtDecisionRecorded, orderId, {
        orderId,
        decidedOn: request.decidedOn,
      });
      await this.audit.record(actor, 'record_court_decision', 'protection_order', orderId, tx);
    });
  }
}
