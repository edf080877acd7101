import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { reminderWhenDue } from '../domain';
import { MonitoringStore } from '../programmes/monitoring-store';
import { programmeFacts } from '../programmes/programme-facts';
import { DueTimer, StoredProgramme } from '../programmes/programme-store';

/**
 * The reminders that come after the outcome: a monitoring meeting that fell due with nothing recorded (to
 * the centre), and the re-check day of a programme closed for treatment first (to the coordinators).
 * Runs in the timer's claiming transaction, so each is sent once across replicas and restarts.
 */
export class RemindAfterOutcome {
  constructor(
    private readonly monitoring: MonitoringStore,
    private readonly outbox: Outbox,
  ) {}

  /** Whether a reminder went out. */
  async execute(tx: EntityManager, programme: StoredProgramme, timer: DueTimer): Promise<boolean> {
    const meetings = timer.kind === 'follow_up_due' ? await this.monitoring.meetings(tx, programme.id) : [];
    if (!reminderWhenDue(timer, meetings, programme.closure)) return false;
    if (timer.kind === 'treatment_recheck') {
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeTreatmentRecheckDue, programme.orderId, {
        ...programmeFacts(programme),
        recheckOn: programme.closure!.recheckOn!,
        closedAt: programme.outcomeAt!.toISOString(),
      });
      return true;
    }
    const meeting = meetings.find((m) => m.number === timer.meetingNumber)!;
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeFollowUpDue, programme.orderId, {
      ...programmeFacts(programme),
      meetingNumber: meeting.number,
      monthsAfterCompletion: meeting.monthsAfterCompletion,
      dueAt: meeting.dueAt.toISOString(),
    });
    return true;
  }
}
