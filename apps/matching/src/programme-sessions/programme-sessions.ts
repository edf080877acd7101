import { EntityManager } from 'typeorm';
import { ProgrammeBooking, QueryRejected } from '@korgoo/contracts';
import { CentreDirectory } from '../directory/centre-directory';

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
}

/**
 * The programme service's view of matching's calendar, by request/reply only: the sessions an accepted
 * referral has booked, and giving back those a programme that ended early no longer needs.
 */
export class ProgrammeSessions {
  constructor(private readonly directory: CentreDirectory) {}

  /** The booking confirmed at acceptance; answering it again is harmless. */
  async book(db: EntityManager, referralId: string): Promise<ProgrammeBooking> {
    const rows: BookedRow[] = await db.query(
      `SELECT r.id AS referral_id, r.order_id, r.referral_number, r.centre_id, r.status, r.routing,
              h.session_index, b.kind, b.starts_at, b.ends_at, b.facilitator_ids
         FROM matching.referral r
         JOIN matching.session_hold h ON h.referral_id = r.id AND h.confirmed_at IS NOT NULL
         JOIN matching.booked_session b ON b.id = h.booked_session_id
        WHERE r.id = $1
        ORDER BY h.session_index`,
      [referralId],
    );
    if (rows.length === 0) throw new QueryRejected('not_found', `referral ${referralId} has no confirmed sessions`);
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
      })),
    };
  }

  /** Gives back the sessions from `fromIndex` on; a repeated release finds nothing left and frees nothing. */
  async release(tx: EntityManager, referralId: string, fromIndex: number): Promise<number> {
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
