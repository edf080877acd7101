import { createHash } from 'node:crypto';
import {
  AUDIT_APPEND_TYPES,
  auditAppendArguments,
  AuditChainVerifier,
  AuditFacts,
  CHAIN_START,
  chainHash,
  ChainedAuditEntry,
  chainStartAfter,
  purgeDetail,
} from './audit-chain';

function chain(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let prevHash = CHAIN_START;
  for (let i = 1; i <= count; i++) {
    const facts: AuditFacts = {
      actorId: '9a0c7d5e-1f2b-4c3d-8e9f-0a1b2c3d4e5f',
      actorRole: 'police',
      centreId: null,
      unitCode: 'naryn-riib',
      action: 'read',
      resourceType: 'protection_order',
      resourceId: `order-${i}`,
      outcome: 'success',
      ip: '10.0.0.7',
      requestId: `req-${i}-abcdef`,
      at: new Date(Date.UTC(2026, 11, 2, 10, 0, i)),
    };
    const hash = chainHash(prevHash, facts);
    entries.push({ ...facts, id: String(i), prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

function verify(entries: ChainedAuditEntry[], start = CHAIN_START) {
  const verifier = new AuditChainVerifier(start);
  for (const entry of entries) verifier.add(entry);
  return verifier.verdict();
}

describe('audit hash chain', () => {
  it('hashes the JSON array of the previous hash and the facts, as every entry ever written was hashed', () => {
    const [entry] = chain(1);
    const facts = [entry.actorId, entry.actorRole, entry.centreId, entry.unitCode, entry.action, entry.resourceType, entry.resourceId, entry.outcome, entry.ip, entry.requestId, entry.at.toISOString()];
    const previous = 'ab'.repeat(32);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(chainHash(previous, entry)).toBe(sha256(JSON.stringify([previous, ...facts])));
    expect(chainHash(previous, { ...entry, detail: '{"entries":3}' })).toBe(sha256(JSON.stringify([previous, ...facts, '{"entries":3}'])));
    expect(chainHash(previous, { ...entry, resourceId: 'Асанов "№ 5"' })).toBe(sha256(JSON.stringify([previous, ...facts.slice(0, 6), 'Асанов "№ 5"', ...facts.slice(7)])));
  });

  it('gives gateway.audit_append the text it hashes after the previous hash, then each column, one argument per parameter', () => {
    const [entry] = chain(1);
    const args = auditAppendArguments(entry);
    expect(args).toHaveLength(AUDIT_APPEND_TYPES.length);
    const previous = 'cd'.repeat(32);
    // The function hashes `["<previous>",` followed by the text it is given, as chainHash does.
    expect(createHash('sha256').update(`["${previous}",${args[1] as string}`).digest('hex')).toBe(chainHash(previous, entry));
    expect(args.slice(2)).toEqual([entry.actorId, 'police', null, 'naryn-riib', 'read', 'protection_order', 'order-1', 'success', '10.0.0.7', 'req-1-abcdef', entry.at, null]);
  });

  it('verifies an untouched chain', () => {
    const entries = chain(5);
    expect(verify(entries)).toEqual({ intact: true, entries: 5, lastHash: entries[4].hash });
  });

  it('names the first edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], outcome: 'refused' };
    expect(verify(entries)).toMatchObject({ intact: false, brokenAt: '3', reason: 'edited' });
  });

  it('detects a deleted entry by the broken link after it', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verify(entries)).toMatchObject({ intact: false, brokenAt: '3', reason: 'relinked' });
  });

  it('detects an edited entry whose own hash was recomputed', () => {
    const entries = chain(5);
    const forged = { ...entries[1], resourceId: 'other-order' };
    forged.hash = chainHash(forged.prevHash, forged);
    entries[1] = forged;
    expect(verify(entries)).toMatchObject({ intact: false, brokenAt: '3', reason: 'relinked' });
  });

  it('continues from a page boundary', () => {
    const entries = chain(6);
    const verifier = new AuditChainVerifier(entries[2].hash);
    for (const entry of entries.slice(3)) verifier.add(entry);
    expect(verifier.verdict()).toMatchObject({ intact: true, entries: 3 });
  });

  describe('after a retention purge of the oldest entries', () => {
    const purged = () => {
      const entries = chain(6);
      const through = entries[2];
      const detail = purgeDetail({ entries: 3, before: '2026-12-02T10:00:04.000Z', throughId: through.id, throughHash: through.hash });
      const last = entries[5];
      const facts: AuditFacts = { ...last, actorId: null, actorRole: null, unitCode: null, ip: null, requestId: null, action: 'purge', resourceType: 'audit_log', resourceId: null, detail };
      const purge: ChainedAuditEntry = { ...facts, id: '7', prevHash: last.hash, hash: chainHash(last.hash, facts) };
      return { kept: [...entries.slice(3), purge], detail };
    };

    it('verifies what is kept from the link the purge names', () => {
      const { kept, detail } = purged();
      expect(verify(kept, chainStartAfter(detail))).toMatchObject({ intact: true, entries: 4 });
    });

    it('detects a kept entry deleted after the purge', () => {
      const { kept, detail } = purged();
      expect(verify(kept.slice(1), chainStartAfter(detail))).toMatchObject({ intact: false, brokenAt: '5', reason: 'relinked' });
    });

    it('detects a purge entry whose count or anchor was changed', () => {
      const { kept, detail } = purged();
      kept[3] = { ...kept[3], detail: detail.replace('"entries":3', '"entries":2') };
      expect(verify(kept, chainStartAfter(detail))).toMatchObject({ intact: false, brokenAt: '7', reason: 'edited' });
    });
  });

  it('hashes an entry without a detail as it did before details existed', () => {
    const [entry] = chain(1);
    expect(chainHash(CHAIN_START, { ...entry, detail: null })).toBe(entry.hash);
  });
});
