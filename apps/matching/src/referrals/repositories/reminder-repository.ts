import { EntityManager } from 'typeorm';

export interface DueReminder {
  reminderId: string;
  referralId: string;
}

export interface PendingReminder extends DueReminder {
  waitingSince: Date;
  dueAt: Date;
  sent: number;
}

/**
 * Starts the timer from `row` (a VALUES row, or a SELECT where the referral is made in the same statement) unless
 * one runs already: a referral still waiting keeps its rhythm.
 */
export function openReminder(row: string): string {
  return `INSERT INTO matching.decision_reminder (referral_id, waiting_since, due_at, state) ${row}
    ON CONFLICT (referral_id) WHERE state = 'pending' DO NOTHING`;
}

/** Reads and writes the reminder timer of referrals waiting for the coordinators; decides nothing. */
export class ReminderRepository {
  async open(tx: EntityManager, referralId: string, waitingSince: Date, dueAt: Date): Promise<void> {
    await tx.query(openReminder(`VALUES ($1, $2, $3, 'pending')`), [referralId, waitingSince, dueAt]);
  }

  async stop(tx: EntityManager, referralId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE matching.decision_reminder SET state = 'stopped', stopped_at = $2 WHERE referral_id = $1 AND state = 'pending'`,
      [referralId, at],
    );
  }

  /** Claims the earliest due reminder with its referral; SKIP LOCKED hands each to exactly one replica. */
  async claimDue(tx: EntityManager, now: Date, passOver: readonly string[]): Promise<DueReminder | null> {
    const [row] = await tx.query(
      `SELECT m.id, m.referral_id FROM matching.decision_reminder m
         JOIN matching.referral r ON r.id = m.referral_id
        WHERE m.state = 'pending' AND m.due_at <= $1 AND m.id <> ALL($2::bigint[])
        ORDER BY m.due_at, m.id LIMIT 1
        FOR UPDATE OF m, r SKIP LOCKED`,
      [now, passOver],
    );
    return row ? { reminderId: String(row.id), referralId: row.referral_id } : null;
  }

  async reminder(tx: EntityManager, reminderId: string): Promise<PendingReminder> {
    const [row] = await tx.query('SELECT * FROM matching.decision_reminder WHERE id = $1', [reminderId]);
    return { reminderId: String(row.id), referralId: row.referral_id, waitingSince: row.waiting_since, dueAt: row.due_at, sent: row.sent };
  }

  async sent(tx: EntityManager, reminderId: string, sent: number, nextDueAt: Date): Promise<void> {
    await tx.query('UPDATE matching.decision_reminder SET sent = $2, due_at = $3 WHERE id = $1', [reminderId, sent, nextDueAt]);
  }
}
