import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, ReferralGroupSessionMovedV1 } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { attendanceTimers, followGroupMove, TimerSettings } from '../domain';
import { PlacementStore } from './placement-store';
import { programmeFacts, sessionPlans } from './programme-facts';
import { ProgrammeStore } from './programme-store';

/**
 * Matching merged a small group meeting into another: the participant's session takes the new time and pair,
 * with attendance reminders for it (the old ones fall silent), and the programme announces the new time as a
 * reschedule caused by the merge. A redelivery finds the session moved already and announces nothing.
 */
export class FollowGroupMove {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly placements: PlacementStore,
    private readonly outbox: Outbox,
    private readonly timers: TimerSettings,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventEnvelope<ReferralGroupSessionMovedV1>, tx: EntityManager): Promise<void> {
    const { payload } = event;
    // The placement's lock, which a starting programme holds while it reads its booking: a programme that
    // read the old time is committed before this looks for it, and one that starts later reads the new time.
    await this.placements.locked(tx, payload.orderId);
    // A referral not yet accepted has no programme: its booking, read at acceptance, already has the new time.
    const programme = await this.store.byReferral(tx, payload.referralId, true);
    if (!programme) return;
    const moved = followGroupMove(programme, {
      sessionIndex: payload.sessionIndex,
      previousStartsAt: new Date(payload.previousStartsAt),
      startsAt: new Date(payload.startsAt),
      endsAt: new Date(payload.endsAt),
      facilitatorIds: payload.facilitatorIds,
    });
    if (!moved) return;
    await this.store.moveSession(tx, programme.id, moved, this.clock.now());
    await this.store.insertTimers(tx, programme.id, attendanceTimers([moved], this.timers));
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeSessionsRescheduled, programme.orderId, {
      ...programmeFacts(programme),
      cause: 'group_merge',
      sessions: sessionPlans([moved], [{ index: moved.index, bookedSessionId: payload.bookedSessionId }]),
      expiresAt: programme.expiresAt.toISOString(),
    });
  }
}
