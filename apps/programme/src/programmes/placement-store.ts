import { EntityManager } from 'typeorm';
import { Placement, PlacementState, ProgrammeTimer } from '../domain';
import { insertTimer, timerValues } from './timer-rows';

interface PlacementRow {
  order_id: string;
  expires_at: Date | null;
  state: PlacementState;
  reasons: string[];
}

/** Reads and writes orders waiting for a programme; decisions are the domain's. */
export class PlacementStore {
  /**
   * The order's placement under its row lock, made on first sight whichever of its events comes first. One
   * statement: the conflict's no-op update takes the lock and returns the row a concurrent first sight made.
   */
  async locked(tx: EntityManager, orderId: string): Promise<Placement> {
    const [row]: PlacementRow[] = await tx.query(
      `INSERT INTO programme.placement AS p (order_id, state) VALUES ($1, 'waiting')
       ON CONFLICT (order_id) DO UPDATE SET state = p.state RETURNING p.order_id, p.expires_at, p.state, p.reasons`,
      [orderId],
    );
    return { orderId: row.order_id, expiresAt: row.expires_at, state: row.state, reasons: row.reasons };
  }

  /** With a timer, the timer is written in the same statement: one write for an expiry taken. */
  async save(tx: EntityManager, p: Placement, endedAt: Date | null = null, timer?: ProgrammeTimer): Promise<void> {
    const update = 'UPDATE programme.placement SET expires_at = $2, state = $3, reasons = $4, ended_at = $5 WHERE order_id = $1';
    const values = [p.orderId, p.expiresAt, p.state, JSON.stringify(p.reasons), endedAt];
    if (!timer) {
      await tx.query(update, values);
      return;
    }
    await tx.query(`WITH saved AS (${update}) ${insertTimer(values.length + 1)}`, [...values, ...timerValues({ orderId: p.orderId }, timer)]);
  }

  async hasProgramme(tx: EntityManager, orderId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM programme.programme WHERE order_id = $1 LIMIT 1', [orderId]);
    return rows.length > 0;
  }
}
