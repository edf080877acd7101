import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { CourtDecisionRequest, ExtendOrderRequest, WithdrawOrderRequest } from './dto/order-changes.request';
import { ScreeningRequest } from './dto/screening.request';
import { courtDecisionProblem, extensionProblem } from './order-dates';
import { keepNotes } from './order-note.entity';
import { screeningForEvent, screeningNotes } from './order-notes';
import { ScopedOrders } from './order-scope';
import { ProtectionOrder } from './protection-order.entity';

/** Changes the police make to a registered order; each is an event in the same transaction as its audit row. */
@Injectable()
export class OrderChanges {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async correctScreening(orderId: string, screening: ScreeningRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderScreeningCorrected, orderId, {
        orderId,
        screening: screeningForEvent(screening),
      });
      await keepNotes(tx, orderId, screeningNotes(screening), actor, this.clock.now());
      await this.audit.record(actor, 'correct', 'protection_order', orderId, tx);
    });
  }

  async withdraw(orderId: string, request: WithdrawOrderRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, orderId, { orderId, reason: request.reason });
      await keepNotes(tx, orderId, [{ kind: 'withdrawal_note', body: request.note.trim() }], actor, this.clock.now());
      await this.audit.record(actor, 'withdraw', 'protection_order', orderId, tx);
    });
  }

  /** A later expiry, under the order's row lock so two extensions take turns; the first expiry is kept. */
  async extend(orderId: string, request: ExtendOrderRequest, actor: Actor): Promise<ProtectionOrder> {
    return this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      const order = (await tx.getRepository(ProtectionOrder).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } }))!;
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

  /** The court's decision on the order: recorded once (a correction is a matter for an administrator). */
  async recordCourtDecision(orderId: string, request: CourtDecisionRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      const order = (await tx.getRepository(ProtectionOrder).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } }))!;
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
