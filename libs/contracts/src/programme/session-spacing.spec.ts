import { bishkekCalendarDay, farEnoughApart } from './session-spacing';

describe('session spacing', () => {
  it('counts Bishkek calendar days, not hours', () => {
    // Monday 19:00 and the next Sunday 08:00 in Bishkek: six calendar days, fewer than 144 hours.
    expect(farEnoughApart(new Date('2026-12-07T13:00:00Z'), new Date('2026-12-13T02:00:00Z'))).toBe(true);
    expect(farEnoughApart(new Date('2026-12-07T13:00:00Z'), new Date('2026-12-12T17:59:00Z'))).toBe(false);
    // 23:30 UTC is already the next day in Bishkek.
    expect(bishkekCalendarDay(new Date('2026-12-07T23:30:00Z'))).toBe(bishkekCalendarDay(new Date('2026-12-08T12:00:00Z')));
  });
});
