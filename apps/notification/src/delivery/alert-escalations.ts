import { EntityManager } from 'typeorm';
import { EscalatingAlert } from '@korgoo/contracts';
import { IntentSpec } from './intents';

export interface AlertEscalation {
  alertEventId: string;
  orderId: string;
  alert: EscalatingAlert;
  /** The recipients the alert was first told, as they are told again. */
  specs: IntentSpec[];
  roundsFired: number;
}

interface Row {
  alert_event_id: string;
  order_id: string;
  alert: EscalatingAlert;
  specs: IntentSpec[];
  rounds_fired: number;
}

const fromRow = (row: Row): AlertEscalation => ({
  alertEventId: row.alert_event_id,
  orderId: row.order_id,
  alert: row.alert,
  specs: row.specs,
  roundsFired: row.rounds_fired,
});

/** The alerts waiting for a person's acknowledgement, each with the time it is next told again. */
export class AlertEscalations {
  /** Once per alert: a redelivered alert keeps the schedule it has. */
  async schedule(tx: EntityManager, escalation: Omit<AlertEscalation, 'roundsFired'>, dueAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO notification.alert_escalation (alert_event_id, order_id, alert, specs, due_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (alert_event_id) DO NOTHING`,
      [escalation.alertEventId, escalation.orderId, escalation.alert, JSON.stringify(escalation.specs), dueAt],
    );
  }

  /** The earliest escalation due, claimed for this transaction so no other replica fires it. */
  async claimDue(tx: EntityManager, now: Date, passOver: readonly string[]): Promise<AlertEscalation | null> {
    const rows: Row[] = await tx.query(
      `SELECT alert_event_id, order_id, alert, specs, rounds_fired FROM notification.alert_escalation
        WHERE state = 'pending' AND due_at <= $1 AND NOT (alert_event_id = ANY($2::uuid[]))
        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now, passOver],
    );
    return rows.length ? fromRow(rows[0]) : null;
  }

  async find(db: EntityManager, alertEventId: string): Promise<AlertEscalation | null> {
    const rows: Row[] = await db.query(
      'SELECT alert_event_id, order_id, alert, specs, rounds_fired FROM notification.alert_escalation WHERE alert_event_id = $1',
      [alertEventId],
    );
    return rows.length ? fromRow(rows[0]) : null;
  }

  async acknowledged(tx: EntityManager, alertEventId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE notification.alert_escalation SET state = 'acknowledged', due_at = NULL, updated_at = $2 WHERE alert_event_id = $1`,
      [alertEventId, at],
    );
  }

  /** One more round told; the next is due at `nextDueAt`, or none follows. */
  async advanced(tx: EntityManager, alertEventId: string, roundsFired: number, nextDueAt: Date | null, at: Date): Promise<void> {
    await tx.query(
      `UPDATE notification.alert_escalation
          SET rounds_fired = $2, due_at = $3, state = CASE WHEN $3::timestamptz IS NULL THEN 'exhausted' ELSE 'pending' END, updated_at = $4
        WHERE alert_event_id = $1`,
      [alertEventId, roundsFired, nextDueAt, at],
    );
  }
}
