import {
  bishkekDateString,
  bishkekDayNumber,
  bishkekInstant,
  bishkekMonth,
  fromBishkekMinutes,
  toBishkekMinutes,
  weekdayOfDayNumber,
} from './bishkek-time';

describe('Bishkek time (UTC+6, no DST)', () => {
  it('reads wall-clock times as UTC+6', () => {
    expect(bishkekInstant('2026-12-07T09:00').toISOString()).toBe('2026-12-07T03:00:00.000Z');
    expect(bishkekInstant('2026-07-01').toISOString()).toBe('2026-06-30T18:00:00.000Z');
    expect(() => bishkekInstant('7 Dec')).toThrow(RangeError);
  });

  it.each([
    ['2026-12-07T00:00', 1],
    ['2026-12-13T23:59', 7],
    ['1970-01-01T00:00', 4],
    ['1969-12-31T12:00', 3],
  ])('gives %s ISO weekday %i', (local, weekday) => {
    expect(weekdayOfDayNumber(bishkekDayNumber(bishkekInstant(local)))).toBe(weekday);
  });

  it('takes the date and month from the Bishkek calendar, not UTC', () => {
    const lateOctoberUtc = new Date('2026-10-31T19:30:00Z');
    expect(bishkekDateString(lateOctoberUtc)).toBe('2026-11-01');
    expect(bishkekMonth(lateOctoberUtc)).toBe(11);
  });

  it('round-trips local minutes', () => {
    const at = bishkekInstant('2026-12-07T13:45');
    expect(fromBishkekMinutes(toBishkekMinutes(at))).toEqual(at);
  });
});
