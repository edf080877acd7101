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
  const canonical = JSON.stringify([
    prevHash,
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
    facts.at.toISOString(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
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
