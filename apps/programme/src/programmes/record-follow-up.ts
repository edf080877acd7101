import { EventSubjects, QueryRejected, RecordFollowUpCommand } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { recordFollowUp } from '../domain';
import { MonitoringStore } from './monitoring-store';
import { lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore } from './programme-store';

/** Centre staff record a monitoring meeting after completion as held or missed, once; its reminder then falls silent. */
export class RecordFollowUp {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly monitoring: MonitoringStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordFollowUpCommand): Promise<void> {
    await this.outbox.transaction(async (tx) => {
      const programme = await lockedProgramme(this.store, tx, command.referralId);
      const meetings = programme.centreId === command.centreId ? await this.monitoring.meetings(tx, programme.id) : [];
      if (meetings.length === 0) {
        const message = `no monitoring meetings for referral ${command.referralId}`;
        throw QueryRejected.of('not_found', [{ rule: 'follow_up_not_found', params: { number: command.meetingNumber }, message }]);
      }
      const now = this.clock.now();
      const meeting = underProgrammeRules(() => recordFollowUp(meetings, command.meetingNumber, command.outcome, now));
      await this.monitoring.saveOutcome(tx, programme.id, meeting, command.actorId);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeFollowUpRecorded, programme.orderId, {
        ...programmeFacts(programme),
        meetingNumber: meeting.number,
        outcome: command.outcome,
        recordedAt: now.toISOString(),
      });
    });
  }
}
