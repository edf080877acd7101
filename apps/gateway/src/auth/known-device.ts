import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A known device: a browser or phone that has signed in to an account before carries a token saying so, and
 * its sign-ins to that account pass the gateway-wide budget of password checks, so a flood from many addresses
 * does not keep officers out of their own accounts. The token proves only a past sign-in: the password (and the
 * second factor) is still checked, each account's and address's lockout still applies, and a token used for
 * another account's name is charged to the budget like any other sign-in.
 */
export const KNOWN_DEVICE_COOKIE = 'korgoo_device';
export const KNOWN_DEVICE_LIFETIME_MS = 90 * 24 * 60 * 60_000;
/** Sign-ins per device token per minute: a token copied off a device is no way around the budget. */
export const KNOWN_DEVICE_SIGN_INS_PER_MINUTE = 3;

const VERSION = 'd1';

/** The token key, derived from the signing secret so that a deployment has no extra secret to keep. */
export function knownDeviceKey(signingSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', signingSecret, 'korgoo', 'known sign-in device', 32));
}

export function issueKnownDevice(key: Buffer, accountId: string, nowMs: number): string {
  const body = `${VERSION}.${accountId}.${nowMs.toString(36)}`;
  return `${body}.${mac(key, body)}`;
}

/** The account a token names, or null when it is forged, altered, expired or not a token at all. */
export function readKnownDevice(key: Buffer, token: string, nowMs: number): string | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, accountId, issued, signature] = parts;
  const expected = Buffer.from(mac(key, `${VERSION}.${accountId}.${issued}`));
  const offered = Buffer.from(signature);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return null;
  const issuedMs = parseInt(issued, 36);
  return nowMs - issuedMs >= 0 && nowMs - issuedMs < KNOWN_DEVICE_LIFETIME_MS ? accountId : null;
}

/** The token in a `Cookie` header, if any. */
export function knownDeviceIn(cookieHeader: string | undefined): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === KNOWN_DEVICE_COOKIE) return pair.slice(at + 1).trim();
  }
  return null;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
