import { bishkekInstant } from '../capacity/bishkek-time';
import type { BookedSession } from '../capacity/capacity-types';
import { demoCentreCapacity, DEMO_DIRECTORY } from './demo/demo-directory';
import { CalendarCache, CalendarWindow, withBooking, withinWindow } from './calendar-cache';

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

  it("moves its own booking's entry to the new version, and leaves an entry at another version alone", () => {
    const cache = new CalendarCache(35 * DAY);
    const loaded = cache.windowToLoad(december);
    const group = { ...session('g', '2026-12-10T14:00', '2026-12-10T18:00'), kind: 'group' as const, groupSlotId: 'slot-1' };
    cache.store('bishkek-shans', '7', loaded, { ...demoCentreCapacity(shans), booked: [session('a', '2026-12-09T09:00', '2026-12-09T13:00'), group] });
    const plan = {
      sessions: [
        { index: 1 as const, kind: 'individual' as const, startsAt: bishkekInstant('2026-12-03T09:00'), endsAt: bishkekInstant('2026-12-03T13:00'), leadFacilitatorId: 'm', coFacilitatorId: 'f' },
        { index: 3 as const, kind: 'group' as const, startsAt: group.startsAt, endsAt: group.endsAt, leadFacilitatorId: 'm', coFacilitatorId: 'f', joinsBookedSessionId: 'g' },
        { index: 4 as const, kind: 'group' as const, startsAt: bishkekInstant('2026-12-17T14:00'), endsAt: bishkekInstant('2026-12-17T18:00'), leadFacilitatorId: 'm', coFacilitatorId: 'f', groupSlotId: 'slot-1' },
      ],
      outreachPoint: { id: 'point-1', settlementCode: 'KG-x' },
    };
    const booked = [
      { index: 1, bookedSessionId: 'new-1' },
      { index: 3, bookedSessionId: 'g' },
      { index: 4, bookedSessionId: 'new-4' },
    ];
    cache.advance('bishkek-shans', '7', '9', (capacity) => withBooking(capacity, 'ru', plan, booked));

    expect(cache.calendar('bishkek-shans', '7', december)).toBeNull();
    const after = cache.calendar('bishkek-shans', '9', december)!;
    expect(after.booked.map((b) => [b.id, b.participants])).toEqual([
      ['new-1', 1],
      ['a', 1],
      ['g', 2],
      ['new-4', 1],
    ]);
    expect(after.booked[0]).toEqual({
      id: 'new-1',
      kind: 'individual',
      startsAt: plan.sessions[0].startsAt,
      endsAt: plan.sessions[0].endsAt,
      facilitatorIds: ['m', 'f'],
      language: 'ru',
      participants: 1,
      outreachPointId: 'point-1',
    });
    expect(after.booked[3]).toMatchObject({ groupSlotId: 'slot-1', kind: 'group' });

    // Another replica's change moved the version first: the entry is not this booking's to move.
    cache.advance('bishkek-shans', '8', '10', (capacity) => withBooking(capacity, 'ru', plan, booked));
    expect(cache.calendar('bishkek-shans', '10', december)).toBeNull();
    expect(cache.calendar('bishkek-shans', '9', december)).not.toBeNull();
  });
});
