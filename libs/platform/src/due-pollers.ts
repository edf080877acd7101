import { Inject, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DuePoller, DueRunner, DueWork } from './core';
import { CLOCK, SERVICE_LOG } from './platform.constants';

/** A peek for `DuePollers.add`: the data source's own manager, each statement committed on its own. */
export function outsideTransaction(db: DataSource): DueRunner<EntityManager> {
  return (work) => work(db.manager);
}

/**
 * A service's due-item pollers (deadlines, timers, retention), on its clock and log. Feature modules add
 * theirs while wiring up; all start once the application has bootstrapped, so every handler they reach is
 * registered, and each lets its round in hand finish before the database closes.
 */
export class DuePollers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pollers: Array<{ start(): void; stop(): Promise<void> }> = [];

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  /**
   * `name` says what fires, as the logs name it ("programme timer"); each item fires in `transaction`, and each
   * round first looks for one through `peek`, outside any transaction.
   */
  add<Tx, Due>(name: string, pollMs: number, transaction: DueRunner<Tx>, peek: DueRunner<Tx>, work: DueWork<Tx, Due>): DuePoller<Tx, Due> {
    const poller = new DuePoller(transaction, peek, work, this.clock, { name, pollMs }, this.log);
    this.pollers.push(poller);
    return poller;
  }

  onApplicationBootstrap() {
    for (const poller of this.pollers) poller.start();
  }

  async onModuleDestroy() {
    await Promise.all(this.pollers.map((poller) => poller.stop()));
  }
}
