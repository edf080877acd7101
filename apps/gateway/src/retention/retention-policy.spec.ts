import { auditCutoff, erasureCutoffs, refreshTokenCutoff } from './retention-policy';

describe('retention of an order’s personal data', () => {
  const now = new Date('2032-06-15T12:00:00Z');

  it('erases five years after the case closed', () => {
    expect(erasureCutoffs(now, { orderYears: 5 }).closedBefore.toISOString()).toBe('2027-06-15T12:00:00.000Z');
  });

  it('counts a case that never reported an end as closed two years after the order expired', () => {
    expect(erasureCutoffs(now, { orderYears: 5 }).expiredBefore.toISOString()).toBe('2025-06-15T12:00:00.000Z');
  });

  it('follows the configured term', () => {
    const longer = erasureCutoffs(now, { orderYears: 10 });
    expect(longer.closedBefore.toISOString()).toBe('2022-06-15T12:00:00.000Z');
    expect(longer.expiredBefore.toISOString()).toBe('2020-06-15T12:00:00.000Z');
  });

  it('keeps a leap day’s case a full term', () => {
    expect(erasureCutoffs(new Date('2033-03-01T00:00:00Z'), { orderYears: 5 }).closedBefore.toISOString()).toBe('2028-03-01T00:00:00.000Z');
  });
});

describe('retention of refresh tokens', () => {
  it('deletes a token the configured number of days after it expired or was revoked', () => {
    expect(refreshTokenCutoff(new Date('2032-06-15T12:00:00Z'), 30).toISOString()).toBe('2032-05-16T12:00:00.000Z');
  });
});

describe('retention of the audit log', () => {
  it('keeps entries the configured number of years', () => {
    expect(auditCutoff(new Date('2032-06-15T12:00:00Z'), 7).toISOString()).toBe('2025-06-15T12:00:00.000Z');
  });
});
