import { describe, expect, it } from 'vitest';
import { leaveBody, leaveDays } from './leave';

describe('a period of leave in Bishkek calendar days', () => {
  it('is sent from the first day’s start to the start of the day after the last', () => {
    expect(leaveBody('2026-12-30', '2027-01-02', 'holiday')).toEqual({
      from: '2026-12-30T00:00:00+06:00', to: '2027-01-03T00:00:00+06:00', reason: 'holiday',
    });
  });

  it('is shown by its first and last day, as the API stores it in UTC', () => {
    expect(leaveDays({ from: '2026-12-29T18:00:00.000Z', to: '2027-01-02T18:00:00.000Z' })).toEqual({ first: '2026-12-30', last: '2027-01-02' });
    // A period ending mid-day still includes that day.
    expect(leaveDays({ from: '2026-03-02T03:00:00.000Z', to: '2026-03-02T09:00:00.000Z' })).toEqual({ first: '2026-03-02', last: '2026-03-02' });
  });
});
