import { EntityManager } from 'typeorm';
import { EventSubjects, type FacilitatorSessionsCover } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { BookedSession } from '../capacity/capacity-types';
import { coverAway } from '../capacity/facilitator-away';
import { ProgrammeSessions } from '../programme-sessions/programme-sessions';
import { StrandedProposals } from './capacity-signal';
import { CentreDirectory } from './centre-directory';

interface Member {
  booked_session_id: string;
  referral_id: string;
  order_id: string;
  referral_number: string;
  session_index: number;
  confirmed: boolean;
}

// Every session ahead matters, however far: the calendar is read from now on.
const NO_END = new Date('9999-12-31T00:00:00Z');

/**
 * After a change to a facilitator's time (an absence, a deactivation, a new week), run in the change's
 * transaction under the centre's lock: each session ahead they can no longer hold goes to a free colleague of
 * the same sex at the same time, and every member's referral hears the new pair; a session nobody can take is
 * displaced, and its members' referrals hear it so the programme re-plans it and the later ones. A referral not
 * yet accepted has no programme: its holds are moved here, so it starts with sessions its facilitators can hold;
 * when nothing fits before expiry, routing takes it back from the centre and it moves on as after a decline.
 */
export class CoverAwayFacilitator {
  constructor(
    private readonly directory: CentreDirectory,
    private readonly sessions: ProgrammeSessions,
    private readonly stranded: StrandedProposals,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, centreId: string, facilitatorId: string): Promise<FacilitatorSessionsCover> {
    const now = this.clock.now();
    const capacity = (await this.directory.capacities(tx, [centreId], { from: now, until: NO_END })).get(centreId)!;
    const cover = coverAway(capacity, now, facilitatorId);
    if (cover.displaced.length > 0) await this.lockMembers(tx, cover.displaced.map((s) => s.id));
    const members = await this.members(tx, [...cover.substituted.map((s) => s.session), ...cover.displaced].map((s) => s.id));
    const facts = (session: BookedSession, member: Member) => ({
      referralId: member.referral_id,
      orderId: member.order_id,
      referralNumber: member.referral_number,
      centreId,
      sessionIndex: member.session_index,
      bookedSessionId: session.id,
      startsAt: session.startsAt.toISOString(),
    });
    for (const { session, facilitatorIds } of cover.substituted) {
      await tx.query('UPDATE matching.booked_session SET facilitator_ids = $2 WHERE id = $1', [session.id, facilitatorIds]);
      for (const member of members.filter((m) => m.booked_session_id === session.id)) {
        await this.outbox.enqueue(tx, EventSubjects.ReferralSessionFacilitatorChanged, member.order_id, {
          ...facts(session, member),
          facilitatorIds,
        });
      }
    }
    // A referral's later sessions move with its first displaced one (the list is in start order), so it is moved,
    // or its programme told, once.
    const moved = new Set<string>();
    for (const session of cover.displaced) {
      for (const member of members.filter((m) => m.booked_session_id === session.id && !moved.has(m.referral_id))) {
        moved.add(member.referral_id);
        if (member.confirmed) await this.outbox.enqueue(tx, EventSubjects.ReferralSessionDisplaced, member.order_id, facts(session, member));
        else {
          const fits = await this.sessions.moveUnconfirmed(tx, member.referral_id, member.session_index, now);
          if (!fits) await this.stranded.stranded(tx, { referralId: member.referral_id, sessionIndex: member.session_index });
        }
      }
    }
    return { substituted: cover.substituted.length, replanned: cover.displaced.length };
  }

  /**
   * An acceptance confirms a referral's holds under the referral's lock. Taken here before the holds are read, each
   * referral is either still waiting (matching moves its holds) or accepted (its programme re-plans), never between.
   */
  private async lockMembers(tx: EntityManager, bookedSessionIds: string[]): Promise<void> {
    await tx.query(
      `SELECT 1 FROM matching.referral
        WHERE id IN (SELECT referral_id FROM matching.session_hold WHERE booked_session_id = ANY($1::uuid[]))
        ORDER BY id FOR UPDATE`,
      [bookedSessionIds],
    );
  }

  private members(tx: EntityManager, bookedSessionIds: string[]): Promise<Member[]> {
    return tx.query(
      `SELECT h.booked_session_id, h.referral_id, r.order_id, r.referral_number, h.session_index, h.confirmed_at IS NOT NULL AS confirmed
         FROM matching.session_hold h JOIN matching.referral r ON r.id = h.referral_id
        WHERE h.booked_session_id = ANY($1::uuid[])
        ORDER BY h.booked_session_id, h.referral_id`,
      [bookedSessionIds],
    );
  }
}
