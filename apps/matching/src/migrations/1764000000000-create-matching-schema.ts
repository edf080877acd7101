import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

export class CreateMatchingSchema1764000000000 implements MigrationInterface {
  name = 'CreateMatchingSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('matching')) await db.query(sql);
    await db.query(`
      CREATE TABLE matching.centre (
        id text PRIMARY KEY,
        name text NOT NULL,
        settlement_code text NOT NULL,
        oblast text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'paused')),
        group_capacity int NOT NULL CHECK (group_capacity > 0),
        demo boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE TABLE matching.facilitator (
        id text PRIMARY KEY,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        display_name text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('male', 'female')),
        languages text[] NOT NULL,
        certified_on date,
        active boolean NOT NULL,
        weekly jsonb NOT NULL,
        exceptions jsonb NOT NULL DEFAULT '[]'
      )`);
    await db.query(`
      CREATE TABLE matching.booked_session (
        id uuid PRIMARY KEY,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        kind text NOT NULL CHECK (kind IN ('individual', 'group')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        facilitator_ids text[] NOT NULL,
        language text NOT NULL,
        participants int NOT NULL CHECK (participants > 0)
      )`);
    await db.query('CREATE INDEX booked_session_centre_time ON matching.booked_session (centre_id, starts_at)');
    await db.query('CREATE SEQUENCE matching.referral_number_seq');
    await db.query(`
      CREATE TABLE matching.referral (
        id uuid PRIMARY KEY,
        referral_number text NOT NULL UNIQUE,
        order_id uuid NOT NULL UNIQUE,
        status text NOT NULL,
        centre_id text REFERENCES matching.centre (id),
        priority text NOT NULL,
        language text NOT NULL,
        acknowledge_by timestamptz,
        first_session_at timestamptz,
        travel_minutes int,
        travel_source text,
        reasons jsonb NOT NULL DEFAULT '[]',
        decision jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX referral_centre ON matching.referral (centre_id, created_at DESC)');
    await db.query(`
      CREATE TABLE matching.session_hold (
        referral_id uuid NOT NULL REFERENCES matching.referral (id),
        session_index int NOT NULL,
        booked_session_id uuid NOT NULL REFERENCES matching.booked_session (id),
        PRIMARY KEY (referral_id, session_index)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['session_hold', 'referral', 'booked_session', 'facilitator', 'centre']) {
      await db.query(`DROP TABLE matching.${table}`);
    }
    await db.query('DROP SEQUENCE matching.referral_number_seq');
    for (const sql of dropMessagingTablesSql('matching')) await db.query(sql);
  }
}
