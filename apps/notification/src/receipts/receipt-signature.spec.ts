import fc from 'fast-check';
import { checkReceiptSignature, signReceipt } from './receipt-signature';

const secret = 'receipts-secret-for-tests-0123456789';
const now = new Date('2026-03-01T10:00:00Z');
const timestamp = String(Math.floor(now.getTime() / 1000));
const body = Buffer.from(JSON.stringify({ messageId: 'm-1', status: 'delivered' }));

describe('SMS receipt signature', () => {
  it('accepts the gateway’s signature over the raw body and timestamp', () => {
    const signature = signReceipt(secret, timestamp, body);
    expect(checkReceiptSignature({ secret, timestamp, signature, rawBody: body, now })).toEqual({ valid: true });
  });

  it('refuses a signature made with another secret, or over other bytes', () => {
    const forged = signReceipt('another-secret-of-enough-length', timestamp, body);
    expect(checkReceiptSignature({ secret, timestamp, signature: forged, rawBody: body, now }).valid).toBe(false);
    const signature = signReceipt(secret, timestamp, body);
    const reformatted = Buffer.from(JSON.stringify({ messageId: 'm-1', status: 'delivered' }, null, 1));
    expect(checkReceiptSignature({ secret, timestamp, signature, rawBody: reformatted, now }).valid).toBe(false);
  });

  it('refuses a replay outside five minutes, and a timestamp that was not the one signed', () => {
    const old = String(Number(timestamp) - 301);
    const signature = signReceipt(secret, old, body);
    expect(checkReceiptSignature({ secret, timestamp: old, signature, rawBody: body, now })).toEqual({
      valid: false,
      reason: 'timestamp outside the tolerated window',
    });
    const fresh = signReceipt(secret, timestamp, body);
    const shifted = String(Number(timestamp) + 1);
    expect(checkReceiptSignature({ secret, timestamp: shifted, signature: fresh, rawBody: body, now }).valid).toBe(false);
  });

  it('refuses missing or malformed headers', () => {
    const signature = signReceipt(secret, timestamp, body);
    expect(checkReceiptSignature({ secret, timestamp: undefined, signature, rawBody: body, now }).valid).toBe(false);
    expect(checkReceiptSignature({ secret, timestamp, signature: undefined, rawBody: body, now }).valid).toBe(false);
    expect(checkReceiptSignature({ secret, timestamp, signature: signature.slice(0, 20), rawBody: body, now }).valid).toBe(false);
    expect(checkReceiptSignature({ secret, timestamp: 'soon', signature, rawBody: body, now }).valid).toBe(false);
  });

  it('refuses any altered body', () => {
    const signature = signReceipt(secret, timestamp, body);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (bytes) => {
        const other = Buffer.from(bytes);
        fc.pre(!other.equals(body));
        expect(checkReceiptSignature({ secret, timestamp, signature, rawBody: other, now }).valid).toBe(false);
      }),
    );
  });
});
