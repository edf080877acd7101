import { EntityManager } from 'typeorm';
import { BookedSession, CentreCapacity, Facilitator, GroupSlot, Language, OutreachPoint, PlannedSession } from '../capacity/capacity-types';
import type { CalendarWindow, VersionedCentre } from './calendar-cache';

export interface CentreLocation {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export type OpenCentre = CentreLocation & VersionedCentre;

interface FacilitatorRow {
  id: string;
  centre_id: string;
  sex: Facilitator['sex'];
  languages: Language[];
  certified_on: Date | null;
  active: boolean;
  weekly: Facilitator['weekly'];
  exceptions: Array<{ from: string; to: string; reason: 'leave' | 'holiday' | 'other' }>;
}

interface BookedRow {
  id: string;
  centre_id: string;
  kind: 'individual' | 'group';
  starts_at: Date;
  ends_at: Date;
  facilitator_ids: string[];
  language: Language;
  participants: number;
  group_slot_id: string | null;
  outreach_point_id: string | null;
}

/**
 * The open centres as one JSON array of `OpenCentre`, an expression a statement can read beside what else it
 * reads: routing an order takes them with the order's state, in one round trip.
 */
export const OPEN_CENTRES_SQL = `(SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'lat', lat, 'lng', lng,
    'calendarVersion', calendar_version::text) ORDER BY id), '[]') FROM matching.centre WHERE status = 'open')`;

/** Reads and writes the centre directory and its booked sessions; decides nothing. */
export class CentreDirectory {
  async openCentres(tx: EntityManager): Promise<OpenCentre[]> {
    const [row]: Array<{ centres: OpenCentre[] }> = await tx.query(`SELECT ${OPEN_CENTRES_SQL} AS centres`);
    return row.centres;
  }

  /** Capacity of the given centres inside `window`: rosters plus the sessions booked that overlap it. */
  async capacities(tx: EntityManager, centreIds: string[], window: CalendarWindow): Promise<Map<string, CentreCapacity>> {
    // One after another: the queries share the transaction's connection.
    const centres = await tx.query(`SELECT id, status, group_capacity FROM matching.centre WHERE id = ANY($1)`, [centreIds]);
    const facilitators: FacilitatorRow[] = await tx.query(
      `SELECT * FROM matching.facilitator WHERE centre_id = ANY($1) ORDER BY id`,
      [centreIds],
    );
    const booked: BookedRow[] = await tx.query(
      `SELECT * FROM matching.booked_session WHERE centre_id = ANY($1) AND ends_at > $2 AND starts_at < $3 ORDER BY starts_at`,
      [centreIds, window.from, window.until],
    );
    const slots: Array<GroupSlot & { centreId: string }> = await tx.query(
      `SELECT id, centre_id AS "centreId", weekday, start_time AS start, minutes, sex, language,
              lead_facilitator_id AS "leadFacilitatorId", co_facilitator_id AS "coFacilitatorId",
              min_participants AS "minParticipants", max_participants AS "maxParticipants"
         FROM matching.group_slot WHERE centre_id = ANY($1) ORDER BY id`,
      [centreIds],
    );
    const points: Array<OutreachPoint & { centreId: string }> = await tx.query(
      `SELECT id, centre_id AS "centreId", settlement_code AS "settlementCode", facilitator_ids AS "facilitatorIds", windows
         FROM matching.outreach_point WHERE centre_id = ANY($1) ORDER BY id`,
      [centreIds],
    );
    const capacities = new Map<string, CentreCapacity>();
    for (const centre of centres as Array<{ id: string; status: 'open' | 'paused'; group_capacity: number }>) {
      capacities.set(centre.id, {
        centreId: centre.id,
        status: centre.status,
        groupCapacity: centre.group_capacity,
        facilitators: [],
        booked: [],
        closures: [],
        groupSlots: [],
        outreachPoints: [],
      });
    }
    for (const row of facilitators) {
      capacities.get(row.centre_id)?.facilitators.push({
        id: row.id,
        sex: row.sex,
        languages: row.languages,
        certifiedOn: row.certified_on,
        active: row.active,
        weekly: row.weekly,
        exceptions: row.exceptions.map((e) => ({ from: new Date(e.from), to: new Date(e.to), reason: e.reason })),
      });
    }
    for (const row of booked) {
      capacities.get(row.centre_id)?.booked.push(toBookedSession(row));
    }
    for (const { centreId, ...slot } of slots) capacities.get(centreId)?.groupSlots.push(slot);
    for (const { centreId, ...point } of points) capacities.get(centreId)?.outreachPoints!.push(point);
    return capacities;
  }

  /**
   * Serialises bookings per centre: two routings to the same centre take turns, others run in parallel.
   * Answers the calendar's version as it stands under the lock (null for a centre that is gone).
   */
  async lockCentre(tx: EntityManager, centreId: string): Promise<string | null> {
    const [row] = await tx.query('SELECT calendar_version::text AS version FROM matching.centre WHERE id = $1 FOR UPDATE', [centreId]);
    return row?.version ?? null;
  }

  /** The calendar's version as this transaction sees it. */
  async calendarVersion(tx: EntityManager, centreId: string): Promise<string> {
    const [row] = await tx.query('SELECT calendar_version::text AS version FROM matching.centre WHERE id = $1', [centreId]);
    return row.version;
  }

  async centre(tx: EntityManager, centreId: string): Promise<CentreLocation | null> {
    const [row] = await tx.query('SELECT id, name, lat, lng FROM matching.centre WHERE id = $1', [centreId]);
    return row ?? null;
  }

  /**
   * Books the plan's sessions, joining existing group sessions; returns the booked session id per index.
   * One statement for the joins and one for the new sessions: the centre's lock is held meanwhile. New sessions
   * are held at `outreachPointId` when given, else at the centre.
   */
  async book(
    tx: EntityManager,
    centreId: string,
    language: Language,
    sessions: PlannedSession[],
    newId: () => string,
    outreachPointId?: string,
  ) {
    const joins = sessions.filter((s) => s.joinsBookedSessionId !== undefined);
    const fresh = sessions.filter((s) => s.joinsBookedSessionId === undefined).map((s) => ({ ...s, id: newId() }));
    if (joins.length > 0) {
      // UPDATE answers [rows, affected].
      const [, joined] = await tx.query(
        'UPDATE matching.booked_session SET participants = participants + 1 WHERE id = ANY($1::uuid[])',
        [joins.map((s) => s.joinsBookedSessionId)],
      );
      // A release may have removed a group between reading and joining: start over with fresh capacity.
      if (joined !== joins.length) throw new BookingConflict(`a group session of centre ${centreId} is gone`);
    }
    if (fresh.length > 0) {
      await tx.query(
        `INSERT INTO matching.booked_session (id, centre_id, kind, starts_at, ends_at, facilitator_ids, language, participants, group_slot_id,
           outreach_point_id)
         SELECT id, $1, kind, starts_at, ends_at, ARRAY[lead, co], $2, 1, group_slot_id, $10
           FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
             AS s(id, kind, starts_at, ends_at, lead, co, group_slot_id)`,
        [
          centreId,
          language,
          fresh.map((s) => s.id),
          fresh.map((s) => s.kind),
          fresh.map((s) => s.startsAt),
          fresh.map((s) => s.endsAt),
          fresh.map((s) => s.leadFacilitatorId),
          fresh.map((s) => s.coFacilitatorId),
          fresh.map((s) => s.groupSlotId ?? null),
          outreachPointId ?? null,
        ],
      );
    }
    const ids = new Map<number, string>([
      ...joins.map((s) => [s.index, s.joinsBookedSessionId!] as const),
      ...fresh.map((s) => [s.index, s.id] as const),
    ]);
    return sessions.map((s) => ({ index: s.index, bookedSessionId: ids.get(s.index)! }));
  }

  /**
   * Gives back held places: a participant leaves a group others share, and a session nobody else
   * holds is removed so its facilitators are free again.
   */
  async releaseSessions(tx: EntityManager, bookedSessionIds: string[]): Promise<void> {
    for (const id of bookedSessionIds) {
      // UPDATE answers [rows, affected].
      const [, left] = await tx.query(
        'UPDATE matching.booked_session SET participants = participants - 1 WHERE id = $1 AND participants > 1',
        [id],
      );
      if (left === 0) await tx.query('DELETE FROM matching.booked_session WHERE id = $1', [id]);
    }
  }
}

/** Someone else changed the booked sessions in between; the whole routing is retried. */
export class BookingConflict extends Error {}

function toBookedSession(row: BookedRow): BookedSession {
  return {
    id: row.id,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    facilitatorIds: [row.facilitator_ids[0], row.facilitator_ids[1]],
    language: row.language,
    participants: row.participants,
    ...(row.group_slot_id ? { groupSlotId: row.group_slot_id } : {}),
    ...(row.outreach_point_id ? { outreachPointId: row.outreach_point_id } : {}),
  };
}
