import { createCipheriv, randomBytes } from 'node:crypto';
import { FieldCipher, FieldCipherError, parseFieldKeys } from './field-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('field cipher', () => {
  const old = key('2026-01');
  const next = key('2026-12');

  it('seals a value so that it opens only in its own row and field', () => {
    const cipher = new FieldCipher([old]);
    const sealed = cipher.seal('Жумабеков Талант', 'protection_order:1:fullName');
    expect(sealed).toMatch(/^enc1\.2026-01\./);
    expect(sealed).not.toContain('Жумабеков');
    expect(cipher.open(sealed, 'protection_order:1:fullName')).toBe('Жумабеков Талант');
    expect(() => cipher.open(sealed, 'protection_order:2:fullName')).toThrow(FieldCipherError);
  });

  it('gives the same value a different form each time', () => {
    const cipher = new FieldCipher([old]);
    expect(cipher.seal('a', 'c')).not.toBe(cipher.seal('a', 'c'));
  });

  it('refuses a tampered value', () => {
    const cipher = new FieldCipher([old]);
    const parts = cipher.seal('secret', 'c').split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[body.length - 1] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'c')).toThrow('does not open');
  });

  it('rotates by rewrapping the data key: the value part stays, the new key alone then opens it', () => {
    const sealed = new FieldCipher([old]).seal('note', 'order_note:9');
    const rotating = new FieldCipher([next, old]);
    expect(rotating.isStale(sealed)).toBe(true);
    const refreshed = rotating.refresh(sealed, 'order_note:9');
    expect(refreshed.split('.')[3]).toBe(sealed.split('.')[3]);
    expect(rotating.isStale(refreshed)).toBe(false);
    expect(new FieldCipher([next]).open(refreshed, 'order_note:9')).toBe('note');
    expect(() => new FieldCipher([next]).open(sealed, 'order_note:9')).toThrow('not configured');
  });

  it('reads a value from before sealing as it is, and seals it on refresh', () => {
    const cipher = new FieldCipher([old]);
    expect(cipher.open('plain name', 'c')).toBe('plain name');
    expect(cipher.isStale('plain name')).toBe(true);
    expect(cipher.open(cipher.refresh('plain name', 'c'), 'c')).toBe('plain name');
  });

  it('reads keys as id:base64, the first sealing', () => {
    const text = `k2:${randomBytes(32).toString('base64')}, k1:${randomBytes(32).toString('base64')}`;
    expect(new FieldCipher(parseFieldKeys(text)).activeKeyId).toBe('k2');
    expect(() => parseFieldKeys('k1:c2hvcnQ=')).toThrow('32 bytes');
    expect(() => parseFieldKeys(`K 1:${randomBytes(32).toString('base64')}`)).toThrow('id:base64');
    expect(() => parseFieldKeys('')).toThrow('at least one');
  });

  it('opens a value sealed by hand to the stored form: the data key and both IVs drawn apart', () => {
    const encrypt = (key: Buffer, plaintext: Buffer, aad: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    };
    const dataKey = randomBytes(32);
    const sealed = ['enc1', old.id, encrypt(old.key, dataKey, 'korgoo-data-key'), encrypt(dataKey, Buffer.from('Асанова Айгуль'), 'order_note:7:body')].join('.');
    expect(new FieldCipher([old]).open(sealed, 'order_note:7:body')).toBe('Асанова Айгуль');
    expect(new FieldCipher([next, old]).open(new FieldCipher([next, old]).refresh(sealed, 'order_note:7:body'), 'order_note:7:body')).toBe('Асанова Айгуль');
  });

  it('draws a fresh data key and fresh IVs for every value', () => {
    const cipher = new FieldCipher([old]);
    const [a, b] = [cipher.seal('same', 'c'), cipher.seal('same', 'c')].map((sealed) => sealed.split('.'));
    const ivOf = (part: string) => Buffer.from(part, 'base64url').subarray(0, 12).toString('hex');
    expect(a[2]).not.toBe(b[2]);
    expect(new Set([ivOf(a[2]), ivOf(a[3]), ivOf(b[2]), ivOf(b[3])]).size).toBe(4);
  });
});
