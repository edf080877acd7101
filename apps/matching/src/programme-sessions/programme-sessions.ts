import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BookedProgrammeSession, MovedProgrammeSessions, MoveProgrammeSessionsRequest, ProgrammeBooking, QueryRejected } from '@korgoo/contracts';
import { planMakeUp } from '../capacity/make-up-plan';
import { capacityAtCentre, capacityAtPoint } from '../capacity/outreach-points';
import { CentreDirectory } from '../directory/centre-directory';
import { ReferralRepository } from '../referrals/repositories/referral-repository';

interface BookedRow {
  referral_id: string;
  order_id: string;
  referral_number: string;
  centre_id: string;
  status: string;
  routing: { participantSex: 'male' | 'female'; language: 'ky' | 'ru'; expiresAt: string };
  session_index: number;
  kind: 'individual' | 'group';
  starts_at: Date;
  ends_at: Date;
  facilitator_ids: string[];
  booked_session_id: string;
}

/**
 * The programme service's view of matching's calendar, by request/reply only: the sessions an accepted
 * referral has booked, and giving back those a programme that ended early no longer needs.
 */
export class ProgrammeSessions {
  constructor(
    private readonly directory: CentreDirectory,
    private readonly referrals: ReferralRepository,
  ) {}

  /** The booking confirmed at acceptance; answering it again is harmless. */
  async book(db: EntityManager, referralId: string): Promise<ProgrammeBooking> {
    const booking = await this.holds(db, referralId, true);
    if (!booking) throw new QueryRejected('not_found', `referral ${referralId} has no confirmed sessions`);
    return booking;
  }

  /** The referral's held sessions by index, only those confirmed at acceptance when `confirmed`; null when none. */
  private async holds(db: EntityManager, referralId: string, confirmed: boolean): Promise<ProgrammeBooking | null> {
    const rows: BookedRow[] = await db.query(
      `SELECT r.id AS referral_id, r.order_id, r.referral_number, r.centre_id, r.status, r.routing,
              h.session_index, b.kind, b.starts_at, b.ends_at, b.facilitator_ids, b.id AS booked_session_id
         FROM matching.referral r
         JOIN matching.session_hold h ON h.referral_id = r.id AND (h.confirmed_at IS NOT NULL OR NOT $2)
         JOIN matching.booked_session b ON b.id = h.booked_session_id
        WHERE r.id = $1
        ORDER BY h.session_index`,
      [referralId, confirmed],
    );
    if (rows.length === 0) return null;
    const [first] = rows;
    return {
      referralId: first.referral_id,
      orderId: first.order_id,
      referralNumber: first.referral_number,
      centreId: first.centre_id,
      participantSex: first.routing.participantSex,
      language: first.routing.language,
      expiresAt: new Date(first.routing.expiresAt).toISOString(),
      sessions: rows.map((row) => ({
        index: row.session_index,
        kind: row.kind,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        facilitatorIds: row.facilitator_ids,
        bookedSessionId: row.booked_session_id,
      })),
    };
  }

  /**
   * Moves an excused session and the later ones to the earliest slots that still fit, under the centre's
   * lock as for a booking: the old places are given back and the new ones booked in one transaction, and
   * nothing changes when no slot fits. A session already moved (its start is no longer the excused one) is
   * answered as it stands, so a repeated request never moves twice.
   */
  async move(tx: EntityManager, request: MoveProgrammeSessionsRequest): Promise<MovedProgrammeSessions> {
    // The locks come before reading the holds, so two moves of one referral take turns and the second sees the first.
    if (!(await this.referrals.lock(tx, request.referralId))) throw new QueryRejected('not_found', `no referral ${request.referralId}`);
    const booking = await this.book(tx, request.referralId);
    const current = booking.sessions.filter((s) => s.index >= request.fromIndex);
    const excused = current[0];
    if (!excused || excused.index !== request.fromIndex) {
      throw new QueryRejected('not_found', `referral ${request.referralId} holds no session ${request.fromIndex}`);
    }
    if (Date.parse(excused.startsAt) !== Date.parse(request.excusedStartsAt)) return { moved: true, sessions: current };
    const notBefore = new Date(request.notBefore);
    const window = {
      notBefore,
      previousStartsAt: request.previousStartsAt ? new Date(request.previousStartsAt) : null,
      mustFinishBy: new Date(request.mustFinishBy),
    };
    return { moved: true, sessions: await this.rebook(tx, booking, current, window, notBefore) };
  }

  /**
   * A referral not yet accepted holds a session a facilitator's absence displaced: its holds from that session on
   * move to the earliest slots that fit before expiry, still unconfirmed, in the caller's transaction under the
   * centre's lock, so acceptance reads a booking its facilitators can hold. False when nothing fits: the holds
   * stay as they were.
   */
  async moveUnconfirmed(tx: EntityManager, referralId: string, fromIndex: number, now: Date): Promise<boolean> {
    const booking = (await this.holds(tx, referralId, false))!;
    const current = booking.sessions.filter((s) => s.index >= fromIndex);
    const previous = booking.sessions.find((s) => s.index === fromIndex - 1);
    const window = {
      notBefore: new Date(Math.max(now.getTime(), Date.parse(current[0].startsAt))),
      previousStartsAt: previous ? new Date(previous.startsAt) : null,
      mustFinishBy: new Date(booking.expiresAt),
    };
    await tx.query('SAVEPOINT unconfirmed_move');
    try {
      await this.rebook(tx, booking, current, window, null);
    } catch (error) {
      if (!(error instanceof NoMakeUpSlot)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT unconfirmed_move');
      return false;
    }
    await tx.query(
      `UPDATE matching.referral SET first_session_at = (
         SELECT min(b.starts_at) FROM matching.session_hold h JOIN matching.booked_session b ON b.id = h.booked_session_id
          WHERE h.referral_id = $1) WHERE id = $1`,
      [referralId],
    );
    return true;
  }

  /**
   * Gives back `current` (the booking's sessions from the first to move on) and books the earliest slots that
   * fit the window instead, held as confirmed at `confirmedAt` (null: not yet accepted). Throws NoMakeUpSlot
   * when nothing fits, for the caller to roll back.
   */
  private async rebook(
    tx: EntityManager,
    booking: ProgrammeBooking,
    current: BookedProgrammeSession[],
    window: { notBefore: Date; previousStartsAt: Date | null; mustFinishBy: Date },
    confirmedAt: Date | null,
  ): Promise<BookedProgrammeSession[]> {
    const { referralId, centreId } = booking;
    const [first] = current;
    const [handOff]: Array<{ hand_off: number }> = await tx.query(
      'SELECT hand_off FROM matching.session_hold WHERE referral_id = $1 AND session_index = $2',
      [referralId, first.index],
    );
    // Sessions held at an outreach point are made up there, on its days.
    const [{ outreach_point_id: pointId }]: Array<{ outreach_point_id: string | null }> = await tx.query(
      'SELECT outreach_point_id FROM matching.booked_session WHERE id = $1',
      [first.bookedSessionId],
    );
    await this.release(tx, referralId, first.index);
    const { notBefore, mustFinishBy } = window;
    const capacity = (await this.directory.capacities(tx, [centreId], { from: notBefore, until: mustFinishBy })).get(centreId)!;
    const point = capacity.outreachPoints?.find((p) => p.id === pointId);
    const plan = planMakeUp(point ? capacityAtPoint(capacity, point) : capacityAtCentre(capacity), {
      participantSex: booking.participantSex,
      language: booking.language,
      sessions: current.map((s) => ({ index: s.index as 1 | 2 | 3 | 4, kind: s.kind })),
      notBefore,
      previousStartsAt: window.previousStartsAt,
      mustFinishBy,
      preferredPairKey: first.facilitatorIds.join('|'),
    });
    if (!plan) {
      throw new NoMakeUpSlot(
        `no trained pair of centre ${centreId} is free for sessions ${current.map((s) => s.index).join(', ')} before ${mustFinishBy.toISOString()}`,
      );
    }
    const booked = await this.directory.book(tx, centreId, booking.language, plan, randomUUID, point?.id);
    for (const { index, bookedSessionId } of booked) {
      await tx.query(
        `INSERT INTO matching.session_hold (referral_id, session_index, booked_session_id, hand_off, confirmed_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [referralId, index, bookedSessionId, handOff.hand_off, confirmedAt],
      );
    }
    return plan.map((s) => ({
      index: s.index,
      kind: s.kind,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      facilitatorIds: [s.leadFacilitatorId, s.coFacilitatorId],
      bookedSessionId: booked.find((b) => b.index === s.index)!.bookedSessionId,
    }));
  }

  /** A programme that ended early gives back its sessions from `fromIndex` on, under its centre's and its referral's locks. */
  async giveBack(tx: EntityManager, referralId: string, fromIndex: number): Promise<number> {
    await this.referrals.lock(tx, referralId);
    return this.release(tx, referralId, fromIndex);
  }

  /** Gives back the sessions from `fromIndex` on; a repeated release finds nothing left and frees nothing. */
  private async release(tx: EntityManager, referralId: string, fromIndex: number): Promise<number> {
    const [held]: [Array<{ booked_session_id: string }>, number] = await tx.query(
      'DELETE FROM matching.session_hold WHERE referral_id = $1 AND session_index >= $2 RETURNING booked_session_id',
      [referralId, fromIndex],
    );
    await this.directory.releaseSessions(
      tx,
      held.map((row) => row.booked_session_id),
    );
    return held.length;
  }
}

/** Nothing fits before the deadline: the transaction is rolled back so the old places stay booked. */
export class NoMakeUpSlot extends Error {}
