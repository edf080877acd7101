import { EventEnvelope, EventSubjects } from '@korgoo/contracts';
import { envelopeJson } from './outbox';

describe('an event as the outbox stores it', () => {
  it('is the envelope in JSON, byte for byte, with the payload written once', () => {
    const payload = {
      orderId: 'a3f1c2d4-0000-4000-8000-000000000001',
      participant: { sex: 'male', language: 'ky', location: { settlementCode: 'naryn' } },
      screening: { items: ['yes', 'no'], note: 'Жумабеков "Т." \u2028' },
      absent: undefined,
    };
    const envelope: EventEnvelope<typeof payload> = {
      eventId: 'e1',
      subject: EventSubjects.OrderRegistered,
      occurredAt: '2026-12-05T08:00:00.000Z',
      correlationId: payload.orderId,
      producer: 'gateway',
      payload,
    };
    expect(envelopeJson(envelope, JSON.stringify(payload))).toBe(JSON.stringify(envelope));
    expect(JSON.parse(envelopeJson(envelope, JSON.stringify(payload)))).toEqual(JSON.parse(JSON.stringify(envelope)));
  });
});
