import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders waiting for a programme: an order that reaches its expiry with none ends `expired_unplaced`, with
 * routing's reasons. Its timer is a row like a programme's, keyed by the order instead.
 */
export class UnplacedOrders1796300000000 implements MigrationInterface {
  name = 'UnplacedOrders1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programme.placement (
        order_id uuid PRIMARY KEY,
        expires_at timestamptz,
        state text NOT NULL CHECK (state IN ('waiting', 'withdrawn', 'expired_unplaced')),
        reasons jsonb NOT NULL DEFAULT '[]',
        ended_at timestamptz
      )`);
    await db.query('ALTER TABLE programme.timer ALTER COLUMN programme_id DROP NOT NULL');
    await db.query('ALTER TABLE programme.timer ADD COLUMN order_id uuid REFERENCES programme.placement (order_id)');
    await db.query('ALTER TABLE programme.timer ADD CONSTRAINT timer_owner CHECK ((programme_id IS NULL) <> (order_id IS NULL))');
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(
      `ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN ('attendance_missing', 'expiry_check', 'make_up', 'order_expiry'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DELETE FROM programme.timer WHERE kind = 'order_expiry'");
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(`ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN ('attendance_missing', 'expiry_check', 'make_up'))`);
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_owner');
    await db.query('ALTER TABLE programme.timer DROP COLUMN order_id');
    await db.query('ALTER TABLE programme.timer ALTER COLUMN programme_id SET NOT NULL');
    await db.query('DROP TABLE programme.placement');
  }
}
