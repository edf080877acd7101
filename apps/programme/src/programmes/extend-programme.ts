import { EntityManager } from 'typeorm';
import { EventEnvelope, OrderExtendedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { expiryTimers, extendExpiry, makeUpTimer, TimerSettings } from '../domain';
import { ProgrammeStore } from './programme-store';

/**
 * The police extended the order: its open programme takes the new expiry with new warnings before it (the
 * old ones fall silent), and a programme waiting for a coordinator tries the make-up again in the slack.
 */
export class ExtendProgramme {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly timers: TimerSettings,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventEnvelope<OrderExtendedV1>, tx: EntityManager): Promise<void> {
    const expiresAt = new Date(event.payload.expiresAt);
    for (const programme of await this.store.byOrder(tx, event.payload.orderId)) {
      const extension = extendExpiry(programme, expiresAt);
      if (!extension.extended) continue;
      await this.store.saveExpiry(tx, programme);
      const timers = expiryTimers(programme, this.timers);
      if (extension.makeUpAgain) timers.push(makeUpTimer(extension.makeUpAgain, this.clock.now()));
      await this.store.insertTimers(tx, programme.id, timers);
    }
  }
}
