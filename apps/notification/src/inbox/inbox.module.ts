import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { bindInbox } from './inbox.handlers';

/** Wires the inbox queries and commands (inbox.handlers.ts) to the service's messaging. */
@Module({})
export class InboxModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    bindInbox(this.messaging, this.dataSource, this.clock);
  }
}
