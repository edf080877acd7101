import { createHash } from 'node:crypto';

/** Same content, same hash, whatever the key order the client used. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

// Every order is hashed at intake: plain loops and the built-in sort (the same code-unit order as `<`), no
// arrays of entries per object. The stored hashes compare with the ones made before, byte for byte.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (canonicalJson(value[i]) ?? '');
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(record).sort()) {
      const child = record[key];
      if (child === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(child)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
