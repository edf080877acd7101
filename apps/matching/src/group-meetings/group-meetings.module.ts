import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { MessagingRuntime } from '@korgoo/messaging';
import { DataSource } from 'typeorm';
import { CLOCK, DuePollers, MESSAGING, outsideTransaction } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { MatchingSettings } from '../matching-settings';
import { raceSafe } from '../referrals/lock-conflicts';
import { DecideGroupMeeting } from './decide-group-meeting';
import { DueMeeting, GroupMeetingStore } from './group-meeting-store';

const GROUP_MEETING_SETTINGS = Symbol('GROUP_MEETING_SETTINGS');

/** Decides each group meeting's size once, its lead time before it, by the injected clock. */
@Module({})
export class GroupMeetingsModule implements OnModuleInit {
  static register(settings: MatchingSettings): DynamicModule {
    return { module: GroupMeetingsModule, providers: [{ provide: GROUP_MEETING_SETTINGS, useValue: settings }] };
  }

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(GROUP_MEETING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly pollers: DuePollers,
  ) {}

  onModuleInit() {
    const outbox = this.messaging.outbox;
    const store = new GroupMeetingStore();
    const decide = new DecideGroupMeeting(store, outbox, this.clock);
    const leadMs = this.settings.groupDecisionLeadHours * 3_600_000;
    this.pollers.add('group meeting decision', this.settings.deadlinePollMs, outbox.transaction.bind(outbox), outsideTransaction(this.dataSource), {
      claimDue: (tx, now, passOver) => store.claimDue(tx, now, leadMs, passOver),
      fire: (tx, due: DueMeeting) => raceSafe(tx, () => decide.execute(tx, due)),
      idOf: (due) => due.bookedSessionId,
    });
  }
}
