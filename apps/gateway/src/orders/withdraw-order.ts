import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { WithdrawOrderRequest } from './dto/order-changes.request';
import { NotedOrderChange } from './noted-order-change';
import { ProtectionOrder } from './protection-order.entity';

/** Police withdraw an order: the event carries the reason code, the free-text note stays in the gateway. */
@Injectable()
export class WithdrawOrder {
  constructor(private readonly change: NotedOrderChange) {}

  async execute(orderId: string, request: WithdrawOrderRequest, actor: Actor): Promise<void> {
    await this.change.record(
      orderId,
      actor,
      {
        event: EventSubjects.OrderWithdrawn,
        payload: { orderId, reason: request.reason },
        notes: [{ kind: 'withdrawal_note', body: request.note.trim() }],
        audit: 'withdraw',
      },
      // A withdrawn order's case is over: its retention term starts now.
      (tx, now) => tx.getRepository(ProtectionOrder).update({ id: orderId, caseClosedAt: IsNull() }, { caseClosedAt: now }),
    );
  }
}
