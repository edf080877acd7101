import { EntityManager } from 'typeorm';
import { ReferralListRequest, ReferralView, RoutingPriority } from '@korgoo/contracts';
import { afterPositionSql, orderSql, OutboxRowToWrite, pageOfRows, positionSql } from '@korgoo/messaging';
import { CentreDirectory, OPEN_CENTRES_SQL, OpenCentre } from '../../directory/centre-directory';
import type { RoutingFacts } from '../centre-selection';
import type { RoutingRecord } from '../decision-record';
import type { ReferralStatus } from '../referral-lifecycle';
import { openReminder } from './reminder-repository';
import { insertTransitions } from './transition-repository';

/** What every referral row holds, whether it is being written or has been read. */
export interface ReferralFields {
  id: string;
  referralNumber: string;
  orderId: string;
  status: ReferralStatus;
  centreId: string | null;
  priority: RoutingPriority;
  language: string;
  acknowledgeBy: Date | null;
  firstSessionAt: Date | null;
  travelMinutes: number | null;
  travelSource: string | null;
  reasons: string[];
  routing: RoutingFacts;
  assessmentVersion: number;
}

/** What matching heard of the order's period after its assessment. */
export interface OrderPeriod {
  extendedTo: Date | null;
  endedUnplacedAt: Date | null;
}

export interface OrderBeforeRouting {
  extendedTo: Date | null;
  /**
   * The next referral number, drawn in the same statement, so that the events naming it can be written with the
   * referral. Null for an order already referred (a redelivered or repeated assessment) or withdrawn: nothing is
   * routed and no number is spent.
   */
  drawnNumber: string | null;
  /** Read in the same statement: the centres routing assesses, each at its calendar's version. */
  openCentres: OpenCentre[];
}

export type ReferralFilter = Omit<ReferralListRequest, 'scope'> & { centreId: string | null };

/** R-2026-000042: readable on the phone, says nothing about the people; `drawn` comes from `beforeRouting`. */
export function referralNumber(year: number, drawn: string): string {
  return `R-${year}-${drawn.padStart(6, '0')}`;
}

export interface ReferralRecord extends ReferralFields {
  /** The outreach point's settlement where the sessions are held; null at the centre. */
  outreachSettlementCode: string | null;
  failedHandOffs: number;
  assignedBy: string | null;
}

export type ReferralChanges = Partial<
  Pick<
    ReferralRecord,
    | 'status'
    | 'centreId'
    | 'priority'
    | 'acknowledgeBy'
    | 'firstSessionAt'
    | 'travelMinutes'
    | 'travelSource'
    | 'outreachSettlementCode'
    | 'reasons'
    | 'failedHandOffs'
    | 'assessmentVersion'
    | 'routing'
    | 'assignedBy'
  >
>;

const COLUMNS: Record<keyof ReferralChanges, { column: string; json?: true }> = {
  status: { column: 'status' },
  centreId: { column: 'centre_id' },
  priority: { column: 'priority' },
  acknowledgeBy: { column: 'acknowledge_by' },
  firstSessionAt: { column: 'first_session_at' },
  travelMinutes: { column: 'travel_minutes' },
  travelSource: { column: 'travel_source' },
  outreachSettlementCode: { column: 'outreach_settlement_code' },
  reasons: { column: 'reasons', json: true },
  failedHandOffs: { column: 'failed_hand_offs' },
  assessmentVersion: { column: 'assessment_version' },
  routing: { column: 'routing', json: true },
  assignedBy: { column: 'assigned_by' },
};

interface ReferralRow {
  id: string;
  referral_number: string;
  order_id: string;
  status: ReferralStatus;
  centre_id: string | null;
  centre_name?: string | null;
  priority: RoutingPriority;
  language: string;
  acknowledge_by: Date | null;
  first_session_at: Date | null;
  travel_minutes: number | null;
  travel_source: string | null;
  outreach_settlement_code: string | null;
  reasons: string[];
  failed_hand_offs: number;
  assessment_version: number;
  routing: RoutingFacts;
  assigned_by: string | null;
  created_at: Date;
}

/** A referral's centre changed between reading it and locking the referral: the whole work is tried again. */
export class ReferralChangedCentre extends Error {}

/** Reads and writes referral rows and what is known of their orders (withdrawn, extended, ended unplaced); decides nothing. */
export class ReferralRepository {
  constructor(private readonly directory: CentreDirectory) {}

  /** What routing must know of an order before it starts, read in one statement. */
  async beforeRouting(tx: EntityManager, orderId: string): Promise<OrderBeforeRouting> {
    const [row]: Array<{ extended_to: Date | null; drawn: string | null; open_centres: OpenCentre[] }> = await tx.query(
      `WITH known AS (
         SELECT EXISTS (SELECT 1 FROM matching.referral WHERE order_id = $1) AS referred,
                EXISTS (SELECT 1 FROM matching.withdrawn_order WHERE order_id = $1) AS withdrawn)
       SELECT (SELECT extended_to FROM matching.order_period WHERE order_id = $1) AS extended_to,
              CASE WHEN NOT referred AND NOT withdrawn THEN nextval('matching.referral_number_seq')::text END AS drawn,
              ${OPEN_CENTRES_SQL} AS open_centres
         FROM known`,
      [orderId],
    );
    return { extendedTo: row.extended_to, drawnNumber: row.drawn, openCentres: row.open_centres };
  }

  async activeLoad(tx: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ centre_id: string; n: number }> = await tx.query(
      `SELECT centre_id, count(*)::int AS n FROM matching.referral
        WHERE status IN ('proposed', 'accepted') AND centre_id IS NOT NULL GROUP BY centre_id`,
    );
    return new Map(rows.map((row) => [row.centre_id, row.n]));
  }

  /**
   * The new referral as stored; this transaction holds its row lock from the insert on. Its routing decision is
   * written in the same statement, and so, for a referral left to the coordinators, its first transition and
   * reminder timer, and the event that announces it (`announce`): one write where there were five. Nothing comes
   * back but the id: the decision record alone is some kilobytes of JSON the caller already holds.
   */
  async insert(
    tx: EntityManager,
    referral: ReferralFields,
    decision: RoutingRecord,
    waiting?: { reasonCode: string; since: Date; remindAt: Date; announce: OutboxRowToWrite<unknown> },
  ): Promise<ReferralRecord> {
    const waitingWrites = waiting
      ? `, moved AS (${insertTransitions(`SELECT id, $15, NULL, status, NULL, 'system', NULL, $19, NULL, $20 FROM made`)}),
         reminded AS (${openReminder(`SELECT id, $20, $21, 'pending' FROM made`)}),
         announced AS (INSERT INTO matching.outbox (event_id, subject, envelope) SELECT $22, $23, $24 FROM made)`
      : '';
    await tx.query(
      `WITH made AS (
         INSERT INTO matching.referral (id, referral_number, order_id, status, centre_id, priority, language,
           acknowledge_by, first_session_at, travel_minutes, travel_source, reasons, routing, assessment_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id, status),
       decided AS (
         INSERT INTO matching.routing_decision (referral_id, hand_off, trigger, decided_at, record) SELECT id, $15, $16, $17, $18 FROM made)
       ${waitingWrites}
       SELECT id FROM made`,
      [
        referral.id,
        referral.referralNumber,
        referral.orderId,
        referral.status,
        referral.centreId,
        referral.priority,
        referral.language,
        referral.acknowledgeBy,
        referral.firstSessionAt,
        referral.travelMinutes,
        referral.travelSource,
        JSON.stringify(referral.reasons),
        JSON.stringify(referral.routing),
        referral.assessmentVersion,
        decision.handOff,
        decision.trigger,
        decision.decidedAt,
        JSON.stringify(decision),
        ...(waiting
          ? [waiting.reasonCode, waiting.since, waiting.remindAt, waiting.announce.eventId, waiting.announce.subject, waiting.announce.envelopeJson]
          : []),
      ],
    );
    return { ...referral, outreachSettlementCode: null, failedHandOffs: 0, assignedBy: null };
  }

  async update(tx: EntityManager, referralId: string, changes: ReferralChanges): Promise<void> {
    const keys = (Object.keys(changes) as Array<keyof ReferralChanges>).filter((k) => changes[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((key, i) => `${COLUMNS[key].column} = $${i + 2}`);
    const values = keys.map((key) => (COLUMNS[key].json ? JSON.stringify(changes[key]) : changes[key]));
    await tx.query(`UPDATE matching.referral SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [
      referralId,
      ...values,
    ]);
  }

  /** The referral, locked for this transaction after its centre: commands, timers and events on one referral take turns. */
  lock(tx: EntityManager, referralId: string): Promise<ReferralRecord | null> {
    return this.lockAfterCentre(tx, 'id', referralId);
  }

  lockByOrder(tx: EntityManager, orderId: string): Promise<ReferralRecord | null> {
    return this.lockAfterCentre(tx, 'order_id', orderId);
  }

  /**
   * Every path takes a centre's lock before a referral's: a facilitator's absence holds the centre and then locks
   * the referrals booked there, and giving a referral's sessions back touches its centre's row (the calendar
   * version's trigger), so taking the two the other way round would deadlock with it. The centre is read without
   * a lock; a referral that moved to another centre before its lock is a lost race, tried again whole.
   */
  private async lockAfterCentre(tx: EntityManager, by: 'id' | 'order_id', value: string): Promise<ReferralRecord | null> {
    const [seen]: Array<Pick<ReferralRow, 'id' | 'centre_id'>> = await tx.query(
      `SELECT id, centre_id FROM matching.referral WHERE ${by} = $1`,
      [value],
    );
    if (!seen) return null;
    if (seen.centre_id) await this.directory.lockCentre(tx, seen.centre_id);
    const [row]: ReferralRow[] = await tx.query('SELECT * FROM matching.referral WHERE id = $1 FOR UPDATE', [seen.id]);
    if (row.centre_id !== seen.centre_id) throw new ReferralChangedCentre(`referral ${seen.id} moved to another centre before its lock`);
    return toRecord(row);
  }

  /** Referrals waiting for capacity, locked; those another transaction holds are left for it. */
  async lockWaiting(tx: EntityManager): Promise<ReferralRecord[]> {
    const rows: ReferralRow[] = await tx.query(
      `SELECT * FROM matching.referral WHERE status = 'unroutable' FOR UPDATE SKIP LOCKED`,
    );
    return rows.map(toRecord);
  }

  async find(db: EntityManager, referralId: string): Promise<ReferralRecord | null> {
    const [row]: ReferralRow[] = await db.query('SELECT * FROM matching.referral WHERE id = $1', [referralId]);
    return row ? toRecord(row) : null;
  }

  /** `centreId` null lists every centre's referrals: callers derive it from a scope, never from an optional field. */
  /** Newest first, one page at a time, the page's position applied in SQL. */
  async list(db: EntityManager, request: ReferralFilter): Promise<{ items: ReferralView[]; next: string | null }> {
    const limit = request.limit ?? 50;
    const rows: Array<ReferralRow & { position: string }> = await db.query(
      `SELECT r.*, c.name AS centre_name, ${positionSql('r')} AS position
         FROM matching.referral r LEFT JOIN matching.centre c ON c.id = r.centre_id
        WHERE ($1::text IS NULL OR r.centre_id = $1)
          AND ($2::uuid IS NULL OR r.order_id = $2)
          AND ($3::uuid IS NULL OR r.id = $3)
          AND ${afterPositionSql('r', '$4')}
        ORDER BY ${orderSql('r')} LIMIT $5`,
      [request.centreId, request.orderId ?? null, request.referralId ?? null, request.after ?? null, limit + 1],
    );
    return pageOfRows(rows, limit, toView);
  }

  /** The newest referral of each order, as `list` with an order id and a limit of 1 gives it one order at a time. */
  async newestByOrders(db: EntityManager, orderIds: string[], centreId: string | null): Promise<ReferralView[]> {
    const rows: ReferralRow[] = await db.query(
      `SELECT DISTINCT ON (r.order_id) r.*, c.name AS centre_name
         FROM matching.referral r LEFT JOIN matching.centre c ON c.id = r.centre_id
        WHERE ($1::text IS NULL OR r.centre_id = $1) AND r.order_id = ANY($2::uuid[])
        ORDER BY r.order_id, ${orderSql('r')}`,
      [centreId, orderIds],
    );
    return rows.map(toView);
  }

  async markWithdrawn(tx: EntityManager, orderId: string, reason: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO matching.withdrawn_order (order_id, reason, withdrawn_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [orderId, reason, at],
    );
  }
  /** Keeps the latest expiry the police extended the order to; never an earlier one, whatever order events come in. */
  async noteExtension(tx: EntityManager, orderId: string, expiresAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO matching.order_period (order_id, extended_to) VALUES ($1, $2)
       ON CONFLICT (order_id) DO UPDATE SET extended_to = GREATEST(matching.order_period.extended_to, EXCLUDED.extended_to)`,
      [orderId, expiresAt],
    );
  }

  async noteEndedUnplaced(tx: EntityManager, orderId: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO matching.order_period (order_id, ended_unplaced_at) VALUES ($1, $2)
       ON CONFLICT (order_id) DO UPDATE SET ended_unplaced_at = COALESCE(matching.order_period.ended_unplaced_at, EXCLUDED.ended_unplaced_at)`,
      [orderId, at],
    );
  }

  async orderPeriod(tx: EntityManager, orderId: string): Promise<OrderPeriod> {
    const [row]: Array<{ extended_to: Date | null; ended_unplaced_at: Date | null }> = await tx.query(
      'SELECT extended_to, ended_unplaced_at FROM matching.order_period WHERE order_id = $1',
      [orderId],
    );
    return { extendedTo: row?.extended_to ?? null, endedUnplacedAt: row?.ended_unplaced_at ?? null };
  }
}

function toRecord(row: ReferralRow): ReferralRecord {
  return {
    id: row.id,
    referralNumber: row.referral_number,
    orderId: row.order_id,
    status: row.status,
    centreId: row.centre_id,
    priority: row.priority,
    language: row.language,
    acknowledgeBy: row.acknowledge_by,
    firstSessionAt: row.first_session_at,
    travelMinutes: row.travel_minutes,
    travelSource: row.travel_source,
    outreachSettlementCode: row.outreach_settlement_code,
    reasons: row.reasons,
    failedHandOffs: row.failed_hand_offs,
    assessmentVersion: row.assessment_version,
    routing: row.routing,
    assignedBy: row.assigned_by,
  };
}

function toView(row: ReferralRow): ReferralView {
  return {
    referralId: row.id,
    referralNumber: row.referral_number,
    orderId: row.order_id,
    status: row.status,
    centreId: row.centre_id,
    centreName: row.centre_name ?? null,
    priority: row.priority,
    language: row.language,
    acknowledgeBy: row.acknowledge_by?.toISOString() ?? null,
    firstSessionAt: row.first_session_at?.toISOString() ?? null,
    travelMinutes: row.travel_minutes,
    travelSource: row.travel_source,
    outreachSettlementCode: row.outreach_settlement_code,
    reasons: row.reasons,
    createdAt: row.created_at.toISOString(),
  };
}
