import { bookedSessionOf, CentreCapacity, Language, ProgrammePlan } from '../capacity/capacity-types';

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

  /**
   * Moves the entry held at `from` to `to` with `change` applied. For this replica's own booking under the
   * centre's lock: writers take that lock, so the booking is the only change between the two versions, and
   * the next routing reads nothing again. An entry at another version stays as it is (stale, so re-read).
   */
  advance(centreId: string, from: string, to: string, change: (capacity: CentreCapacity) => CentreCapacity): void {
    const entry = this.entries.get(centreId);
    if (!entry || entry.version !== from) return;
    this.entries.set(centreId, { ...entry, version: to, capacity: change(entry.capacity) });
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

/**
 * The calendar after a plan is booked as `booked` says: each group session it joins holds one more
 * participant, and its new sessions are added in time order, as the database reads them.
 */
export function withBooking(
  capacity: CentreCapacity,
  language: Language,
  plan: Pick<ProgrammePlan, 'sessions' | 'outreachPoint'>,
  booked: ReadonlyArray<{ index: number; bookedSessionId: string }>,
): CentreCapacity {
  const idOf = new Map(booked.map((b) => [b.index, b.bookedSessionId]));
  const joined = new Set(plan.sessions.flatMap((s) => (s.joinsBookedSessionId ? [s.joinsBookedSessionId] : [])));
  const added = plan.sessions
    .filter((s) => s.joinsBookedSessionId === undefined)
    .map((s) => bookedSessionOf(s, idOf.get(s.index)!, language, plan.outreachPoint?.id));
  const kept = capacity.booked.map((b) => (joined.has(b.id) ? { ...b, participants: b.participants + 1 } : b));
  return { ...capacity, booked: [...kept, ...added].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}
