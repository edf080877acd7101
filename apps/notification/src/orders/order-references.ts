import { EntityManager } from 'typeorm';
import { OrderReference } from '../delivery/intents';

/**
 * The order number and issuing unit of each registered order, kept from `order.registered.v1`: notices about
 * a programme go back to that unit and name the order as the police know it.
 */
export class OrderReferences {
  async record(tx: EntityManager, orderId: string, reference: OrderReference): Promise<void> {
    await tx.query(
      `INSERT INTO notification.order_reference (order_id, order_number, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO NOTHING`,
      [orderId, reference.orderNumber, reference.unitCode],
    );
  }

  async find(db: EntityManager, orderId: string): Promise<OrderReference | null> {
    const rows: Array<{ order_number: string; unit_code: string }> = await db.query(
      'SELECT order_number, unit_code FROM notification.order_reference WHERE order_id = $1',
      [orderId],
    );
    return rows[0] ? { orderNumber: rows[0].order_number, unitCode: rows[0].unit_code } : null;
  }
}
