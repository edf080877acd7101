import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Police units: every police account belongs to one and sees only its orders. Orders registered before this
 * change keep no unit and are visible to coordinators and admins only, never to an officer.
 */
export class PoliceUnits1765000000002 implements MigrationInterface {
  name = 'PoliceUnits1765000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE gateway.police_unit (
        code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,60}$'),
        name_ky text NOT NULL,
        name_ru text NOT NULL,
        oblast text NOT NULL
      )`);
    await db.query(`
      INSERT INTO gateway.police_unit (code, name_ky, name_ru, oblast) VALUES
        ('bishkek-oktyabr', 'Октябрь РИИБ', 'Октябрьское РУВД', 'bishkek'),
        ('bishkek-sverdlov', 'Свердлов РИИБ', 'Свердловское РУВД', 'bishkek'),
        ('naryn-riib', 'Нарын РИИБ', 'Нарынское РУВД', 'naryn'),
        ('osh-city', 'Ош шаардык ИИБ', 'УВД города Ош', 'osh'),
        ('karakol-riib', 'Каракол ШИИБ', 'Каракольское ГОВД', 'issyk-kul')`);
    await db.query('ALTER TABLE gateway.account ADD COLUMN unit_code text REFERENCES gateway.police_unit (code)');
    // Existing officers without a unit keep signing in but see no orders until an admin sets their unit.
    await db.query(`ALTER TABLE gateway.account ADD CONSTRAINT account_unit_only_for_police
      CHECK (unit_code IS NULL OR role = 'police')`);
    await db.query('ALTER TABLE gateway.protection_order ADD COLUMN unit_code text REFERENCES gateway.police_unit (code)');
    await db.query('CREATE INDEX protection_order_unit ON gateway.protection_order (unit_code, registered_at DESC, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE gateway.protection_order DROP COLUMN unit_code');
    await db.query('ALTER TABLE gateway.account DROP CONSTRAINT account_unit_only_for_police');
    await db.query('ALTER TABLE gateway.account DROP COLUMN unit_code');
    await db.query('DROP TABLE gateway.police_unit');
  }
}
