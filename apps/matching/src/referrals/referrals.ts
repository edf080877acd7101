import { EntityManager } from 'typeorm';
import { ReferralListRequest, ReferralView } from '@korgoo/contracts';

export interface NewReferral {
  id: string;
  referralNumber: string;
  orderId: string;
  status: ReferralView['status'];
  centreId: string | null;
  priority: string;
  language: string;
  acknowledgeBy: Date | null;
  firstSessionAt: Date | null;
  travelMinutes: number | null;
  travelSource: string | null;
  reasons: string[];
  decision: object;
}

interface ReferralRow {
  id: string;
  referral_number: string;
  order_id: string;
  status: ReferralView['status'];
  centre_id: string | null;
  centre_name: string | null;
  priority: string;
  language: string;
  acknowledge_by: Date | null;
  first_session_at: Date | null;
  travel_minutes: number | null;
  travel_source: string | null;
  reasons: string[];
  created_at: Date;
}

/** Reads and writes referrals; every list query can be scoped to one centre. */
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
         acknowledge_by, first_session_at, travel_minutes, travel_source, reasons, decision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
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
      ],
    );
  }

  async hold(tx: EntityManager, referralId: string, booked: Array<{ index: number; bookedSessionId: string }>) {
    for (const session of booked) {
      await tx.query(
        'INSERT INTO matching.session_hold (referral_id, session_index, booked_session_id) VALUES ($1, $2, $3)',
        [referralId, session.index, session.bookedSessionId],
      );
    }
  }

  async list(db: EntityManager, request: ReferralListRequest): Promise<ReferralView[]> {
    const rows: ReferralRow[] = await db.query(
      `SELECT r.*, c.name AS centre_name FROM matching.referral r LEFT JOIN matching.centre c ON c.id = r.centre_id
        WHERE ($1::text IS NULL OR r.centre_id = $1)
          AND ($2::uuid IS NULL OR r.order_id = $2)
          AND ($3::uuid IS NULL OR r.id = $3)
        ORDER BY r.created_at DESC LIMIT $4 OFFSET $5`,
      [request.centreId ?? null, request.orderId ?? null, request.referralId ?? null, request.limit ?? 50, request.offset ?? 0],
    );
    return rows.map(toView);
  }
}

function toView(row: ReferralRow): ReferralView {
  return {
    referralId: row.id,
    referralNumber: row.referral_number,
    orderId: row.order_id,
    status: row.status,
    centreId: row.centre_id,
    centreName: row.centre_name,
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
