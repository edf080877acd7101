import { EntityManager } from 'typeorm';
import { ReferralListRequest, ReferralView, RoutingPriority } from '@korgoo/contracts';
import { RoutingFacts } from './centre-selection';
import { HandOffRow, RoutingRecord, TransitionRow } from './decision-record';
import { assertTransition, ReferralStatus } from './referral-lifecycle';

/** What every referral row holds, whether it is being written or has been read. */
interface ReferralFields {
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

export interface NewReferral extends ReferralFields {
  decision: object;
}

export interface ReferralRecord extends ReferralFields {
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
  reasons: { column: 'reasons', json: true },
  failedHandOffs: { column: 'failed_hand_offs' },
  assessmentVersion: { column: 'assessment_version' },
  routing: { column: 'routing', json: true },
  assignedBy: { column: 'assigned_by' },
};

export type ActorKind = 'system' | 'timer' | 'centre' | 'coordinator' | 'police';

export interface NewTransition {
  referralId: string;
  handOff: number;
  from: ReferralStatus | null;
  to: ReferralStatus;
  centreId: string | null;
  actor: { kind: ActorKind; id?: string | null };
  reasonCode: string;
  note?: string | null;
  at: Date;
}

export type DeadlineState = 'pending' | 'fired' | 'accepted' | 'declined' | 'superseded' | 'cancelled';

export interface Deadline {
  id: string;
  referralId: string;
  handOff: number;
  centreId: string;
  proposedAt: Date;
  dueAt: Date;
  assigned: boolean;
  state: DeadlineState;
}

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
  reasons: string[];
  failed_hand_offs: number;
  assessment_version: number;
  routing: RoutingFacts;
  assigned_by: string | null;
  created_at: Date;
}

interface DeadlineRow {
  id: string;
  referral_id: string;
  hand_off: number;
  centre_id: string;
  proposed_at: Date;
  due_at: Date;
  assigned: boolean;
  state: DeadlineState;
}

export type ReferralFilter = Omit<ReferralListRequest, 'scope'> & { centreId: string | null };

/** Reads and writes referrals, their transitions, deadlines, holds and decisions; decides nothing. */
export class Referrals {
  async existsForOrder(tx: EntityManager, orderId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM matching.referral WHERE order_id = $1', [orderId]);
    return rows.length > 0;
  }

  /** R-2026-000042: readable on the phone, says nothing about the people. */
  async nextNumber(tx: EntityManager, now: Date): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('matching.referral_number_seq') AS n`);
    return `R-${now.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
  }

  async activeLoad(tx: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ centre_id: string; n: number }> = await tx.query(
      `SELECT centre_id, count(*)::int AS n FROM matching.referral
        WHERE status IN ('proposed', 'accepted') AND centre_id IS NOT NULL GROUP BY centre_id`,
    );
    return new Map(rows.map((row) => [row.centre_id, row.n]));
  }

  async insert(tx: EntityManager, referral: NewReferral): Promise<void> {
    await tx.query(
      `INSERT INTO matching.referral (id, referral_number, order_id, status, centre_id, priority, language,
         acknowledge_by, first_session_at, travel_minutes, travel_source, reasons, decision, routing, assessment_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
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
        JSON.stringify(referral.decision),
        JSON.stringify(referral.routing),
        referral.assessmentVersion,
      ],
    );
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

  /** The referral, locked for this transaction: commands, timers and events on one referral take turns. */
  async lock(tx: EntityManager, referralId: string): Promise<ReferralRecord | null> {
    const [row]: ReferralRow[] = await tx.query('SELECT * FROM matching.referral WHERE id = $1 FOR UPDATE', [referralId]);
    return row ? toRecord(row) : null;
  }

  async lockByOrder(tx: EntityManager, orderId: string): Promise<ReferralRecord | null> {
    const [row]: ReferralRow[] = await tx.query('SELECT * FROM matching.referral WHERE order_id = $1 FOR UPDATE', [
      orderId,
    ]);
    return row ? toRecord(row) : null;
  }

  async find(db: EntityManager, referralId: string): Promise<ReferralRecord | null> {
    const [row]: ReferralRow[] = await db.query('SELECT * FROM matching.referral WHERE id = $1', [referralId]);
    return row ? toRecord(row) : null;
  }

  async hold(
    tx: EntityManager,
    referralId: string,
    handOff: number,
    booked: Array<{ index: number; bookedSessionId: string }>,
  ): Promise<void> {
    for (const session of booked) {
      await tx.query(
        `INSERT INTO matching.session_hold (referral_id, session_index, booked_session_id, hand_off) VALUES ($1, $2, $3, $4)`,
        [referralId, session.index, session.bookedSessionId, handOff],
      );
    }
  }

  /** Drops the referral's holds and answers which booked sessions they were in. */
  async dropHolds(tx: EntityManager, referralId: string): Promise<string[]> {
    // DELETE answers [rows, affected].
    const [rows]: [Array<{ booked_session_id: string }>, number] = await tx.query(
      'DELETE FROM matching.session_hold WHERE referral_id = $1 RETURNING booked_session_id',
      [referralId],
    );
    return rows.map((row) => row.booked_session_id);
  }

  async confirmHolds(tx: EntityManager, referralId: string, at: Date): Promise<void> {
    await tx.query('UPDATE matching.session_hold SET confirmed_at = $2 WHERE referral_id = $1', [referralId, at]);
  }

  async transition(tx: EntityManager, t: NewTransition): Promise<void> {
    // A row with the same status on both sides records a change within it (a deadline brought forward).
    if (t.from !== null && t.from !== t.to) assertTransition(t.from, t.to);
    await tx.query(
      `INSERT INTO matching.referral_transition
         (referral_id, hand_off, from_status, to_status, centre_id, actor_kind, actor_id, reason_code, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [t.referralId, t.handOff, t.from, t.to, t.centreId, t.actor.kind, t.actor.id ?? null, t.reasonCode, t.note ?? null, t.at],
    );
  }

  async transitions(db: EntityManager, referralId: string): Promise<TransitionRow[]> {
    const rows = await db.query(
      `SELECT hand_off, from_status, to_status, centre_id, actor_kind, actor_id, reason_code, note, at
         FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id`,
      [referralId],
    );
    return rows.map((r: Record<string, never>) => ({
      handOff: r.hand_off,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      centreId: r.centre_id,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      reasonCode: r.reason_code,
      note: r.note,
      at: r.at,
    }));
  }

  async openDeadline(
    tx: EntityManager,
    d: { referralId: string; handOff: number; centreId: string; proposedAt: Date; dueAt: Date; assigned: boolean },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO matching.referral_deadline (referral_id, hand_off, centre_id, proposed_at, due_at, assigned, state)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending')`,
      [d.referralId, d.handOff, d.centreId, d.proposedAt, d.dueAt, d.assigned],
    );
  }

  async pendingDeadline(tx: EntityManager, referralId: string): Promise<Deadline | null> {
    const [row]: DeadlineRow[] = await tx.query(
      `SELECT * FROM matching.referral_deadline WHERE referral_id = $1 AND state = 'pending'`,
      [referralId],
    );
    return row ? toDeadline(row) : null;
  }

  async latestDeadline(tx: EntityManager, referralId: string): Promise<Deadline | null> {
    const [row]: DeadlineRow[] = await tx.query(
      'SELECT * FROM matching.referral_deadline WHERE referral_id = $1 ORDER BY hand_off DESC LIMIT 1',
      [referralId],
    );
    return row ? toDeadline(row) : null;
  }

  /** Ends the waiting for an answer; the timer will not fire for it any more. */
  async resolveDeadline(tx: EntityManager, deadlineId: string, state: Exclude<DeadlineState, 'pending'>, at: Date) {
    await tx.query(`UPDATE matching.referral_deadline SET state = $2, resolved_at = $3 WHERE id = $1`, [deadlineId, state, at]);
  }

  async moveDeadline(tx: EntityManager, deadlineId: string, dueAt: Date): Promise<void> {
    await tx.query('UPDATE matching.referral_deadline SET due_at = $2 WHERE id = $1', [deadlineId, dueAt]);
  }

  /**
   * Claims the earliest due acknowledgement deadline with its referral. SKIP LOCKED hands each one to exactly
   * one replica; the claim lasts until the transaction ends, and a crash before commit leaves it due again.
   */
  async claimDueDeadline(
    tx: EntityManager,
    now: Date,
    passOver: string[] = [],
  ): Promise<{ deadlineId: string; referralId: string } | null> {
    const [row] = await tx.query(
      `SELECT d.id, d.referral_id FROM matching.referral_deadline d
         JOIN matching.referral r ON r.id = d.referral_id
        WHERE d.state = 'pending' AND d.due_at <= $1 AND d.id <> ALL($2::bigint[])
        ORDER BY d.due_at, d.id LIMIT 1
        FOR UPDATE OF d, r SKIP LOCKED`,
      [now, passOver],
    );
    return row ? { deadlineId: String(row.id), referralId: row.referral_id } : null;
  }

  async deadline(tx: EntityManager, deadlineId: string): Promise<Deadline> {
    const [row]: DeadlineRow[] = await tx.query('SELECT * FROM matching.referral_deadline WHERE id = $1', [deadlineId]);
    return toDeadline(row);
  }

  async proposalCount(tx: EntityManager, referralId: string): Promise<number> {
    const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM matching.referral_deadline WHERE referral_id = $1', [
      referralId,
    ]);
    return n;
  }

  /** Centres that declined this referral or let its deadline pass: it never goes back to them. */
  async failedCentres(tx: EntityManager, referralId: string): Promise<Map<string, 'declined' | 'expired'>> {
    const rows: Array<{ centre_id: string; state: DeadlineState }> = await tx.query(
      `SELECT centre_id, state FROM matching.referral_deadline
        WHERE referral_id = $1 AND state IN ('declined', 'fired') ORDER BY hand_off`,
      [referralId],
    );
    return new Map(rows.map((row) => [row.centre_id, row.state === 'declined' ? 'declined' : 'expired']));
  }

  async centresProposedTo(tx: EntityManager, referralId: string): Promise<Set<string>> {
    const rows: Array<{ centre_id: string }> = await tx.query(
      'SELECT DISTINCT centre_id FROM matching.referral_deadline WHERE referral_id = $1',
      [referralId],
    );
    return new Set(rows.map((row) => row.centre_id));
  }

  async handOffs(db: EntityManager, referralId: string): Promise<HandOffRow[]> {
    const rows = await db.query(
      `SELECT d.*, c.name AS centre_name FROM matching.referral_deadline d
         LEFT JOIN matching.centre c ON c.id = d.centre_id
        WHERE d.referral_id = $1 ORDER BY d.hand_off`,
      [referralId],
    );
    return rows.map((r: DeadlineRow & { centre_name: string | null; resolved_at: Date | null }) => ({
      handOff: r.hand_off,
      centreId: r.centre_id,
      centreName: r.centre_name,
      proposedAt: r.proposed_at,
      dueAt: r.due_at,
      assigned: r.assigned,
      state: r.state,
      resolvedAt: r.resolved_at,
    }));
  }

  async recordDecision(tx: EntityManager, referralId: string, record: RoutingRecord): Promise<void> {
    await tx.query(
      `INSERT INTO matching.routing_decision (referral_id, hand_off, trigger, decided_at, record) VALUES ($1, $2, $3, $4, $5)`,
      [referralId, record.handOff, record.trigger, record.decidedAt, JSON.stringify(record)],
    );
  }

  async decisions(db: EntityManager, referralId: string): Promise<RoutingRecord[]> {
    const rows: Array<{ record: RoutingRecord; hand_off: number; trigger: RoutingRecord['trigger'] }> = await db.query(
      'SELECT record, hand_off, trigger FROM matching.routing_decision WHERE referral_id = $1 ORDER BY id',
      [referralId],
    );
    // Decisions stored before the loop existed lack these two fields.
    return rows.map((row) => ({ ...row.record, handOff: row.hand_off, trigger: row.trigger }));
  }

  async isWithdrawn(tx: EntityManager, orderId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM matching.withdrawn_order WHERE order_id = $1', [orderId]);
    return rows.length > 0;
  }

  async markWithdrawn(tx: EntityManager, orderId: string, reason: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO matching.withdrawn_order (order_id, reason, withdrawn_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [orderId, reason, at],
    );
  }

  /** `centreId` null lists every centre's referrals: the caller derives it from a scope, never from an optional field. */
  async list(db: EntityManager, request: ReferralFilter): Promise<ReferralView[]> {
    const rows: ReferralRow[] = await db.query(
      `SELECT r.*, c.name AS centre_name FROM matching.referral r LEFT JOIN matching.centre c ON c.id = r.centre_id
        WHERE ($1::text IS NULL OR r.centre_id = $1)
          AND ($2::uuid IS NULL OR r.order_id = $2)
          AND ($3::uuid IS NULL OR r.id = $3)
        ORDER BY r.created_at DESC LIMIT $4 OFFSET $5`,
      [request.centreId, request.orderId ?? null, request.referralId ?? null, request.limit ?? 50, request.offset ?? 0],
    );
    return rows.map(toView);
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
    reasons: row.reasons,
    failedHandOffs: row.failed_hand_offs,
    assessmentVersion: row.assessment_version,
    routing: row.routing,
    assignedBy: row.assigned_by,
  };
}

function toDeadline(row: DeadlineRow): Deadline {
  return {
    id: String(row.id),
    referralId: row.referral_id,
    handOff: row.hand_off,
    centreId: row.centre_id,
    proposedAt: row.proposed_at,
    dueAt: row.due_at,
    assigned: row.assigned,
    state: row.state,
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
    reasons: row.reasons,
    createdAt: row.created_at.toISOString(),
  };
}
