import { EntityManager } from 'typeorm';
import { Logger } from 'pino';
import { Clock } from '@korgoo/platform/core';
import { ClosedCases } from './closed-cases';

/**
 * Deletes what the service kept about telling people of one order whose case closed longer ago than its
 * retention term: the sealed contact addresses in the plans, the attempts, the inbox entries. The order id
 * and the counts are logged (the service has no audit table of its own; nothing personal is left to log).
 */
export class EraseDeliveryRecords {
  constructor(
    private readonly cases: ClosedCases,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async execute(tx: EntityManager, orderId: string): Promise<void> {
    const erased = await this.cases.erase(tx, orderId, this.clock.now());
    this.log.info({ orderId, ...erased }, 'delivery records of a closed case erased at the end of their retention term');
  }
}
