/**
 * Each service's Postgres role: `korgoo_<schema>`, allowed to read and write the tables of its own schema
 * and nothing else (no DDL, no TRUNCATE, no other schema). The schema owner runs migrations; the service
 * connects as a login that holds only this role, so a bug or an injection in one service cannot read
 * another's data or rewrite the audit log.
 */
export interface ServiceRolePlan {
  schema: string;
  /** Tables the service may read and append to but never change (the audit log). */
  appendOnly: readonly string[];
  /** Tables the service may read but never change (a setting its owner writes from configuration). */
  readOnly?: readonly string[];
  /** The login the service connects as, when it is not the owner: it is given the role. */
  login: string | null;
}

export const serviceRoleName = (schema: string): string => `korgoo_${schema}`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The statements, in order; each is idempotent so every start (and every replica) can run them. */
export function serviceRoleStatements(plan: ServiceRolePlan): string[] {
  const role = quoted(serviceRoleName(plan.schema));
  const schema = quoted(plan.schema);
  return [
    // A role an administrator made beforehand is used as it is (the owner then needs no CREATEROLE); two
    // databases of one cluster, or two replicas, may create it at the same moment.
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${role} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    `REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
    // A function a migration keeps from PUBLIC (the audit log's retention purge) is the service's to call.
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`,
    ...plan.appendOnly.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.${quoted(table)} FROM ${role}`),
    ...(plan.readOnly ?? []).map((table) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.${quoted(table)} FROM ${role}`),
    ...(plan.login ? [grantOnce(role, quoted(plan.login))] : []),
  ];
}

/** A quoted identifier as a string literal; safe because `quoted` admits plain identifiers only. */
const literal = (quotedName: string): string => `'${quotedName.slice(1, -1)}'`;

function grantOnce(role: string, login: string): string {
  return `DO $$ BEGIN IF NOT pg_has_role(${literal(login)}, ${literal(role)}, 'MEMBER') THEN GRANT ${role} TO ${login}; END IF;
    EXCEPTION WHEN unique_violation THEN NULL; END $$`;
}

/** The user a postgres:// URL logs in as, or null when it names none. */
export function loginOf(url: string): string | null {
  return decodeURIComponent(new URL(url).username) || null;
}
