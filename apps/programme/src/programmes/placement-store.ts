import { EntityManager } from 'typeorm';
import { GatheredWrite } from '@korgoo/messaging';
import { noteRoutingReasons, Placement, PlacementState, ProgrammeTimer } from '../domain';
import { columnsOf, insertTimer, insertTimerRows, timerValues } from './timer-rows';

interface PlacementRow {
  order_id: string;
  expires_at: Date | null;
  state: PlacementState;
  reasons: string[];
}

/**
 * Makes placements as given, column by column from `placementValues` (`columnsOf`); one is the one-row case. The
 * statements using it say what a conflict does.
 */
const MAKE_PLACEMENTS = `INSERT INTO programme.placement AS p (order_id, expires_at, state, reasons)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::jsonb[])`;

function placementValues(p: Placement) {
  return [p.orderId, p.expiresAt, p.state, JSON.stringify(p.reasons)];
}

/** An order's placement as its first event leaves it, with that event's timer. */
export interface FirstSight {
  placement: Placement;
  timer: ProgrammeTimer;
}

/** An order of a batch was seen before: the batch is handled again event by event, each under the placement's lock. */
export class PlacementSeenBefore extends Error {}

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
   * Makes each order's placement as its first event leaves it, with that event's timer, in one statement; answers
   * how many were made. An order seen before gets nothing written: its event takes the placement's lock instead.
   */
  async makeOnFirstSight(tx: EntityManager, sights: FirstSight[]): Promise<number> {
    const placements = columnsOf(sights.map(({ placement }) => placementValues(placement)));
    const timers = columnsOf(sights.map(({ placement, timer }) => timerValues({ orderId: placement.orderId }, timer)));
    const [{ made }]: Array<{ made: number }> = await tx.query(
      `WITH placed AS (${MAKE_PLACEMENTS} ON CONFLICT (order_id) DO NOTHING RETURNING order_id),
       timed AS (${insertTimerRows(5, 'placed')})
       SELECT count(*)::int AS made FROM placed`,
      [...placements, ...timers],
    );
    return made;
  }

  /**
   * A batch's first sights made together before it commits. One seen before fails the batch, which is handled
   * again event by event: a registration is almost always its order's first event.
   */
  readonly firstSights: GatheredWrite<FirstSight> = {
    write: async (tx, sights) => {
      const made = await this.makeOnFirstSight(tx, sights);
      if (made < sights.length) throw new PlacementSeenBefore(`${sights.length - made} order(s) of the batch were seen before`);
    },
  };

  /**
   * Withdraws a waiting placement in one statement, or makes it as `unseen` (already withdrawn) when no event
   * of the order came before. Only a waiting placement is withdrawn, as `withdrawPlacement` says.
   */
  async withdraw(tx: EntityManager, unseen: Placement): Promise<void> {
    await tx.query(
      `${MAKE_PLACEMENTS}
       ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state WHERE p.state = 'waiting'`,
      columnsOf([placementValues(unseen)]),
    );
  }

  /**
   * Adds routing's reasons in one statement: to each placement those it lacks, appended in the order they came,
   * as `noteRoutingReasons` keeps them; a placement holding them all is left unwritten. Made as `unseen` (its
   * reasons already noted) when no event of the order came before. One placement an order.
   */
  async addReasons(tx: EntityManager, unseen: Placement[]): Promise<void> {
    await tx.query(
      `${MAKE_PLACEMENTS}
       ON CONFLICT (order_id) DO UPDATE
         SET reasons = p.reasons || (SELECT jsonb_agg(r ORDER BY n) FROM jsonb_array_elements(EXCLUDED.reasons) WITH ORDINALITY AS t(r, n)
                                      WHERE NOT p.reasons @> jsonb_build_array(r))
         WHERE NOT p.reasons @> EXCLUDED.reasons`,
      columnsOf(unseen.map(placementValues)),
    );
  }

  /** The reasons of a transaction's events written together before it commits, an order's merged in the order they came. */
  readonly reasonsNoted: GatheredWrite<Placement> = {
    write: (tx, unseen) => {
      const byOrder = new Map<string, Placement>();
      for (const placement of unseen) {
        const merged = byOrder.get(placement.orderId);
        if (merged) noteRoutingReasons(merged, placement.reasons);
        else byOrder.set(placement.orderId, { ...placement, reasons: [...placement.reasons] });
      }
      return this.addReasons(tx, [...byOrder.values()]);
    },
  };

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
