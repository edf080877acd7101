import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, ProgrammeBooking, ReferralAcceptedV1 } from '@korgoo/contracts';
import { Outbox, PermanentFailure } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { planFromBooking, ProgrammeRuleViolation, RefusalPolicy, timersFor, TimerSettings, trackOf } from '../domain';
import { programmeFacts, sessionPlans } from './programme-facts';
import { PlacementStore } from './placement-store';
import { ProgrammeStore, StoredProgramme } from './programme-store';

/**
 * A centre accepted: the programme takes over. It asks matching's calendar for the booked sessions (matching
 * owns them), checks them against the mandatory plan, and starts the programme with its timers.
 */
export class StartProgramme {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly placements: PlacementStore,
    private readonly outbox: Outbox,
    private readonly bookSessions: (referralId: string) => Promise<ProgrammeBooking>,
    private readonly policy: RefusalPolicy,
    private readonly timers: TimerSettings,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventEnvelope<ReferralAcceptedV1>, tx: EntityManager): Promise<void> {
    const { referralId, orderId } = event.payload;
    if (await this.store.existsForReferral(tx, referralId)) return;
    // Under the placement's lock the expiry timer either ended the order first (then its one outcome stands
    // and the acceptance starts nothing) or will find this programme.
    const placement = await this.placements.locked(tx, orderId);
    if (placement.state === 'expired_unplaced') return;
    const booking = await this.bookSessions(referralId);
    // An extension seen before the acceptance is in the placement, not yet in matching's booking.
    const expiresAt = new Date(Math.max(Date.parse(booking.expiresAt), placement.expiresAt?.getTime() ?? 0));
    const programme: StoredProgramme = {
      id: randomUUID(),
      referralId,
      orderId: booking.orderId,
      referralNumber: booking.referralNumber,
      centreId: booking.centreId,
      track: trackOf(booking.participantSex),
      language: booking.language,
      expiresAt,
      state: 'scheduled',
      refusalPolicy: this.policy.name,
      outcomeAt: null,
      closure: null,
      sessions: sessionsOf(booking).map((s) => ({ ...s, excuseNote: null, facilitatorNote: null, signedBy: null })),
    };
    await this.store.insert(tx, programme, this.clock.now());
    await this.store.insertTimers(tx, programme.id, timersFor(programme, this.timers));
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeStarted, programme.orderId, {
      ...programmeFacts(programme),
      track: programme.track,
      language: booking.language,
      expiresAt: expiresAt.toISOString(),
      sessions: sessionPlans(programme.sessions, booking.sessions),
    });
  }
}

function sessionsOf(booking: ProgrammeBooking) {
  try {
    return planFromBooking(booking);
  } catch (error) {
    // A booking that breaks the decree will not become valid by retrying: it goes to the dead letters.
    if (error instanceof ProgrammeRuleViolation) throw new PermanentFailure(error.message);
    throw error;
  }
}
