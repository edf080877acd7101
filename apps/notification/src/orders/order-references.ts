import { EntityManager } from 'typeorm';
import { OrderReference } from '../delivery/intents';

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

  /** Keeps the order's reference unless one is kept already; answers the one kept. */
  async record(tx: EntityManager, orderId: string, reference: OrderReference): Promise<OrderReference> {
    return this.kept(
      tx,
      `INSERT INTO notification.order_reference (order_id, order_number, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET order_number = notification.order_reference.order_number
       RETURNING order_number, unit_code`,
      orderId,
      reference,
    );
  }

  /** The unit an order without one was given; a unit already known stays. Answers the reference kept. */
  async assignUnit(tx: EntityManager, orderId: string, reference: OrderReference): Promise<OrderReference> {
    return this.kept(
      tx,
      `INSERT INTO notification.order_reference (order_id, order_number, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET unit_code = coalesce(notification.order_reference.unit_code, EXCLUDED.unit_code)
       RETURNING order_number, unit_code`,
      orderId,
      reference,
    );
  }

  private async kept(tx: EntityManager, sql: string, orderId: string, reference: OrderReference): Promise<OrderReference> {
    const [row]: Array<{ order_number: string; unit_code: string | null }> = await tx.query(sql, [
      orderId,
      reference.orderNumber,
      reference.unitCode,
    ]);
    return { orderNumber: row.order_number, unitCode: row.unit_code };
  }

  async find(db: EntityManager, orderId: string): Promise<OrderReference | null> {
    const rows: Array<{ order_number: string; unit_code: string | null }> = await db.query(
      'SELECT order_number, unit_code FROM notification.order_reference WHERE order_id = $1',
      [orderId],
    );
    return rows[0] ? { orderNumber: rows[0].order_number, unitCode: rows[0].unit_code } : null;
  }
}
