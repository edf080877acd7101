import { dayOf, MINUTES_PER_DAY, toBishkekMinutes, weekdayOfDayNumber } from './bishkek-time';
import type { BookedSession, CentreCapacity, Facilitator, Sex } from './capacity-types';
import { canFacilitate, otherSex } from './facilitator-pair';
import { outsideSlotHours, slotHoursByFacilitator } from './group-slots';
import { capacityAtCentre } from './outreach-points';
import { Interval, weeklyIntervals } from './weekly-window';

/**
 * A facilitator away over sessions already booked: after a roster change (an absence, a deactivation, a new
 * week) the sessions ahead whose pair is no longer all there are found, and each away facilitator is replaced
 * by a colleague of the same sex and centre who is free then; a session nobody can cover is displaced, so its
 * members are re-planned.
 */

/** A booked session ahead with the facilitators who can no longer hold it. */
export interface StrandedSession {
  session: BookedSession;
  awayIds: string[];
}

export interface AwayCover {
  /** Same time, the away facilitators replaced: the session's new pair, lead first. */
  substituted: Array<{ session: BookedSession; facilitatorIds: [string, string] }>;
  /** No colleague is free for some away facilitator: its members move. */
  displaced: BookedSession[];
}

const localOf = (b: BookedSession): Interval => ({ start: toBishkekMinutes(b.startsAt), end: toBishkekMinutes(b.endsAt) });
const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Inside one of the week's windows (minutes from local midnight, index by ISO weekday) on the session's day. */
function insideWeek(week: Interval[][], at: Interval): boolean {
  const day = dayOf(at.start);
  const from = at.start - day * MINUTES_PER_DAY;
  const to = at.end - day * MINUTES_PER_DAY;
  return week[weekdayOfDayNumber(day)].some((w) => w.start <= from && to <= w.end);
}

const awayAt = (f: Facilitator, at: Interval) => f.exceptions.some((e) => overlaps(at, { start: toBishkekMinutes(e.from), end: toBishkekMinutes(e.to) }));

/**
 * Can `f` still hold this booked session in their seat? The pair rule, no absence over it and, at the centre,
 * their week around it. Group-slot meetings and outreach sessions keep the hours the centre declared for them,
 * so the week is not consulted there, as when they were booked.
 */
function stillThere(f: Facilitator | undefined, sex: Sex, b: BookedSession): boolean {
  const at = localOf(b);
  if (!f || !canFacilitate(f, sex, b.language, dayOf(at.start)) || awayAt(f, at)) return false;
  return b.groupSlotId !== undefined || b.outreachPointId !== undefined || insideWeek(weeklyIntervals(f.weekly, `facilitator ${f.id}`), at);
}

/**
 * The seats' sexes: the lead's as the roster knows it, the co-facilitator the other. A booked session neither of
 * whose facilitators is on the roster is a broken calendar: guessing a seat's sex could give it the wrong colleague.
 */
function seatSexes(centre: CentreCapacity, b: BookedSession): [Sex, Sex] {
  const lead = centre.facilitators.find((f) => f.id === b.facilitatorIds[0]);
  const co = centre.facilitators.find((f) => f.id === b.facilitatorIds[1]);
  if (!lead && !co) {
    throw new Error(`booked session ${b.id} of centre ${centre.centreId}: neither ${b.facilitatorIds.join(' nor ')} is on its roster`);
  }
  const leadSex = lead ? lead.sex : otherSex(co!.sex);
  return [leadSex, otherSex(leadSex)];
}

/** Booked sessions starting after `now` that a facilitator can no longer hold, by start; only `onlyOf`'s when given. */
export function strandedSessions(centre: CentreCapacity, now: Date, onlyOf?: string): StrandedSession[] {
  const roster = new Map(centre.facilitators.map((f) => [f.id, f]));
  return centre.booked
    .filter((b) => b.startsAt > now && (onlyOf === undefined || b.facilitatorIds.includes(onlyOf)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
    .flatMap((session) => {
      const sexes = seatSexes(centre, session);
      const awayIds = session.facilitatorIds.filter((id, seat) => !stillThere(roster.get(id), sexes[seat], session));
      return awayIds.length > 0 ? [{ session, awayIds }] : [];
    });
}

/**
 * A colleague of the centre who can take `seat` of the session: of the seat's sex, trained, certified and active
 * for its language, not away, within their week outside the hours of the group slots they run and off their
 * outreach days, and not booked at an overlapping time. An outreach day is a day away: a session at a point
 * takes nobody booked elsewhere that day or due at a group slot that weekday, and a session at the centre nobody
 * booked at a point that day. The first by id, so the choice is stable.
 */
export function substituteFor(centre: CentreCapacity, session: BookedSession, seat: 0 | 1): string | null {
  const sex = seatSexes(centre, session)[seat];
  const at = localOf(session);
  const day = dayOf(at.start);
  const slotHours = slotHoursByFacilitator(centre.groupSlots);
  const elsewhereThatDay = (b: BookedSession) => dayOf(localOf(b).start) === day && b.outreachPointId !== session.outreachPointId;
  const busy = (id: string) =>
    centre.booked.some((b) => b.id !== session.id && b.facilitatorIds.includes(id) && (overlaps(localOf(b), at) || elsewhereThatDay(b)));
  const dueAtSlot = (id: string) => session.outreachPointId !== undefined && (slotHours.get(id)?.[weekdayOfDayNumber(day)].length ?? 0) > 0;
  const free = (f: Facilitator) =>
    !dueAtSlot(f.id) && insideWeek(outsideSlotHours(weeklyIntervals(f.weekly, `facilitator ${f.id}`), slotHours.get(f.id)), at);
  const found = capacityAtCentre(centre)
    .facilitators.filter((f) => !session.facilitatorIds.includes(f.id))
    .filter((f) => stillThere(f, sex, { ...session, groupSlotId: undefined, outreachPointId: undefined }) && free(f) && !busy(f.id))
    .map((f) => f.id)
    .sort();
  return found[0] ?? null;
}

/**
 * What becomes of the stranded sessions: in start order, each away seat goes to a free colleague, who is then
 * busy at that time for the sessions after it; a session with a seat nobody can take is displaced whole.
 */
export function coverAway(centre: CentreCapacity, now: Date, onlyOf?: string): AwayCover {
  const cover: AwayCover = { substituted: [], displaced: [] };
  let calendar = centre;
  for (const { session, awayIds } of strandedSessions(centre, now, onlyOf)) {
    const pair: [string, string] = [...session.facilitatorIds];
    for (const seat of [0, 1] as const) {
      if (!awayIds.includes(session.facilitatorIds[seat])) continue;
      const substitute = substituteFor(calendar, session, seat);
      if (substitute === null) break;
      pair[seat] = substitute;
    }
    if (pair.some((id) => awayIds.includes(id))) {
      cover.displaced.push(session);
      continue;
    }
    cover.substituted.push({ session, facilitatorIds: pair });
    calendar = { ...calendar, booked: calendar.booked.map((b) => (b.id === session.id ? { ...b, facilitatorIds: pair } : b)) };
  }
  return cover;
}
