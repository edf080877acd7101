import type { CentreCapacity } from '../capacity/capacity-types';

/** The time a routing plans in: sessions that end after `from` and start before `until` matter to it. */
export interface CalendarWindow {
  from: Date;
  until: Date;
}

/** A centre as the directory lists it, with the version of its calendar (see the calendar-version migration). */
export interface VersionedCentre {
  id: string;
  calendarVersion: string;
}

interface Entry {
  version: string;
  window: CalendarWindow;
  capacity: CentreCapacity;
}

/**
 * Centres' calendars as last read from the database, each under the version it was read at. A version
 * names one state of a centre's calendar and is never reused, so an entry whose version equals the
 * centre's current one is that state exactly, wherever the change came from; any other entry is only
 * stale. Entries are stored only from what was read, so a rolled-back change can at worst leave an entry
 * under a version nobody will see again.
 */
export class CalendarCache {
  private readonly entries = new Map<string, Entry>();

  /** How far ahead a reload reads past the request, so the next routings' windows are covered too. */
  constructor(private readonly spanMs: number) {}

  /** The window to read for a request's window: at least the cache's span, so it serves the next routings. */
  windowToLoad(needed: CalendarWindow): CalendarWindow {
    const until = Math.max(needed.until.getTime(), needed.from.getTime() + this.spanMs);
    return { from: needed.from, until: new Date(until) };
  }

  /** The centres whose calendar must be read for `needed`; forgets centres no longer listed. */
  staleAmong(centres: readonly VersionedCentre[], needed: CalendarWindow): string[] {
    const listed = new Set(centres.map((c) => c.id));
    for (const id of this.entries.keys()) if (!listed.has(id)) this.entries.delete(id);
    return centres.filter((c) => this.calendar(c.id, c.calendarVersion, needed) === null).map((c) => c.id);
  }

  /** Keeps a calendar read at `version` (read before the calendar itself, so the calendar is no older). */
  store(centreId: string, version: string, window: CalendarWindow, capacity: CentreCapacity): void {
    this.entries.set(centreId, { version, window, capacity });
  }

  /** The centre's calendar inside `needed` when the cache holds it at `version`, else null. */
  calendar(centreId: string, version: string, needed: CalendarWindow): CentreCapacity | null {
    const entry = this.entries.get(centreId);
    if (!entry || entry.version !== version) return null;
    if (entry.window.from > needed.from || entry.window.until < needed.until) return null;
    return withinWindow(entry.capacity, needed);
  }
}

/** The calendar with only the sessions that overlap `window`: what a request inside it can collide with or join. */
export function withinWindow(capacity: CentreCapacity, window: CalendarWindow): CentreCapacity {
  const from = window.from.getTime();
  const until = window.until.getTime();
  return { ...capacity, booked: capacity.booked.filter((b) => b.endsAt.getTime() > from && b.startsAt.getTime() < until) };
}
