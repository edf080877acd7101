import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { alertWhenDue, TimerSettings } from '../domain';
import { ExpireUnplaced } from '../programmes/expire-unplaced';
import { MakeUpSession } from '../programmes/make-up-session';
import { programmeFacts } from '../programmes/programme-facts';
import { DueTimer, ProgrammeStore } from '../programmes/programme-store';
import { RemindAfterOutcome } from './remind-after-outcome';

/**
 * Fires one claimed timer in the claiming transaction: an alert when its waiting state is still open, the
 * make-up of an excused session, the end of an order no centre took, or a reminder after the outcome; and in
 * every case the mark that it fired, so no replica or restart fires it again.
 */
export class FireTimer {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly outbox: Outbox,
    private readonly makeUp: MakeUpSession,
    private readonly expireUnplaced: ExpireUnplaced,
    private readonly remindAfterOutcome: RemindAfterOutcome,
    private readonly settings: TimerSettings,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, timer: DueTimer): Promise<void> {
    if (timer.kind === 'order_expiry') {
      const ended = await this.expireUnplaced.execute(tx, timer.orderId!);
      await this.store.markFired(tx, timer.id, this.clock.now(), ended);
      return;
    }
    const programme = await this.store.byId(tx, timer.programmeId!, true);
    if (timer.kind === 'follow_up_due' || timer.kind === 'treatment_recheck') {
      await this.store.markFired(tx, timer.id, this.clock.now(), await this.remindAfterOutcome.execute(tx, programme, timer));
      return;
    }
    if (timer.kind === 'make_up') await this.makeUp.execute(tx, programme, timer.sessionIndex!);
    const alert = alertWhenDue(programme, timer, this.settings);
    if (alert) {
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeAlert, programme.orderId, {
        ...programmeFacts(programme),
        kind: alert,
        audience: timer.audience,
        ...(timer.sessionIndex !== null ? { sessionIndex: timer.sessionIndex } : {}),
        ...(timer.daysBeforeExpiry !== null ? { daysBeforeExpiry: timer.daysBeforeExpiry } : {}),
        expiresAt: programme.expiresAt.toISOString(),
      });
    }
    await this.store.markFired(tx, timer.id, this.clock.now(), alert !== null);
  }
}
