import { EventEnvelope, SERVICE_MESSAGING } from '@korgoo/contracts';
import { projectEvent } from './event-facts';

function envelope<P>(subject: string, payload: P): EventEnvelope<P> {
  return { eventId: '7b0a4c1e-2f7d-4c55-9a39-1d0c6a3f9e10', subject, occurredAt: '2026-12-01T08:00:00.000Z', correlationId: 'c', payload } as unknown as EventEnvelope<P>;
}

describe('what reporting counts', () => {
  it('counts only events its NATS user may consume, so production permissions never starve a consumer', () => {
    const allowed: readonly string[] = SERVICE_MESSAGING.reporting.consumes;
    expect(Object.keys(projectEvent).filter((subject) => !allowed.includes(subject))).toEqual([]);
  });

  it('counts an order that expired unplaced at its expiry, for no centre', () => {
    const projected = projectEvent['programme.expired_unplaced.v1'](
      envelope('programme.expired_unplaced.v1', {
        orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
        expiresAt: '2026-12-30T03:00:00.000Z',
        expiredAt: '2026-12-30T03:00:05.000Z',
        reasons: ['no centre within reach'],
      }),
    );
    expect(projected.fact).toMatchObject({ kind: 'programme_expired_unplaced', centreId: null, occurredAt: new Date('2026-12-30T03:00:05.000Z') });
  });

  it('counts an extension without moving the registered period', () => {
    const projected = projectEvent['order.extended.v1'](
      envelope('order.extended.v1', { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b', previousExpiresAt: '2026-12-30T03:00:00.000Z', expiresAt: '2027-01-20T03:00:00.000Z' }),
    );
    expect(projected).toEqual({ order: { orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b' }, fact: expect.objectContaining({ kind: 'order_extended' }) });
  });
});
