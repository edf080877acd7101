import { randomUUID } from 'node:crypto';
import { EventEnvelope } from '@korgoo/contracts';
import { cancelledIntent, expiredIntent, routedIntent, unreachableNotice } from './intents';

function envelope<P>(payload: P): EventEnvelope<P> {
  return {
    eventId: randomUUID(),
    subject: 'referral.routed.v1',
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    producer: 'matching',
    payload,
  };
}

const ids = { referralId: randomUUID(), orderId: randomUUID(), referralNumber: 'R-2026-000042' };

describe('who each referral event addresses', () => {
  it('tells the proposed centre, with the facts it needs to plan', () => {
    const spec = routedIntent(
      envelope({
        ...ids,
        centreId: 'naryn-asylzat',
        priority: 'urgent' as const,
        acknowledgeBy: '2026-03-01T06:00:00Z',
        firstSessionAt: '2026-03-02T06:00:00Z',
        language: 'ky' as const,
        travelMinutes: 20,
        travelSource: 'road-graph',
      }),
    );
    expect(spec).toMatchObject({ recipientKind: 'centre', centreId: 'naryn-asylzat', kind: 'referral_routed', priority: 'urgent' });
    expect(Object.keys(spec.facts).sort()).toEqual(['acknowledgeBy', 'firstSessionAt', 'priority', 'referralNumber']);
  });

  it('tells the coordinators about a missed deadline, naming the centre', () => {
    const spec = expiredIntent(envelope({ ...ids, centreId: 'osh-ak-jurok', acknowledgeBy: '2026-03-01T06:00:00Z' }));
    expect(spec).toMatchObject({ recipientKind: 'coordinators', centreId: null, kind: 'referral_expired', aboutCentreId: 'osh-ak-jurok' });
  });

  it('tells the holding centre of a cancellation, or the coordinators when no centre held it', () => {
    expect(cancelledIntent(envelope({ ...ids, centreId: 'osh-ak-jurok' }))).toMatchObject({ recipientKind: 'centre', centreId: 'osh-ak-jurok' });
    expect(cancelledIntent(envelope({ ...ids }))).toMatchObject({ recipientKind: 'coordinators', centreId: null });
  });

  it('keys the coordinators’ notice about an unreachable centre to the same event', () => {
    const notice = unreachableNotice({ sourceEventId: 'e-1', orderId: ids.orderId, referralId: ids.referralId, centreId: 'c-1', referralNumber: ids.referralNumber, priority: 'high' });
    expect(notice).toMatchObject({ sourceEventId: 'e-1', recipientKind: 'coordinators', kind: 'centre_unreachable', aboutCentreId: 'c-1' });
  });
});
