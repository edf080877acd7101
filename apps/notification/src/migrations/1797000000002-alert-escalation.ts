import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An immediate-danger alert or an Article 72 notice is told again until a person acknowledges it: one row per
 * alert with the recipients it was told, the rounds told again so far and when the next is due.
 */
export class AlertEscalation1797000000002 implements MigrationInterface {
  name = 'AlertEscalation1797000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.alert_escalation (
        alert_event_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        alert text NOT NULL CHECK (alert IN ('immediate_danger', 'article72_notice')),
        specs jsonb NOT NULL,
        rounds_fired int NOT NULL DEFAULT 0,
        due_at timestamptz,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acknowledged', 'exhausted')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'pending') = (due_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX alert_escalation_due ON notification.alert_escalation (due_at) WHERE state = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.alert_escalation');
  }
}
