/**
 * Keys naming an object's own machinery (`__proto__`, `constructor`, `toString`, ...): the object mapper
 * skips them without a word, so a body carrying one would be taken as if the key were absent. No contract
 * has such a field; they are refused like any other unknown property instead.
 */
const SILENTLY_DROPPED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** The first field of the input that cannot be taken as sent, and the rule it breaks. */
export interface UnsafeField {
  field: string;
  rule: string;
}

/**
 * Finds the first string holding a NUL character (PostgreSQL text and jsonb cannot store one) or the first
 * key that would be dropped silently.
 */
export function unsafeField(value: unknown, path = ''): UnsafeField | null {
  if (typeof value === 'string') return value.includes('\u0000') ? nul(path || '(body)') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeField(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return nul(field);
      if (SILENTLY_DROPPED_KEYS.has(key)) return { field, rule: `property ${field} should not exist` };
      const found = unsafeField(child, field);
      if (found) return found;
    }
  }
  return null;
}

function nul(field: string): UnsafeField {
  return { field, rule: `${field} must not contain NUL characters` };
}
