import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers; everything but the chain itself. */
export interface AuditFacts {
  actorId: string | null;
  actorRole: string | null;
  centreId: string | null;
  unitCode: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  at: Date;
  /** A system entry's facts beyond the resource (a purge's count and anchor); absent on every other entry. */
  detail?: string | null;
}

export interface ChainedAuditEntry extends AuditFacts {
  id: string;
  prevHash: string;
  hash: string;
}

/** The hash before the first entry. */
export const CHAIN_START = '0'.repeat(64);

/** Each entry's hash covers its facts and the previous entry's hash, so editing one row breaks every later link. */
export function chainHash(prevHash: string, facts: AuditFacts): string {
  return createHash('sha256').update(`["${prevHash}",${chainedFacts(facts)}`).digest('hex');
}

/**
 * The hashed text after the previous hash: `JSON.stringify([prevHash, ...facts])` is `["<prevHash>",` followed
 * by this, since a hash is hex. PostgreSQL's `gateway.audit_append` hashes the same text once it holds the head.
 */
export function chainedFacts(facts: AuditFacts): string {
  return JSON.stringify([
    ...factsBeforeTime(facts),
    facts.at.toISOString(),
    // Hashed only where present, so entries written before details existed keep their hashes.
    ...(facts.detail == null ? [] : [facts.detail]),
  ]).slice(1);
}

// One chain for the whole log: writers take turns from reading the head to their commit.
const CHAIN_LOCK = 0x6b6f7267;

/** `gateway.audit_append`'s parameter types in its order, for a statement that calls it on rows of its own. */
export const AUDIT_APPEND_TYPES = [
  'bigint',
  'text',
  'uuid',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'timestamptz',
  'text',
] as const;

/** An entry's arguments to `gateway.audit_append`: the chain's lock, the hashed text, then each column as hashed. */
export function auditAppendArguments(facts: AuditFacts): unknown[] {
  return [CHAIN_LOCK, chainedFacts(facts), ...factsBeforeTime(facts), facts.at, facts.detail ?? null];
}

/** The facts in the order they are hashed, up to the time: who, what, on which resource, how it ended, from where. */
export function factsBeforeTime(facts: AuditFacts): Array<string | null> {
  return [
    facts.actorId,
    facts.actorRole,
    facts.centreId,
    facts.unitCode,
    facts.action,
    facts.resourceType,
    facts.resourceId,
    facts.outcome,
    facts.ip,
    facts.requestId,
  ];
}

/**
 * What a retention purge of the oldest entries writes in its own entry: how many went, the cutoff, and the
 * last purged entry, whose hash the oldest kept entry links to. Chained like every entry, so the anchor a
 * verification starts from cannot be moved without breaking the chain after it.
 */
export interface AuditPurge {
  entries: number;
  before: string;
  throughId: string;
  throughHash: string;
}

export function purgeDetail(purge: AuditPurge): string {
  return JSON.stringify({ entries: purge.entries, before: purge.before, throughId: purge.throughId, throughHash: purge.throughHash });
}

/** Where verification starts: the link named by the latest purge's detail, or the chain's start when none ran. */
export function chainStartAfter(latestPurgeDetail: string | null): string {
  return latestPurgeDetail === null ? CHAIN_START : (JSON.parse(latestPurgeDetail) as AuditPurge).throughHash;
}

export type ChainVerdict =
  | { intact: true; entries: number; lastHash: string }
  | { intact: false; entries: number; brokenAt: string; reason: 'edited' | 'relinked' };

/** Walks entries in id order, continuing from `prevHash` (the last hash of the previous page). */
export class AuditChainVerifier {
  private entries = 0;
  private broken: ChainVerdict | null = null;

  constructor(private prevHash = CHAIN_START) {}

  add(entry: ChainedAuditEntry): boolean {
    if (this.broken) return false;
    this.entries++;
    if (entry.prevHash !== this.prevHash) {
      this.broken = { intact: false, entries: this.entries, brokenAt: entry.id, reason: 'relinked' };
    } else if (entry.hash !== chainHash(entry.prevHash, entry)) {
      this.broken = { intact: false, entries: this.entries, brokenAt: entry.id, reason: 'edited' };
    }
    this.prevHash = entry.hash;
    return !this.broken;
  }

  verdict(): ChainVerdict {
    return this.broken ?? { intact: true, entries: this.entries, lastHash: this.prevHash };
  }
}
