import { EntityManager } from 'typeorm';
import type { OutboxRowToWrite } from '@korgoo/messaging';
import { AUDIT_APPEND_TYPES } from '../audit/audit-chain';
import type { OrderNote } from './order-note.entity';
import type { ProtectionOrder } from './protection-order.entity';

export type RegisteredRow = Pick<
  ProtectionOrder,
  'id' | 'orderNumber' | 'bodyHash' | 'issuingUnit' | 'issuedAt' | 'expiresAt' | 'perpetrator' | 'unitCode' | 'registeredBy' | 'registeredAt'
>;

/** A new order with everything written with it. */
export interface Registration {
  order: RegisteredRow;
  notes: OrderNote[];
  event: OutboxRowToWrite<unknown>;
  /** Its audit entry, as the arguments of `gateway.audit_append` (`AuditTrail.appendArguments`). */
  audit: unknown[];
}

/** A registration's columns in the statement, with their types, and its values in that order. */
const COLUMNS = [
  ['id', 'uuid'],
  ['order_number', 'text'],
  ['body_hash', 'text'],
  ['issuing_unit', 'text'],
  ['issued_at', 'timestamptz'],
  ['expires_at', 'timestamptz'],
  ['perpetrator', 'jsonb'],
  ['unit_code', 'text'],
  ['registered_by', 'uuid'],
  ['registered_at', 'timestamptz'],
  ['event_id', 'uuid'],
  ['subject', 'text'],
  ['envelope', 'jsonb'],
  ['notes', 'jsonb'],
  ...AUDIT_APPEND_TYPES.map((type, i) => [`audit_${i}`, type]),
] as const;

function valuesOf({ order, notes, event, audit }: Registration): unknown[] {
  return [
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
    ...audit,
  ];
}

/**
 * Writes new orders, each with its `order.registered.v1` outbox row, its notes and its audit entry, in one
 * statement, which commits them together: the orders of a batch are one round trip to PostgreSQL and one wait
 * for the disk, and take the audit chain's lock once. Their audit entries are chained one after another, each
 * call of `gateway.audit_append` seeing the entry the one before it wrote. Returns the ids of the orders written;
 * an order whose number is already registered, by an earlier statement or earlier in this one, is not.
 */
export async function insertRegistrations(db: EntityManager, registrations: Registration[]): Promise<Set<string>> {
  const params: unknown[] = [];
  // In number order, so that two gateways writing the same numbers at once take their row locks in one order
  // and one waits for the other instead of deadlocking.
  const inOrder = [...registrations].sort(({ order: a }, { order: b }) =>
    a.orderNumber < b.orderNumber ? -1 : a.orderNumber > b.orderNumber ? 1 : 0,
  );
  const rows = inOrder.map((registration) => {
    const values = valuesOf(registration).map((value, i) => `$${params.push(value)}::${COLUMNS[i][1]}`);
    return `(${values.join(', ')})`;
  });
  const audit = AUDIT_APPEND_TYPES.map((_, i) => `batch.audit_${i}`).join(', ');
  const written: Array<{ id: string }> = await db.query(
    `WITH batch (${COLUMNS.map(([name]) => name).join(', ')}) AS (VALUES ${rows.join(', ')}),
     registered AS (
       INSERT INTO gateway.protection_order
         (id, order_number, body_hash, issuing_unit, issued_at, expires_at, perpetrator, unit_code, registered_by, registered_at)
       SELECT id, order_number, body_hash, issuing_unit, issued_at, expires_at, perpetrator, unit_code, registered_by, registered_at
       FROM batch
       ON CONFLICT DO NOTHING
       RETURNING id
     ), announced AS (
       INSERT INTO gateway.outbox (event_id, subject, envelope)
       SELECT batch.event_id, batch.subject, batch.envelope FROM batch JOIN registered USING (id)
     ), noted AS (
       INSERT INTO gateway.order_note (id, order_id, kind, body, written_by, written_at)
       SELECT note.id, batch.id, note.kind, note.body, batch.registered_by, batch.registered_at
       FROM batch JOIN registered USING (id), jsonb_to_recordset(batch.notes) AS note (id uuid, kind text, body text)
     )
     SELECT batch.id, gateway.audit_append(${audit}) FROM batch JOIN registered USING (id)`,
    params,
  );
  return new Set(written.map(({ id }) => id));
}
