import { Client } from 'pg';
import { loadConfig } from '@korgoo/config';
import { AuditChainVerifier, ChainedAuditEntry, chainStartAfter } from '../apps/gateway/src/audit/audit-chain';

const PAGE = 5000;

/**
 * Recomputes the gateway audit log's hash chain (from the latest retention purge's anchor, if any): `npm run audit:verify` (DATABASE_URL as for the gateway).
 * Exits 0 and prints the last hash when every entry is intact (keep that hash somewhere else: an attacker
 * who rewrites the whole chain changes it), 1 and the first broken entry otherwise.
 */
export async function verifyAuditChain(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Entries past their retention term are purged from the start: the chain then starts at the latest purge's anchor.
    const purges = await client.query<{ detail: string }>(
      `SELECT detail FROM gateway.audit_log WHERE action = 'purge' AND resource_type = 'audit_log' ORDER BY id DESC LIMIT 1`,
    );
    const verifier = new AuditChainVerifier(chainStartAfter(purges.rows[0]?.detail ?? null));
    let after = '0';
    for (;;) {
      const { rows } = await client.query<ChainedAuditEntry>(
        `SELECT id, actor_id AS "actorId", actor_role AS "actorRole", centre_id AS "centreId", unit_code AS "unitCode",
                action, resource_type AS "resourceType", resource_id AS "resourceId", outcome, ip,
                request_id AS "requestId", at, detail, prev_hash AS "prevHash", hash
           FROM gateway.audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, PAGE],
      );
      for (const row of rows) if (!verifier.add(row)) return verifier.verdict();
      if (rows.length < PAGE) return verifier.verdict();
      after = rows[rows.length - 1].id;
    }
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  verifyAuditChain(loadConfig('gateway').databaseUrl)
    .then((verdict) => {
      process.stdout.write(`${JSON.stringify(verdict)}\n`);
      process.exit(verdict.intact ? 0 : 1);
    })
    .catch((error) => {
      process.stderr.write(`audit chain could not be read: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    });
}
