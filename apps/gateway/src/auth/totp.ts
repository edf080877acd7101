import { Secret, TOTP } from 'otpauth';

// Plain TypeScript, tested directly in totp.spec.ts: the rules of the second factor (RFC 6238 through `otpauth`).

const ISSUER = 'Korgoo';
const PERIOD_SECONDS = 30;
/** One step either side: a phone's clock a little off still works, a code is good for at most 90 seconds. */
const WINDOW = 1;

const totpOf = (secret: string, username = '') =>
  new TOTP({ issuer: ISSUER, label: username, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });

/** 160 random bits in base32, as authenticator apps take them. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What an authenticator app scans: the secret, the issuer and the username. */
export function otpauthUri(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** The code an app shows at that instant (for tests and rehearsals). */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to when it is valid at `now` and later than the last step this account used:
 * a code works once, so one seen over a shoulder or replayed from a log is refused. Null when refused.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
