import type { RoutingFacts } from './centre-selection';
import { placementAfterEnd, withLaterExpiry } from './order-period';

const facts: RoutingFacts = {
  origin: { lat: 41.43, lng: 75.99 },
  settlementCode: 'naryn',
  participantSex: 'male',
  language: 'ky',
  expiresAt: '2027-01-20T03:00:00.000Z',
  acknowledgeWithinHours: 24,
};

describe('the order period routing plans to', () => {
  it('takes an extension to a later expiry and keeps every other fact', () => {
    expect(withLaterExpiry(facts, new Date('2027-02-10T03:00:00Z'))).toEqual({ ...facts, expiresAt: '2027-02-10T03:00:00.000Z' });
  });

  it('ignores an extension that is not later, so one seen twice or out of order changes nothing', () => {
    expect(withLaterExpiry(facts, new Date(facts.expiresAt))).toBeNull();
    expect(withLaterExpiry(facts, new Date('2027-01-10T03:00:00Z'))).toBeNull();
    expect(withLaterExpiry(facts, null)).toBeNull();
  });
});

describe('placing a participant after the order ended', () => {
  const referral = { referralNumber: 'R-2027-000007', routing: facts };

  it('is refused once the order ended without a programme, even before its planned expiry', () => {
    const refusal = placementAfterEnd(referral, new Date('2027-01-15T00:00:00Z'), new Date('2027-01-15T01:00:00Z'));
    expect(refusal).toMatchObject({ code: 'conflict', message: expect.stringContaining('ended without a programme') });
  });

  it('is refused once the expiry has passed', () => {
    expect(placementAfterEnd(referral, null, new Date('2027-01-20T03:00:00Z'))).toMatchObject({ code: 'conflict' });
  });

  it('goes ahead while the order stands', () => {
    expect(placementAfterEnd(referral, null, new Date('2027-01-20T02:59:59Z'))).toBeNull();
  });
});
