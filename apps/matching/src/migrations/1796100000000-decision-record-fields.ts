import { MigrationInterface, QueryRunner } from 'typeorm';

/** Decisions stored before the referral loop lack their hand-off and trigger; they get them once, here. */
export class DecisionRecordFields1796100000000 implements MigrationInterface {
  name = 'DecisionRecordFields1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE matching.routing_decision
         SET record = record || jsonb_build_object('handOff', hand_off, 'trigger', trigger)
       WHERE NOT (record ? 'handOff' AND record ? 'trigger')`);
  }

  async down(): Promise<void> {
    // The added fields repeat columns of the same row; leaving them is harmless.
  }
}
