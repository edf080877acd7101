import { Injectable } from '@nestjs/common';
import { EventSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { ScreeningRequest } from './dto/screening.request';
import { NotedOrderChange } from './noted-order-change';
import { screeningForEvent, screeningNotes } from './order-notes';

/** A corrected screening: risk adds an assessment version; the officer's notes stay here. Event and audit row in one transaction. */
@Injectable()
export class CorrectScreening {
  constructor(private readonly change: NotedOrderChange) {}

  async execute(orderId: string, screening: ScreeningRequest, actor: Actor): Promise<void> {
    await this.change.record(orderId, actor, {
      event: EventSubjects.OrderScreeningCorrected,
      payload: { orderId, screening: screeningForEvent(screening) },
      notes: screeningNotes(screening),
      audit: 'correct',
    });
  }
}
