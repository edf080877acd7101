/** What an SMS gateway reports about one message; its status words vary by vendor. */
export interface SmsReceipt {
  messageId: string;
  status: 'delivered' | 'undelivered';
  providerStatus: string;
}

const DELIVERED = new Set(['delivered', 'delivrd', 'delivered_to_handset']);
const UNDELIVERED = new Set(['undelivered', 'undeliv', 'failed', 'rejected', 'rejectd', 'expired', 'deleted']);

export type ParsedReceipt = { receipt: SmsReceipt } | { problem: string };

export function parseSmsReceipt(rawBody: Buffer): ParsedReceipt {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { problem: 'body must be JSON' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'body must be a JSON object' };
  const { messageId, status } = body as { messageId?: unknown; status?: unknown };
  if (typeof messageId !== 'string' || !/^[\w.:-]{1,200}$/.test(messageId)) {
    return { problem: 'messageId must be the id the gateway returned for the message' };
  }
  if (typeof status !== 'string') return { problem: 'status must be a string' };
  const word = status.trim().toLowerCase();
  if (DELIVERED.has(word)) return { receipt: { messageId, status: 'delivered', providerStatus: word } };
  if (UNDELIVERED.has(word)) return { receipt: { messageId, status: 'undelivered', providerStatus: word } };
  return { problem: 'status must be delivered or undelivered (or the gateway’s DELIVRD, UNDELIV, FAILED, REJECTD, EXPIRED)' };
}
