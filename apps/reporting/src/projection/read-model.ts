import { EntityManager } from 'typeorm';
import { CaseFact, FactKind, OrderCase, PersonOrder } from '../indicators/order-case';
import { Projected } from './event-facts';

interface OrderCaseRow {
  order_id: string;
  issued_at: Date | null;
  expires_at: Date | null;
  oblast: string | null;
  unit: string | null;
  sex: string | null;
  language: string | null;
  risk_bin: string | null;
  priority: string | null;
  person_ref: string | null;
}

interface CaseFactRow {
  event_id: string;
  order_id: string;
  kind: FactKind;
  reason: string | null;
  centre_id: string | null;
  occurred_at: Date;
  session_id: string | null;
  participants: number | null;
}

/**
 * The indicator tables. Events of one order reach reporting through separate consumers in any order, so an
 * order's row is filled field by field (a known value is never blanked) and its risk follows the newest
 * assessment version. A fact is keyed by its event id: the same event can never be counted twice.
 */
export class IndicatorReadModel {
  async apply(tx: EntityManager, { order, fact, groupPlaces = [] }: Projected): Promise<void> {
    await tx.query(
      `INSERT INTO reporting.order_case AS o
         (order_id, issued_at, expires_at, oblast, unit, sex, language, risk_bin, priority, risk_version, person_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (order_id) DO UPDATE SET
         issued_at = COALESCE(EXCLUDED.issued_at, o.issued_at),
         expires_at = COALESCE(EXCLUDED.expires_at, o.expires_at),
         oblast = COALESCE(EXCLUDED.oblast, o.oblast),
         unit = COALESCE(EXCLUDED.unit, o.unit),
         sex = COALESCE(EXCLUDED.sex, o.sex),
         language = COALESCE(EXCLUDED.language, o.language),
         risk_bin = CASE WHEN EXCLUDED.risk_version > COALESCE(o.risk_version, 0) THEN EXCLUDED.risk_bin ELSE o.risk_bin END,
         priority = CASE WHEN EXCLUDED.risk_version > COALESCE(o.risk_version, 0) THEN EXCLUDED.priority ELSE o.priority END,
         risk_version = GREATEST(EXCLUDED.risk_version, o.risk_version),
         person_ref = COALESCE(EXCLUDED.person_ref, o.person_ref)`,
      [
        order.orderId,
        order.issuedAt ?? null,
        order.expiresAt ?? null,
        order.oblast ?? null,
        order.unit ?? null,
        order.sex ?? null,
        order.language ?? null,
        order.riskBin ?? null,
        order.priority ?? null,
        order.riskVersion ?? null,
        order.personRef ?? null,
      ],
    );
    for (const counted of [...(fact ? [fact] : []), ...groupPlaces]) {
      await tx.query(
        `INSERT INTO reporting.case_fact (event_id, order_id, kind, reason, centre_id, occurred_at, session_id, participants)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
        [counted.eventId, counted.orderId, counted.kind, counted.reason, counted.centreId, counted.occurredAt, counted.sessionId ?? null, counted.participants ?? null],
      );
    }
  }

  /** Every order, of any month, against the people of the orders issued in [from, to): to find repeats. */
  async personHistory(db: EntityManager, from: Date, to: Date): Promise<PersonOrder[]> {
    const rows: Array<{ order_id: string; person_ref: string; issued_at: Date }> = await db.query(
      `SELECT order_id, person_ref, issued_at FROM reporting.order_case
        WHERE issued_at IS NOT NULL AND person_ref IN (
          SELECT person_ref FROM reporting.order_case WHERE issued_at >= $1 AND issued_at < $2 AND person_ref IS NOT NULL)`,
      [from, to],
    );
    return rows.map((row) => ({ orderId: row.order_id, personRef: row.person_ref, issuedAt: row.issued_at }));
  }

  /** Orders issued in [from, to) with every fact about them. */
  async issuedBetween(db: EntityManager, from: Date, to: Date): Promise<{ orders: OrderCase[]; facts: CaseFact[] }> {
    const rows: OrderCaseRow[] = await db.query(
      'SELECT * FROM reporting.order_case WHERE issued_at >= $1 AND issued_at < $2',
      [from, to],
    );
    const factRows: CaseFactRow[] = await db.query(
      `SELECT f.* FROM reporting.case_fact f JOIN reporting.order_case o USING (order_id)
        WHERE o.issued_at >= $1 AND o.issued_at < $2`,
      [from, to],
    );
    return {
      orders: rows.map((row) => ({
        orderId: row.order_id,
        issuedAt: row.issued_at,
        expiresAt: row.expires_at,
        oblast: row.oblast,
        unit: row.unit,
        sex: row.sex,
        language: row.language,
        riskBin: row.risk_bin,
        priority: row.priority,
        personRef: row.person_ref,
      })),
      facts: factRows.map((row) => ({
        eventId: row.event_id,
        orderId: row.order_id,
        kind: row.kind,
        reason: row.reason,
        centreId: row.centre_id,
        occurredAt: row.occurred_at,
        sessionId: row.session_id,
        participants: row.participants,
      })),
    };
  }
}
