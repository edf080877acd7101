import { EntityManager } from 'typeorm';
import type { RoutingRecord } from '../decision-record';

/** Appends and reads the routing decisions of a referral, one per routing. */
export class DecisionRepository {
  async recordDecision(tx: EntityManager, referralId: string, record: RoutingRecord): Promise<void> {
    await tx.query(
      `INSERT INTO matching.routing_decision (referral_id, hand_off, trigger, decided_at, record) VALUES ($1, $2, $3, $4, $5)`,
      [referralId, record.handOff, record.trigger, record.decidedAt, JSON.stringify(record)],
    );
  }

  async decisions(db: EntityManager, referralId: string): Promise<RoutingRecord[]> {
    const rows: Array<{ record: RoutingRecord }> = await db.query(
      'SELECT record FROM matching.routing_decision WHERE referral_id = $1 ORDER BY id',
      [referralId],
    );
    return rows.map((row) => row.record);
  }
}
