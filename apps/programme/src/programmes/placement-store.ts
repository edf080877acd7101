import { EntityManager } from 'typeorm';
import { Placement, PlacementState, ProgrammeTimer } from '../domain';
import { insertTimer, timerValues } from './timer-rows';

interface PlacementRow {
  order_id: string;
  expires_at: Date | null;
  state: PlacementState;
  reasons: string[];
}

/** Makes a placement as given, from `placementValues`; the statements using it say what a conflict does. */
const MAKE_PLACEMENT = 'INSERT INTO programme.placement AS p (order_id, expires_at, state, reasons) VALUES ($1, $2, $3, $4)';

function placementValues(p: Placement) {
  return [p.orderId, p.expiresAt, p.state, JSON.stringify(p.reasons)];
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

  /**
   * Makes the order's placement as its first event leaves it, with that event's timer, in one statement.
   * False when the order was seen before: nothing is written, and the event takes the placement's lock instead.
   */
  async makeOnFirstSight(tx: EntityManager, p: Placement, timer: ProgrammeTimer): Promise<boolean> {
    const placed: unknown[] = await tx.query(
      `WITH placed AS (
         ${MAKE_PLACEMENT} ON CONFLICT (order_id) DO NOTHING RETURNING order_id)
       ${insertTimer(5, 'placed')} RETURNING order_id`,
      [...placementValues(p), ...timerValues({ orderId: p.orderId }, timer)],
    );
    return placed.length > 0;
  }

  /**
   * Withdraws a waiting placement in one statement, or makes it as `unseen` (already withdrawn) when no event
   * of the order came before. Only a waiting placement is withdrawn, as `withdrawPlacement` says.
   */
  async withdraw(tx: EntityManager, unseen: Placement): Promise<void> {
    await tx.query(
      `${MAKE_PLACEMENT}
       ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state WHERE p.state = 'waiting'`,
      placementValues(unseen),
    );
  }

  /**
   * Adds routing's reasons in one statement: those the placement lacks, appended in the order they came, as
   * `noteRoutingReasons` keeps them; a placement holding them all is left unwritten. Made as `unseen` (its
   * reasons already noted) when no event of the order came before.
   */
  async addReasons(tx: EntityManager, unseen: Placement): Promise<void> {
    await tx.query(
      `${MAKE_PLACEMENT}
       ON CONFLICT (order_id) DO UPDATE
         SET reasons = p.reasons || (SELECT jsonb_agg(r ORDER BY n) FROM jsonb_array_elements(EXCLUDED.reasons) WITH ORDINALITY AS t(r, n)
                                      WHERE NOT p.reasons @> jsonb_build_array(r))
         WHERE NOT p.reasons @> EXCLUDED.reasons`,
      placementValues(unseen),
    );
  }

  /** With a timer, the timer is written in the same statement: one write for an expiry taken. */
  async save(tx: EntityManager, p: Placement, endedAt: Date | null = null, timer?: ProgrammeTimer): Promise<void> {
    const update = 'UPDATE programme.placement SET expires_at = $2, state = $3, reasons = $4, ended_at = $5 WHERE order_id = $1';
    const values = [...placementValues(p), endedAt];
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
