import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log gets a retention term, kept in `gateway.audit_retention`: the owner writes it from
 * RETENTION_AUDIT_YEARS at every start, the gateway's role may only read it, and it is never under five
 * years. The entries stay append-only for the services: the gateway's role may not DELETE, only call
 * `gateway.purge_audit_log`, which runs as the owner, removes the oldest entries as one run from the start
 * of the chain, and refuses any cutoff inside the term by the database's own clock. The trigger lets a
 * DELETE through only for an entry past the term, whoever asks; UPDATE and TRUNCATE stay refused. `detail`
 * carries what a system entry needs beyond the resource (a purge's count and the link the chain now starts
 * from) and is chained too.
 */
export class AuditRetention1770000000000 implements MigrationInterface {
  name = 'AuditRetention1770000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE gateway.audit_log ADD COLUMN detail text');
    await db.query(`
      CREATE TABLE gateway.audit_retention (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        years integer NOT NULL CHECK (years >= 5)
      )`);
    // The least the database allows; the owner writes the configured term over it at every start.
    await db.query('INSERT INTO gateway.audit_retention (years) VALUES (5)');
    await db.query(`
      CREATE OR REPLACE FUNCTION gateway.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.at < now() - make_interval(years => (SELECT r.years FROM gateway.audit_retention r)) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'gateway.audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE FUNCTION gateway.purge_audit_log(purge_before timestamptz, max_entries integer)
        RETURNS TABLE (entries integer, through_id bigint, through_hash text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        term integer := (SELECT r.years FROM gateway.audit_retention r);
      BEGIN
        IF purge_before > now() - make_interval(years => term) THEN
          RAISE EXCEPTION 'audit entries younger than % years are kept', term USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- One purge at a time. Only the first entries by id, up to the first one written at or after the
        -- cutoff: what is left still verifies from the last purged entry's hash. Read by primary key alone.
        PERFORM pg_advisory_xact_lock(hashtext('gateway.purge_audit_log'));
        RETURN QUERY
          WITH head AS (SELECT o.id, o.at FROM gateway.audit_log o ORDER BY o.id LIMIT max_entries),
               stop AS (SELECT min(h.id) AS id FROM head h WHERE h.at >= purge_before),
               purged AS (
                 DELETE FROM gateway.audit_log a
                  WHERE a.id IN (SELECT h.id FROM head h, stop WHERE stop.id IS NULL OR h.id < stop.id)
                 RETURNING a.id, a.hash)
          SELECT count(*)::integer, max(p.id), (SELECT l.hash FROM purged l ORDER BY l.id DESC LIMIT 1) FROM purged p;
      END $$`);
    await db.query('REVOKE ALL ON FUNCTION gateway.purge_audit_log(timestamptz, integer) FROM PUBLIC');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION gateway.purge_audit_log(timestamptz, integer)');
    await db.query(`
      CREATE OR REPLACE FUNCTION gateway.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'gateway.audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query('DROP TABLE gateway.audit_retention');
    await db.query('ALTER TABLE gateway.audit_log DROP COLUMN detail');
  }
}
