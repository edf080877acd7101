import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { ScreeningRequest } from './dto/screening.request';
import { keepNotes } from './order-note.entity';
import { screeningForEvent, screeningNotes } from './order-notes';
import { ScopedOrders } from './order-scope';

/** A corrected screening: risk adds an assessment version; the officer's notes stay here. Event and audit row in one transaction. */
@Injectable()
export class CorrectScreening {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
  ) {}

  async execute(orderId: string, screening: ScreeningRequest, actor: Actor): Promise<void> {
    await this.messaging.outbox.transaction(async (tx) => {
      await this.orders.require(actor, orderId, tx);
      await this.messaging.outbox.enqueue(tx, EventSubjects.OrderScreeningCorrected, orderId, {
        orderId,
        screening: screeningForEvent(screening),
      });
      await keepNotes(tx, orderId, screeningNotes(screening), { actor, at: this.clock.now(), cipher: this.cipher });
      await this.audit.record(actor, 'correct', 'protection_order', orderId, tx);
    });
  }
}
