import { EntityManager } from 'typeorm';
import { GatheredWrite } from '@korgoo/messaging';
import { CaseFact, FactKind, OrderCase, PersonOrder } from '../indicators/order-case';
import { PairHoursInput } from '../indicators/utilisation-sheet';
import { PairSessionHold, RosteredFacilitator } from '../indicators/utilisation';
import { mergeOrderFacts, OrderFacts, Projected } from './event-facts';

type RosterRow = Omit<RosteredFacilitator, 'absences'> & { absences: Array<{ from: string; to: string }> };

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
 * assessment version. A fact is keyed by its event id: the same event can never be counted twice. The events
 * of a transaction are written together (`GatheredWrite`): every order's row and every fact in one statement.
 */
export class IndicatorReadModel implements GatheredWrite<Projected> {
  async write(tx: EntityManager, projections: Projected[]): Promise<void> {
    const orders = mergeOrderFacts(projections.flatMap(({ order }) => (order ? [order] : [])));
    const counted = projections.flatMap(({ fact, groupPlaces = [] }) => [...(fact ? [fact] : []), ...groupPlaces]);
    if (orders.length > 0 || counted.length > 0) await this.fillOrdersAndCount(tx, orders, counted);
    // Rosters, holds and programme ends come a few a day: a statement each.
    for (const { roster, holds = [], programmeEnd } of projections) {
      if (roster) {
        await tx.query(
          `INSERT INTO reporting.centre_roster (event_id, centre_id, oblast, open, effective_from, facilitators)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
          [roster.eventId, roster.centreId, roster.oblast, roster.open, roster.effectiveFrom, JSON.stringify(roster.facilitators)],
        );
      }
      // Holds arrive through separate consumers in any order: the newest word on a session index stands.
      for (const hold of holds) {
        await tx.query(
          `INSERT INTO reporting.pair_session_hold AS h (programme_id, session_index, centre_id, session_key, starts_at, ends_at, as_of)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (programme_id, session_index) DO UPDATE SET
             centre_id = EXCLUDED.centre_id, session_key = EXCLUDED.session_key, starts_at = EXCLUDED.starts_at,
             ends_at = EXCLUDED.ends_at, as_of = EXCLUDED.as_of
           WHERE EXCLUDED.as_of > h.as_of`,
          [hold.programmeId, hold.sessionIndex, hold.centreId, hold.sessionKey, hold.startsAt, hold.endsAt, hold.asOf],
        );
      }
      if (programmeEnd) {
        await tx.query(
          `INSERT INTO reporting.programme_end AS e (programme_id, ended_at) VALUES ($1, $2)
           ON CONFLICT (programme_id) DO UPDATE SET ended_at = LEAST(e.ended_at, EXCLUDED.ended_at)`,
          [programmeEnd.programmeId, programmeEnd.endedAt],
        );
      }
    }
  }

  private async fillOrdersAndCount(tx: EntityManager, orders: OrderFacts[], facts: CaseFact[]): Promise<void> {
    // Rows in key order, so that two transactions filling the same orders lock them in the same order.
    const rows = [...orders].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    const column = <K extends keyof OrderFacts>(key: K) => rows.map((order) => order[key] ?? null);
    // A data-modifying WITH runs to completion even when the insert after it counts no fact.
    await tx.query(
      `WITH filled AS (
         INSERT INTO reporting.order_case AS o
           (order_id, issued_at, expires_at, oblast, unit, sex, language, risk_bin, priority, risk_version, person_ref)
         SELECT * FROM unnest($9::uuid[], $10::timestamptz[], $11::timestamptz[], $12::text[], $13::text[], $14::text[],
                              $15::text[], $16::text[], $17::text[], $18::int[], $19::text[])
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
           person_ref = COALESCE(EXCLUDED.person_ref, o.person_ref))
       INSERT INTO reporting.case_fact (event_id, order_id, kind, reason, centre_id, occurred_at, session_id, participants)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::uuid[], $8::int[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        facts.map((f) => f.eventId),
        facts.map((f) => f.orderId),
        facts.map((f) => f.kind),
        facts.map((f) => f.reason),
        facts.map((f) => f.centreId),
        facts.map((f) => f.occurredAt),
        facts.map((f) => f.sessionId ?? null),
        facts.map((f) => f.participants ?? null),
        column('orderId'),
        column('issuedAt'),
        column('expiresAt'),
        column('oblast'),
        column('unit'),
        column('sex'),
        column('language'),
        column('riskBin'),
        column('priority'),
        column('riskVersion'),
        column('personRef'),
      ],
    );
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

  /**
   * What facilitator utilisation in [from, to) is counted from: every roster announced (few: one per change,
   * and the one in force at `from` may be older), the holds on sessions starting in the period, and when
   * their programmes ended.
   */
  async pairHoursBetween(db: EntityManager, from: Date, to: Date): Promise<PairHoursInput> {
    const rosters: Array<{ centre_id: string; oblast: string | null; open: boolean; effective_from: Date; facilitators: RosterRow[] }> =
      await db.query('SELECT centre_id, oblast, open, effective_from, facilitators FROM reporting.centre_roster');
    const holds: Array<PairSessionHold & { endedAt: Date | null }> = await db.query(
      `SELECT h.programme_id AS "programmeId", h.centre_id AS "centreId", h.session_key AS "sessionKey",
              h.starts_at AS "startsAt", h.ends_at AS "endsAt", e.ended_at AS "endedAt"
         FROM reporting.pair_session_hold h LEFT JOIN reporting.programme_end e USING (programme_id)
        WHERE h.starts_at >= $1 AND h.starts_at < $2`,
      [from, to],
    );
    return {
      rosters: rosters.map((row) => ({
        centreId: row.centre_id,
        oblast: row.oblast,
        open: row.open,
        effectiveFrom: row.effective_from,
        facilitators: row.facilitators.map((f) => ({ ...f, absences: f.absences.map((a) => ({ from: new Date(a.from), to: new Date(a.to) })) })),
      })),
      holds: holds.map(({ endedAt: _ended, ...hold }) => hold),
      endedAt: new Map(holds.flatMap((row) => (row.endedAt ? [[row.programmeId, row.endedAt] as const] : []))),
    };
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
