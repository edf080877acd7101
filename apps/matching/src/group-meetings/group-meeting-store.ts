import { EntityManager } from 'typeorm';
import type { Language, Sex } from '../capacity/capacity-types';
import type { HeldSession } from '../capacity/member-window';

export interface DueMeeting {
  bookedSessionId: string;
  centreId: string;
}

/** An upcoming meeting of a declared group slot, as stored. */
export interface StoredMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: string[];
  sex: Sex;
  language: Language;
  minParticipants: number;
  maxParticipants: number;
  decided: boolean;
}

/** One referral's place in a meeting, with what its window is computed from. */
export interface StoredMember {
  bookedSessionId: string;
  referralId: string;
  orderId: string;
  referralNumber: string;
  sessionIndex: number;
  expiresAt: Date;
  /** Every session the referral holds, this one included. */
  sessions: HeldSession[];
}

export type MeetingOutcome = 'reached_minimum' | 'merged' | 'runs_below_minimum';

/** Reads and writes group meetings, their members' places and what was decided about them; decides nothing. */
export class GroupMeetingStore {
  /**
   * The earliest meeting of a declared slot starting within `leadMs` of now, not yet decided and not in
   * `passOver`, with its centre locked for this transaction. The centre is locked first, as a booking
   * does, and the meeting read again under it: another replica may have decided it meanwhile.
   */
  async claimDue(tx: EntityManager, now: Date, leadMs: number, passOver: readonly string[]): Promise<DueMeeting | null> {
    const skip = [...passOver];
    for (;;) {
      const [row]: Array<{ id: string; centre_id: string }> = await tx.query(
        `SELECT b.id, b.centre_id FROM matching.booked_session b
          WHERE b.group_slot_id IS NOT NULL AND b.starts_at > $1 AND b.starts_at <= $2 AND b.id <> ALL($3::uuid[])
            AND NOT EXISTS (SELECT 1 FROM matching.group_meeting_decision d WHERE d.booked_session_id = b.id)
          ORDER BY b.starts_at, b.id LIMIT 1`,
        [now, new Date(now.getTime() + leadMs), skip],
      );
      if (!row) return null;
      await tx.query('SELECT 1 FROM matching.centre WHERE id = $1 FOR UPDATE', [row.centre_id]);
      const [still] = await tx.query(
        `SELECT 1 FROM matching.booked_session b WHERE b.id = $1
            AND NOT EXISTS (SELECT 1 FROM matching.group_meeting_decision d WHERE d.booked_session_id = b.id)`,
        [row.id],
      );
      if (still) return { bookedSessionId: row.id, centreId: row.centre_id };
      skip.push(row.id);
    }
  }

  /** The centre's meetings of declared slots that start after `now`. */
  async upcomingMeetings(tx: EntityManager, centreId: string, now: Date): Promise<StoredMeeting[]> {
    const rows = await tx.query(
      `SELECT b.id, b.starts_at, b.ends_at, b.facilitator_ids, s.sex, s.language, s.min_participants, s.max_participants,
              EXISTS (SELECT 1 FROM matching.group_meeting_decision d WHERE d.booked_session_id = b.id) AS decided
         FROM matching.booked_session b JOIN matching.group_slot s ON s.id = b.group_slot_id
        WHERE b.centre_id = $1 AND b.starts_at > $2
        ORDER BY b.starts_at, b.id`,
      [centreId, now],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      facilitatorIds: r.facilitator_ids,
      sex: r.sex,
      language: r.language,
      minParticipants: r.min_participants,
      maxParticipants: r.max_participants,
      decided: r.decided,
    }));
  }

  /** Who holds a place in these meetings, each with all their sessions and their order's latest expiry. */
  async members(tx: EntityManager, meetingIds: string[]): Promise<StoredMember[]> {
    const rows = await tx.query(
      `SELECT h.booked_session_id, h.referral_id, h.session_index, r.order_id, r.referral_number,
              GREATEST((r.routing->>'expiresAt')::timestamptz, p.extended_to) AS expires_at,
              (SELECT json_agg(json_build_object('index', o.session_index, 'startsAt', ob.starts_at, 'endsAt', ob.ends_at))
                 FROM matching.session_hold o JOIN matching.booked_session ob ON ob.id = o.booked_session_id
                WHERE o.referral_id = h.referral_id) AS sessions
         FROM matching.session_hold h
         JOIN matching.referral r ON r.id = h.referral_id
         LEFT JOIN matching.order_period p ON p.order_id = r.order_id
        WHERE h.booked_session_id = ANY($1::uuid[])
        ORDER BY h.booked_session_id, h.referral_id`,
      [meetingIds],
    );
    return rows.map((r: Record<string, never>) => ({
      bookedSessionId: r.booked_session_id,
      referralId: r.referral_id,
      orderId: r.order_id,
      referralNumber: r.referral_number,
      sessionIndex: r.session_index,
      expiresAt: r.expires_at,
      sessions: (r.sessions as Array<{ index: number; startsAt: string; endsAt: string }>).map((s) => ({
        index: s.index,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
      })),
    }));
  }

  /** Moves every place in `fromId` to `intoId` and removes the emptied meeting, freeing its pair. */
  async movePlaces(tx: EntityManager, fromId: string, intoId: string): Promise<void> {
    // UPDATE answers [rows, affected].
    const [, moved]: [unknown, number] = await tx.query(
      'UPDATE matching.session_hold SET booked_session_id = $2 WHERE booked_session_id = $1',
      [fromId, intoId],
    );
    await tx.query('UPDATE matching.booked_session SET participants = participants + $2 WHERE id = $1', [intoId, moved]);
    await tx.query('DELETE FROM matching.booked_session WHERE id = $1', [fromId]);
  }

  async record(
    tx: EntityManager,
    meeting: { id: string; centreId: string; startsAt: Date; participants: number },
    outcome: MeetingOutcome,
    at: Date,
    intoId: string | null = null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO matching.group_meeting_decision
         (booked_session_id, centre_id, starts_at, outcome, into_booked_session_id, participants, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [meeting.id, meeting.centreId, meeting.startsAt, outcome, intoId, meeting.participants, at],
    );
  }
}
