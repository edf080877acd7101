import { EntityManager } from 'typeorm';
import type { HandOffRow } from '../decision-record';

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

/** Reads and writes acknowledgement deadlines, one per hand-off to a centre; decides nothing. */
export class DeadlineRepository {
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
   * Claims the earliest due acknowledgement deadline with its centre and referral. SKIP LOCKED hands each one to
   * exactly one replica; the claim lasts until the transaction ends, and a crash before commit leaves it due again.
   * The centre is claimed with them, never waited for afterwards while the referral is held (see
   * `ReferralRepository.lock`); a deadline whose centre is busy is left for the next pass.
   */
  async claimDueDeadline(
    tx: EntityManager,
    now: Date,
    passOver: readonly string[] = [],
  ): Promise<{ deadlineId: string; referralId: string } | null> {
    const [row] = await tx.query(
      `SELECT d.id, d.referral_id FROM matching.referral_deadline d
         JOIN matching.referral r ON r.id = d.referral_id
         JOIN matching.centre c ON c.id = d.centre_id
        WHERE d.state = 'pending' AND d.due_at <= $1 AND d.id <> ALL($2::bigint[])
        ORDER BY d.due_at, d.id LIMIT 1
        FOR UPDATE OF c, d, r SKIP LOCKED`,
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

  /** The hand-off the referral is at: its latest proposal's, 0 before any. */
  async currentHandOff(tx: EntityManager, referralId: string): Promise<number> {
    const [{ n }] = await tx.query('SELECT coalesce(max(hand_off), 0)::int AS n FROM matching.referral_deadline WHERE referral_id = $1', [
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

