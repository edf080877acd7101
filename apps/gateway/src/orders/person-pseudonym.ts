import { createHmac } from 'node:crypto';

/**
 * The pseudonymous person id that lets reporting link repeat orders: HMAC-SHA256 of the personal number (ПИН)
 * under a key that only the gateway holds, so nobody outside can recompute it from a known number.
 */
export function personPseudonym(pin: string, key: string): string {
  return createHmac('sha256', key).update(pin, 'utf8').digest('hex');
}

/** The pseudonym an event may carry: none without a ПИН, or without a key to hash it with. */
export function personRefOf(pin: string | undefined, key: string | null): string | undefined {
  return pin && key ? personPseudonym(pin, key) : undefined;
}

/** ПИН: 14 digits, the first (1 or 2) for sex, then the birth date as DDMMYYYY, then five digits. */
export function isPersonalNumber(pin: string): boolean {
  const match = /^[12](\d{2})(\d{2})(\d{4})\d{5}$/.exec(pin);
  if (!match) return false;
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}
