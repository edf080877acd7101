import { EntityManager } from 'typeorm';
import { EventEnvelope, ReferralSessionDisplacedV1, ReferralSessionFacilitatorChangedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { displacedRequest, displacedSession, followSubstitution } from '../domain';
import { MakeUpSession } from './make-up-session';
import { PlacementStore } from './placement-store';
import { ProgrammeStore, StoredProgramme } from './programme-store';

/**
 * A facilitator is away over one of the participant's booked sessions. When a colleague took their place the
 * session keeps its time with the new pair; when nobody could, it and the later ones are re-planned as for an
 * excused absence, with no absence counted, and the coordinators are alerted when nothing fits before expiry.
 * A redelivery finds the session changed or moved already and does nothing.
 */
export class FollowAwayFacilitator {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly placements: PlacementStore,
    private readonly makeUp: MakeUpSession,
    private readonly clock: Clock,
  ) {}

  async substituted(event: EventEnvelope<ReferralSessionFacilitatorChangedV1>, tx: EntityManager): Promise<void> {
    const { payload } = event;
    const programme = await this.programme(tx, payload.orderId, payload.referralId);
    if (!programme) return;
    const changed = followSubstitution(programme, {
      sessionIndex: payload.sessionIndex,
      startsAt: new Date(payload.startsAt),
      facilitatorIds: payload.facilitatorIds,
    });
    if (changed) await this.store.moveSession(tx, programme.id, changed, this.clock.now());
  }

  async displaced(event: EventEnvelope<ReferralSessionDisplacedV1>, tx: EntityManager): Promise<void> {
    const { payload } = event;
    const programme = await this.programme(tx, payload.orderId, payload.referralId);
    // Only an accepted referral's session is displaced, so its programme is on its way: one started later would read
    // the booking with the session still at its old time, so the event waits for it instead of being dropped.
    if (!programme) throw new ProgrammeNotStartedYet(`referral ${payload.referralId} has no programme yet`);
    const session = displacedSession(programme, payload.sessionIndex, new Date(payload.startsAt));
    if (!session) return;
    await this.makeUp.replan(tx, programme, displacedRequest(programme, session, this.clock.now()));
  }

  /**
   * The referral's programme, locked. The placement's lock comes first, as a starting programme holds it while it
   * reads its booking: a programme that read the old booking is committed before this looks for it. One that starts
   * later reads a substitute's pair as matching changed it; a displaced session it would read unchanged.
   */
  private async programme(tx: EntityManager, orderId: string, referralId: string): Promise<StoredProgramme | null> {
    await this.placements.locked(tx, orderId);
    return this.store.byReferral(tx, referralId, true);
  }
}

/** Redelivered after a pause: the acceptance that starts the programme is still being handled. */
export class ProgrammeNotStartedYet extends Error {}
