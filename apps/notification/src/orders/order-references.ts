import { EntityManager } from 'typeorm';
import { GatheredWrite } from '@korgoo/messaging';
import { OrderReference } from '../delivery/intents';
import { Refusal } from './notices-awaiting-unit';

/** The reference kept for an order, and the Article 72 notices that waited for its unit, taken once. */
export interface KeptOrder {
  order: OrderReference;
  released: Refusal[];
}

/** An order's registration, kept with the others of its batch. */
export interface Registration {
  orderId: string;
  reference: OrderReference;
}

/** A batch's registration found a notice waiting for its unit: the batch is handled again event by event. */
export class RegistrationReleasesNotice extends Error {}

/**
 * The order number and issuing unit of each registered order, kept from `order.registered.v1` (an order
 * registered before police units has none until `order.unit_assigned.v1`): notices about a programme go back
 * to that unit and name the order as the police know it.
 */
export class OrderReferences {
  /**
   * Holds the order for this transaction, row or no row yet: a refusal that finds no unit and a unit that
   * arrives meanwhile take turns, so the notice cannot be left waiting after its unit came.
   */
  async lockOrder(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [orderId]);
  }

  /** Keeps the order's reference unless one is kept already; answers the one kept and the notices released. */
  async record(tx: EntityManager, orderId: string, reference: OrderReference, at: Date): Promise<KeptOrder> {
    return this.kept(
      tx,
      `INSERT INTO notification.order_reference (order_id, order_number, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET order_number = notification.order_reference.order_number
       RETURNING order_number, unit_code`,
      orderId,
      reference,
      at,
    );
  }

  /** The unit an order without one was given; a unit already known stays. Answers the reference kept and the notices released. */
  async assignUnit(tx: EntityManager, orderId: string, reference: OrderReference, at: Date): Promise<KeptOrder> {
    return this.kept(
      tx,
      `INSERT INTO notification.order_reference (order_id, order_number, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET unit_code = coalesce(notification.order_reference.unit_code, EXCLUDED.unit_code)
       RETURNING order_number, unit_code`,
      orderId,
      reference,
      at,
    );
  }

  /**
   * Runs the upsert and, once the kept reference has a unit, marks the order's waiting notices forwarded (at
   * `at`) in the same statement: one round trip where a registration used to take two. The order's lock is
   * taken before, so the statement's snapshot sees any notice a refusal committed meanwhile.
   */
  private async kept(tx: EntityManager, upsert: string, orderId: string, reference: OrderReference, at: Date): Promise<KeptOrder> {
    const [row]: Array<{ order_number: string; unit_code: string | null; released: Refusal[] }> = await tx.query(
      `WITH kept AS (${upsert}),
       released AS (
         UPDATE notification.notice_awaiting_unit SET forwarded_at = $4
          WHERE order_id = $1 AND forwarded_at IS NULL AND (SELECT unit_code FROM kept) IS NOT NULL
          RETURNING refusal)
       SELECT order_number, unit_code, (SELECT coalesce(jsonb_agg(refusal), '[]') FROM released) AS released FROM kept`,
      [orderId, reference.orderNumber, reference.unitCode, at],
    );
    return { order: { orderNumber: row.order_number, unitCode: row.unit_code }, released: row.released };
  }

  /**
   * A batch's registrations kept in two statements whatever its size: every order locked in the order of its id,
   * so two batches may wait on each other but never deadlock, then every reference kept as `record` keeps one. A notice found waiting
   * for one of these units fails the batch, which is handled again event by event, where each registration tells
   * what it releases; a refusal seen before its order's registration is rare.
   */
  readonly registrations: GatheredWrite<Registration> = {
    write: async (tx, items) => {
      const references = new Map<string, OrderReference>();
      for (const { orderId, reference } of items) if (!references.has(orderId)) references.set(orderId, reference);
      const orderIds = [...references.keys()].sort();
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest($1::text[]) AS id', [orderIds]);
      const [{ waiting }]: Array<{ waiting: number }> = await tx.query(
        `WITH kept AS (
           INSERT INTO notification.order_reference (order_id, order_number, unit_code)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
           ON CONFLICT (order_id) DO UPDATE SET order_number = notification.order_reference.order_number
           RETURNING order_id, unit_code)
         SELECT count(*)::int AS waiting FROM notification.notice_awaiting_unit n JOIN kept ON kept.order_id = n.order_id
          WHERE n.forwarded_at IS NULL AND kept.unit_code IS NOT NULL`,
        [orderIds, orderIds.map((id) => references.get(id)!.orderNumber), orderIds.map((id) => references.get(id)!.unitCode)],
      );
      if (waiting > 0) throw new RegistrationReleasesNotice(`${waiting} notice(s) waited for a unit now registered`);
    },
  };

  async find(db: EntityManager, orderId: string): Promise<OrderReference | null> {
    const rows: Array<{ order_number: string; unit_code: string | null }> = await db.query(
      'SELECT order_number, unit_code FROM notification.order_reference WHERE order_id = $1',
      [orderId],
    );
    return rows[0] ? { orderNumber: rows[0].order_number, unitCode: rows[0].unit_code } : null;
  }
}
