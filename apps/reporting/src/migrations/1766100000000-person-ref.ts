import { MigrationInterface, QueryRunner } from 'typeorm';

/** The pseudonymous person id of an order, to link repeat orders; never the personal number itself. */
export class PersonRef1766100000000 implements MigrationInterface {
  name = 'PersonRef1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reporting.order_case ADD COLUMN person_ref text');
    await db.query('CREATE INDEX order_case_person ON reporting.order_case (person_ref) WHERE person_ref IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reporting.order_case DROP COLUMN person_ref');
  }
}
