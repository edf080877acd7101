import { bishkekInstant } from '../capacity/bishkek-time';
import type { BookedSession } from '../capacity/capacity-types';
import { demoCentreCapacity, DEMO_DIRECTORY } from './demo/demo-directory';
import { CalendarCache, CalendarWindow, withinWindow } from './calendar-cache';

const DAY = 24 * 3_600_000;
const shans = DEMO_DIRECTORY.find((c) => c.id === 'bishkek-shans')!;

function session(id: string, startsAt: string, endsAt: string): BookedSession {
  return {
    id,
    kind: 'individual',
    startsAt: bishkekInstant(startsAt),
    endsAt: bishkekInstant(endsAt),
    facilitatorIds: ['bishkek-shans-1', 'bishkek-shans-2'],
    language: 'ky',
    participants: 1,
  };
}

const december: CalendarWindow = { from: bishkekInstant('2026-12-02T09:00'), until: bishkekInstant('2026-12-31T09:00') };

describe('calendar cache', () => {
  it('answers a centre only at the version it was read at', () => {
    const cache = new CalendarCache(35 * DAY);
    cache.store('bishkek-shans', '41', cache.windowToLoad(december), demoCentreCapacity(shans));
    expect(cache.calendar('bishkek-shans', '41', december)).not.toBeNull();
    // A newer version, or an older one a rollback left behind, is another calendar.
    expect(cache.calendar('bishkek-shans', '42', december)).toBeNull();
    expect(cache.calendar('bishkek-shans', '40', december)).toBeNull();
  });

  it('reads past the request so that the next routings are covered, but not a window it never read', () => {
    const cache = new CalendarCache(35 * DAY);
    const loaded = cache.windowToLoad(december);
    expect(loaded).toEqual({ from: december.from, until: new Date(december.from.getTime() + 35 * DAY) });
    cache.store('bishkek-shans', '7', loaded, demoCentreCapacity(shans));

    const anHourLater = { from: new Date(december.from.getTime() + 3_600_000), until: new Date(december.until.getTime() + 3_600_000) };
    expect(cache.calendar('bishkek-shans', '7', anHourLater)).not.toBeNull();
    const extendedOrder = { from: december.from, until: new Date(december.from.getTime() + 60 * DAY) };
    expect(cache.calendar('bishkek-shans', '7', extendedOrder)).toBeNull();
    const earlier = { from: new Date(december.from.getTime() - DAY), until: december.until };
    expect(cache.calendar('bishkek-shans', '7', earlier)).toBeNull();
    // A longer order reads as far as it runs.
    expect(cache.windowToLoad(extendedOrder)).toEqual(extendedOrder);
  });

  it('names the centres to read again: new ones, moved versions, and forgets centres no longer open', () => {
    const cache = new CalendarCache(35 * DAY);
    const loaded = cache.windowToLoad(december);
    cache.store('a', '1', loaded, demoCentreCapacity(shans));
    cache.store('b', '2', loaded, demoCentreCapacity(shans));
    cache.store('closed', '3', loaded, demoCentreCapacity(shans));

    const open = [
      { id: 'a', calendarVersion: '1' },
      { id: 'b', calendarVersion: '5' },
      { id: 'new', calendarVersion: '6' },
    ];
    expect(cache.staleAmong(open, december)).toEqual(['b', 'new']);
    expect(cache.calendar('closed', '3', december)).toBeNull();
  });

  it('hands a request only the sessions that overlap its window', () => {
    const booked = [
      session('before', '2026-12-01T09:00', '2026-12-01T13:00'),
      session('straddles', '2026-12-02T08:00', '2026-12-02T12:00'),
      session('inside', '2026-12-10T09:00', '2026-12-10T13:00'),
      session('after', '2026-12-31T09:00', '2026-12-31T13:00'),
    ];
    const cache = new CalendarCache(35 * DAY);
    cache.store('bishkek-shans', '9', { from: bishkekInstant('2026-12-01T00:00'), until: bishkekInstant('2027-01-31T00:00') }, demoCentreCapacity(shans, booked));

    const seen = cache.calendar('bishkek-shans', '9', december)!;
    expect(seen.booked.map((b) => b.id)).toEqual(['straddles', 'inside']);
    expect(withinWindow(demoCentreCapacity(shans, booked), december).booked).toEqual(seen.booked);
  });
});
