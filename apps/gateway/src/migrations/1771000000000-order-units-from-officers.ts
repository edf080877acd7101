import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders registered before police units take the unit of the officer who registered them, where that officer
 * has one now, and each such order is announced (`order.unit_assigned.v1`, through the outbox) so its
 * Article 72 notices reach the unit. Orders whose officer has no unit wait for a coordinator to set it;
 * erased orders are left as they are.
 */
export class OrderUnitsFromOfficers1771000000000 implements MigrationInterface {
  name = 'OrderUnitsFromOfficers1771000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      WITH assigned AS (
        UPDATE gateway.protection_order o SET unit_code = a.unit_code
          FROM gateway.account a
         WHERE o.unit_code IS NULL AND o.erased_at IS NULL AND a.id = o.registered_by AND a.unit_code IS NOT NULL
           AND o.order_number ~ '^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$'
        RETURNING o.id, o.order_number, o.unit_code
      ), announced AS (
        SELECT gen_random_uuid() AS event_id, id, order_number, unit_code FROM assigned
      )
      INSERT INTO gateway.outbox (event_id, subject, envelope)
      SELECT event_id, 'order.unit_assigned.v1', jsonb_build_object(
               'eventId', event_id,
               'subject', 'order.unit_assigned.v1',
               'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'correlationId', id,
               'producer', 'gateway',
               'payload', jsonb_build_object('orderId', id, 'orderNumber', order_number, 'unitCode', unit_code))
        FROM announced ORDER BY order_number`);
  }

  async down(): Promise<void> {
    // Which orders had no unit before is not kept: the units stay, as a coordinator's would.
  }
}
