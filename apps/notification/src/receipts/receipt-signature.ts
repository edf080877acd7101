import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receipts older or newer than this are refused, so a captured request cannot be replayed later. */
export const RECEIPT_TOLERANCE_SECONDS = 300;

export const SIGNATURE_HEADER = 'x-korgoo-signature';
export const TIMESTAMP_HEADER = 'x-korgoo-timestamp';

/** HMAC-SHA256 over `<unix seconds>.<raw body>`, hex, as the SMS gateway sends it: `sha256=<hex>`. */
export function signReceipt(secret: string, timestamp: string, rawBody: Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export function checkReceiptSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'timestamp missing or malformed' };
  if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > RECEIPT_TOLERANCE_SECONDS) {
    return { valid: false, reason: 'timestamp outside the tolerated window' };
  }
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return { valid: false, reason: 'signature missing or malformed' };
  const expected = Buffer.from(signReceipt(input.secret, timestamp, input.rawBody).slice('sha256='.length), 'hex');
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  // Both are 32 bytes here; the comparison takes the same time whichever byte differs.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: 'signature does not match' };
  }
  return { valid: true };
}
