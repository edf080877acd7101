import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor, EventPayload, EventSubject } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import { AuditAction, AuditTrail } from '../audit/audit-trail';
import { keepNotes } from './order-note.entity';
import type { OrderNoteText } from './order-notes';
import { ScopedOrders } from './order-scope';

export interface NotedChange<S extends EventSubject> {
  event: S;
  payload: EventPayload<S>;
  /** The officer's own words: sealed here, never in the event. */
  notes: OrderNoteText[];
  audit: AuditAction;
}

/**
 * A change police make to an order they may see, with their own words: the event, the notes and the audit row
 * in one transaction. `within` writes what else the change needs in that transaction, before the audit row.
 */
@Injectable()
export class NotedOrderChange {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
  ) {}

  async record<S extends EventSubject>(
    orderId: string,
    actor: Actor,
    change: NotedChange<S>,
    within?: (tx: EntityManager, now: Date) => Promise<unknown>,
  ): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, change.event, orderId, change.payload);
      const now = this.clock.now();
      await keepNotes(tx, orderId, change.notes, { actor, at: now, cipher: this.cipher });
      await within?.(tx, now);
      await this.audit.record(actor, change.audit, 'protection_order', orderId, tx);
    });
  }
}
