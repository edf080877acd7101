import { courtDecisionProblem, extensionProblem } from './order-dates';

const issued = new Date('2026-03-02T05:00:00Z');
const expires = new Date('2026-04-01T05:00:00Z');

describe('order extension', () => {
  it('accepts a later expiry only', () => {
    expect(extensionProblem(expires, new Date('2026-04-15T05:00:00Z'))).toBeNull();
    expect(extensionProblem(expires, expires)).toMatch(/later than the current expiry/);
    expect(extensionProblem(expires, new Date('2026-03-20T05:00:00Z'))).toMatch(/later than the current expiry/);
  });
});

describe('court decision', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('is a calendar day from the issue of the order up to 70 days after it', () => {
    expect(courtDecisionProblem(issued, '2026-03-02', now)).toBeNull();
    expect(courtDecisionProblem(issued, '2026-05-11', now)).toBeNull();
    expect(courtDecisionProblem(issued, '2026-05-12', now)).toMatch(/within 70 days/);
    expect(courtDecisionProblem(issued, '2026-03-01', now)).toMatch(/before the order was issued/);
  });

  it('is not a date that does not exist, nor one in the future', () => {
    expect(courtDecisionProblem(issued, '2026-02-30', now)).toMatch(/calendar date/);
    expect(courtDecisionProblem(issued, '2026-04-20', new Date('2026-04-01T00:00:00Z'))).toMatch(/future/);
  });
});
