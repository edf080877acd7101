import { EntityManager } from 'typeorm';
import type { Roster, RosterCentre, RosterFacilitator } from './roster';

export interface RosterState {
  centres: Map<string, RosterCentre>;
  facilitators: Map<string, RosterFacilitator[]>;
  announced: Map<string, Roster>;
}

/** Reads centres' rosters and what was last announced of them; decides nothing. */
export class RosterStore {
  /** Every centre's (or the given ones'), and every centre announced before, even one since removed. */
  async state(tx: EntityManager, centreIds: string[] | null = null): Promise<RosterState> {
    const centres: Array<RosterCentre> = await tx.query(
      'SELECT id, oblast, status FROM matching.centre WHERE $1::text[] IS NULL OR id = ANY($1)',
      [centreIds],
    );
    const facilitators: Array<RosterFacilitator & { centreId: string }> = await tx.query(
      `SELECT centre_id AS "centreId", sex, certified_on::text AS "certifiedOn", active, weekly, exceptions
         FROM matching.facilitator WHERE $1::text[] IS NULL OR centre_id = ANY($1)`,
      [centreIds],
    );
    const announced: Array<{ centre_id: string; roster: Roster }> = await tx.query(
      'SELECT centre_id, roster FROM matching.announced_roster WHERE $1::text[] IS NULL OR centre_id = ANY($1)',
      [centreIds],
    );
    const byCentre = new Map<string, RosterFacilitator[]>();
    for (const { centreId, ...f } of facilitators) byCentre.set(centreId, [...(byCentre.get(centreId) ?? []), f]);
    return {
      centres: new Map(centres.map((c) => [c.id, c])),
      facilitators: byCentre,
      announced: new Map(announced.map((a) => [a.centre_id, a.roster])),
    };
  }

  /** The centre's row (the lock directory edits and bookings take) and its announcement, for one announcer at a time. */
  async lock(tx: EntityManager, centreId: string): Promise<void> {
    await tx.query('SELECT 1 FROM matching.centre WHERE id = $1 FOR UPDATE', [centreId]);
    await tx.query('SELECT 1 FROM matching.announced_roster WHERE centre_id = $1 FOR UPDATE', [centreId]);
  }

  async saveAnnounced(tx: EntityManager, roster: Roster, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO matching.announced_roster (centre_id, roster, announced_at) VALUES ($1, $2, $3)
       ON CONFLICT (centre_id) DO UPDATE SET roster = EXCLUDED.roster, announced_at = EXCLUDED.announced_at`,
      [roster.centreId, JSON.stringify(roster), at],
    );
  }
}
