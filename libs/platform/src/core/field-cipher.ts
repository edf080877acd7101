import { createCipheriv, createDecipheriv, createSecretKey, KeyObject, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of single fields (a name, an officer's note): each value gets a fresh data key
 * (AES-256-GCM), and the data key is stored wrapped by a key-encryption key from configuration, named by
 * its id. Rotating the key-encryption key rewraps the data keys only; the values are not re-encrypted.
 * The context (table, row, field) is authenticated with the value, so a sealed value copied into another
 * row or field does not open.
 *
 * Stored form: `enc1.<key id>.<wrapped data key>.<value>` (base64url of iv | tag | ciphertext).
 */
export interface FieldKey {
  id: string;
  key: Buffer;
}

const PREFIX = 'enc1';
const KEY_ID = /^[a-z0-9-]{1,32}$/;
const WRAP_CONTEXT = Buffer.from('korgoo-data-key');

export class FieldCipherError extends Error {}

/** `id:base64,id:base64`: the first key seals, every listed key opens. */
export function parseFieldKeys(text: string): FieldKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded, ...rest] = part.split(':');
      if (rest.length > 0 || !KEY_ID.test(id ?? '')) throw new FieldCipherError(`a field key must be id:base64 with an id of a-z, 0-9 and dashes, got "${id ?? ''}"`);
      const key = Buffer.from(encoded ?? '', 'base64');
      if (key.length !== 32) throw new FieldCipherError(`field key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`);
      return { id, key };
    });
  if (keys.length === 0) throw new FieldCipherError('at least one field key is needed');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new FieldCipherError('field key ids must differ');
  return keys;
}

const IV_BYTES = 12;
const DATA_KEY_BYTES = 32;

// Keys are held as key objects: a raw buffer handed to the cipher is turned into one on every call, which
// cost more than the encryption itself.
function encrypt(key: KeyObject, plaintext: Buffer, aad: Buffer, iv: Buffer = randomBytes(IV_BYTES)): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function decrypt(key: KeyObject, sealed: string, aad: Buffer): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(aad);
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    throw new FieldCipherError('a sealed field does not open: wrong key, wrong row or tampered');
  }
}

export class FieldCipher {
  private readonly keys: Map<string, KeyObject>;
  private readonly activeKey: KeyObject;
  readonly activeKeyId: string;

  constructor(keys: readonly FieldKey[]) {
    if (keys.length === 0) throw new FieldCipherError('at least one field key is needed');
    this.keys = new Map(keys.map((k) => [k.id, createSecretKey(k.key)]));
    this.activeKeyId = keys[0].id;
    this.activeKey = this.keys.get(this.activeKeyId)!;
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}.`);
  }

  seal(plaintext: string, context: string): string {
    // One draw from the generator for the data key and both IVs.
    const random = randomBytes(DATA_KEY_BYTES + 2 * IV_BYTES);
    const dataKey = random.subarray(0, DATA_KEY_BYTES);
    const wrapped = encrypt(this.activeKey, dataKey, WRAP_CONTEXT, random.subarray(DATA_KEY_BYTES, DATA_KEY_BYTES + IV_BYTES));
    const value = encrypt(createSecretKey(dataKey), Buffer.from(plaintext, 'utf8'), Buffer.from(context), random.subarray(DATA_KEY_BYTES + IV_BYTES));
    return [PREFIX, this.activeKeyId, wrapped, value].join('.');
  }

  /** A value stored before fields were sealed reads as it is, until the rotation seals it. */
  open(stored: string, context: string): string {
    if (!FieldCipher.isSealed(stored)) return stored;
    const { dataKey, value } = this.unwrap(stored);
    return decrypt(dataKey, value, Buffer.from(context)).toString('utf8');
  }

  /** Whether the value is plain or sealed under a key other than the active one. */
  isStale(stored: string): boolean {
    return !FieldCipher.isSealed(stored) || stored.split('.')[1] !== this.activeKeyId;
  }

  /** The same value under the active key: a plain one is sealed, an old one's data key rewrapped. */
  refresh(stored: string, context: string): string {
    if (!FieldCipher.isSealed(stored)) return this.seal(stored, context);
    const { dataKey, value } = this.unwrap(stored);
    decrypt(dataKey, value, Buffer.from(context)); // refuse to carry a value that belongs elsewhere
    return [PREFIX, this.activeKeyId, encrypt(this.activeKey, dataKey.export(), WRAP_CONTEXT), value].join('.');
  }

  private unwrap(stored: string): { dataKey: KeyObject; value: string } {
    const [, keyId, wrapped, value] = stored.split('.');
    const key = this.keys.get(keyId);
    if (!key || wrapped === undefined || value === undefined) {
      throw new FieldCipherError(`a sealed field names key ${keyId}, which is not configured`);
    }
    return { dataKey: createSecretKey(decrypt(key, wrapped, WRAP_CONTEXT)), value };
  }
}
