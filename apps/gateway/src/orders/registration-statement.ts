import { EntityManager } from 'typeorm';
import type { OutboxRowToWrite } from '@korgoo/messaging';
import type { AuditAppendCall } from '../audit/audit-trail';
import type { OrderNote } from './order-note.entity';
import type { ProtectionOrder } from './protection-order.entity';

export type RegisteredRow = Pick<
  ProtectionOrder,
  'id' | 'orderNumber' | 'bodyHash' | 'issuingUnit' | 'issuedAt' | 'expiresAt' | 'perpetrator' | 'unitCode' | 'registeredBy' | 'registeredAt'
>;

/**
 * Writes a new order, its `order.registered.v1` outbox row, its notes and its audit entry in one statement,
 * which commits them together: an intake is one round trip to PostgreSQL and holds the audit chain's lock for
 * that statement only. Returns false, having written nothing, when the order number is already registered.
 */
export async function insertRegistration(
  db: EntityManager,
  order: RegisteredRow,
  notes: OrderNote[],
  event: OutboxRowToWrite<unknown>,
  audit: (first: number) => AuditAppendCall,
): Promise<boolean> {
  const params: unknown[] = [
    order.id,
    order.orderNumber,
    order.bodyHash,
    order.issuingUnit,
    order.issuedAt,
    order.expiresAt,
    JSON.stringify(order.perpetrator),
    order.unitCode,
    order.registeredBy,
    order.registeredAt,
    event.eventId,
    event.subject,
    event.envelopeJson,
    JSON.stringify(notes.map(({ id, kind, body }) => ({ id, kind, body }))),
  ];
  const entry = audit(params.length + 1);
  const rows: unknown[] = await db.query(
    `WITH registered AS (
       INSERT INTO gateway.protection_order
         (id, order_number, body_hash, issuing_unit, issued_at, expires_at, perpetrator, unit_code, registered_by, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
       ON CONFLICT DO NOTHING
       RETURNING id
     ), announced AS (
       INSERT INTO gateway.outbox (event_id, subject, envelope) SELECT $11::uuid, $12::text, $13::jsonb FROM registered
     ), noted AS (
       INSERT INTO gateway.order_note (id, order_id, kind, body, written_by, written_at)
       SELECT note.id, registered.id, note.kind, note.body, $9, $10
       FROM registered, jsonb_to_recordset($14::jsonb) AS note (id uuid, kind text, body text)
     )
     SELECT ${entry.sql} FROM registered`,
    [...params, ...entry.params],
  );
  return rows.length === 1;
}
