import { EntityManager } from 'typeorm';

/** Reads and writes which booked sessions a referral holds; decides nothing. */
export class HoldRepository {
  async hold(
    tx: EntityManager,
    referralId: string,
    handOff: number,
    booked: Array<{ index: number; bookedSessionId: string }>,
  ): Promise<void> {
    if (booked.length === 0) return;
    // One statement: the routing still holds its centre's lock.
    await tx.query(
      `INSERT INTO matching.session_hold (referral_id, session_index, booked_session_id, hand_off)
       SELECT $1, session_index, booked_session_id, $4 FROM unnest($2::int[], $3::uuid[]) AS h(session_index, booked_session_id)`,
      [referralId, booked.map((b) => b.index), booked.map((b) => b.bookedSessionId), handOff],
    );
  }

  /** Drops the referral's holds and answers which booked sessions they were in. */
  async dropHolds(tx: EntityManager, referralId: string): Promise<string[]> {
    // DELETE answers [rows, affected].
    const [rows]: [Array<{ booked_session_id: string }>, number] = await tx.query(
      'DELETE FROM matching.session_hold WHERE referral_id = $1 RETURNING booked_session_id',
      [referralId],
    );
    return rows.map((row) => row.booked_session_id);
  }

  /** Confirms the referral's holds and answers the group sessions among them with their places taken now. */
  async confirmHolds(tx: EntityManager, referralId: string, at: Date): Promise<Array<{ sessionId: string; participants: number }>> {
    const rows: Array<{ id: string; participants: number }> = await tx.query(
      `WITH confirmed AS (
         UPDATE matching.session_hold SET confirmed_at = $2 WHERE referral_id = $1 RETURNING booked_session_id)
       SELECT b.id, b.participants FROM confirmed c JOIN matching.booked_session b ON b.id = c.booked_session_id
        WHERE b.kind = 'group' ORDER BY b.starts_at`,
      [referralId, at],
    );
    return rows.map((row) => ({ sessionId: row.id, participants: row.participants }));
  }
}
