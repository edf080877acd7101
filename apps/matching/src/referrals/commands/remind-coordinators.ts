import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { awaitsDecision, nextReminderAt } from '../decision-reminders';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { DueReminder, ReminderRepository } from '../repositories/reminder-repository';
import { TransitionRepository } from '../repositories/transition-repository';

/**
 * A referral has waited a whole period for the coordinators: remind them, record it in the referral's
 * history, and set the next reminder. One that no longer waits (assigned, withdrawn) stops its timer.
 */
export class RemindCoordinators {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly reminders: ReminderRepository,
    private readonly transitions: TransitionRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly periodHours: number,
  ) {}

  /** `due` and its referral are locked by the poller's transaction. */
  async execute(tx: EntityManager, due: DueReminder): Promise<void> {
    const now = this.clock.now();
    const referral = (await this.referrals.lock(tx, due.referralId))!;
    if (!awaitsDecision(referral.status)) {
      await this.reminders.stop(tx, referral.id, now);
      return;
    }
    const reminder = await this.reminders.reminder(tx, due.reminderId);
    const number = reminder.sent + 1;
    await this.reminders.sent(tx, reminder.reminderId, number, nextReminderAt(reminder.dueAt, now, this.periodHours));
    await this.transitions.note(tx, referral, await this.deadlines.currentHandOff(tx, referral.id), {
      centreId: null,
      actor: { kind: 'timer' },
      reasonCode: 'decision_reminder_sent',
      note: `reminder ${number}`,
      at: now,
    });
    await this.outbox.enqueue(tx, EventSubjects.ReferralDecisionReminderDue, referral.orderId, {
      referralId: referral.id,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      priority: referral.priority,
      status: referral.status,
      reminder: number,
      waitingSince: reminder.waitingSince.toISOString(),
    });
  }
}
