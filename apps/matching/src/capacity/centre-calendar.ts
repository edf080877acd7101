import { dayOf, MINUTES_PER_DAY, toBishkekMinutes, weekdayOfDayNumber } from './bishkek-time';
import type { BookedSession, CentreCapacity, Facilitator, GroupSlot, Language, ProgrammeRules, Sex } from './capacity-types';
import { canFacilitate, certifiedDayOf, otherSex } from './facilitator-pair';
import { groupSeats, outsideSlotHours, slotHoursByFacilitator, slotsFor } from './group-slots';
import { clockMinutes, intersectIntervals, Interval, weeklyIntervals } from './weekly-window';

/** Disjoint sorted intervals, so a free check is one binary search. */
class Timeline {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(intervals: Interval[]) {
    const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    for (const { start, end } of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]) {
        this.ends[last] = Math.max(this.ends[last], end);
      } else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  isFree(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.ends.length || this.starts[lo] >= end;
  }
}

const toLocal = (from: Date, to: Date): Interval => ({ start: toBishkekMinutes(from), end: toBishkekMinutes(to) });

/** The request's time frame in Bishkek local minutes and day numbers. */
export interface PlanningWindow {
  notBefore: number;
  mustFinishBy: number;
  firstDay: number;
  /** Last day a whole session can still end before the deadline. */
  lastDay: number;
  sessionMinutes: number;
  stepMinutes: number;
}

/** The window from `notBefore` to `mustFinishBy` for sessions of the rules' length on their start grid. */
export function planningWindow(notBefore: Date, mustFinishBy: Date, rules: ProgrammeRules): PlanningWindow {
  const sessionMinutes = rules.sessionHours * 60;
  const from = toBishkekMinutes(notBefore);
  const to = toBishkekMinutes(mustFinishBy);
  return {
    notBefore: from,
    mustFinishBy: to,
    firstDay: dayOf(from),
    lastDay: dayOf(to - sessionMinutes),
    sessionMinutes,
    stepMinutes: rules.startStepMinutes,
  };
}

export interface Staff {
  facilitator: Facilitator;
  certifiedDay: number;
  weekly: Interval[][];
  absent: Timeline;
  booked: Timeline;
}

interface Pair {
  key: string;
  lead: Staff;
  co: Staff;
  certifiedDay: number;
  weekly: Interval[][];
}

export interface Slot {
  day: number;
  start: number;
  end: number;
  leadId: string;
  coId: string;
  pairKey: string;
  joins?: BookedSession;
  /** Opens this week's meeting of a declared slot. */
  opens?: GroupSlot;
}

export interface DaySlots {
  /** By start time, then by pair key. */
  all: Slot[];
  byPair: Map<string, Slot[]>;
}

const byId = (a: Facilitator, b: Facilitator) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A centre's time as one request sees it: which pairs can run its sessions, when they are free
 * for a new session, and which booked group sessions it could join.
 */
export class CentreCalendar {
  readonly leads: Staff[];
  readonly cos: Staff[];
  private readonly pairs: Pair[] = [];
  private readonly staffById = new Map<string, Staff>();
  private readonly rosterById: Map<string, Facilitator>;
  private readonly closures: Interval[];
  private readonly bookedBy = new Map<string, Interval[]>();
  private readonly newSlotsByDay = new Map<number, DaySlots>();
  private readonly joinableByDay = new Map<number, Slot[]>();
  private readonly fullGroupDays = new Set<number>();
  private readonly slotHours: Map<string, Interval[][]>;
  private readonly slotOpeningsByDay = new Map<number, Slot[]>();
  /** Meetings of declared slots already booked, as `slotId@start`. */
  private readonly openedSlotMeetings = new Set<string>();
  // Asked at every step of the plan search: known once per request.
  private readonly declaresSlots: boolean;

  constructor(
    private readonly centre: CentreCapacity,
    private readonly language: Language,
    private readonly leadSex: Sex,
    private readonly window: PlanningWindow,
    eligibleLeads: Facilitator[],
    eligibleCos: Facilitator[],
  ) {
    this.rosterById = new Map(centre.facilitators.map((f) => [f.id, f]));
    this.closures = centre.closures.map((c) => toLocal(c.from, c.to));
    this.slotHours = slotHoursByFacilitator(centre.groupSlots);
    this.declaresSlots = centre.groupSlots.some((s) => s.sex === leadSex && s.language === language);
    for (const b of centre.booked) {
      if (b.groupSlotId !== undefined) this.openedSlotMeetings.add(`${b.groupSlotId}@${toBishkekMinutes(b.startsAt)}`);
    }
    for (const b of centre.booked) {
      const interval = toLocal(b.startsAt, b.endsAt);
      this.addBooked(b.facilitatorIds[0], interval);
      if (b.facilitatorIds[1] !== b.facilitatorIds[0]) this.addBooked(b.facilitatorIds[1], interval);
    }
    this.leads = [...eligibleLeads].sort(byId).map((f) => this.staffOf(f.id) as Staff);
    this.cos = [...eligibleCos].sort(byId).map((f) => this.staffOf(f.id) as Staff);
    for (const lead of this.leads) {
      for (const co of this.cos) {
        this.pairs.push({
          key: `${lead.facilitator.id}|${co.facilitator.id}`,
          lead,
          co,
          certifiedDay: Math.max(lead.certifiedDay, co.certifiedDay),
          weekly: lead.weekly.map((w, d) => intersectIntervals(w, co.weekly[d])),
        });
      }
    }
    this.collectJoinableGroups();
  }

  /** Free starts for a new session on `day`, over every eligible pair. */
  newSlotsOn(day: number): DaySlots {
    const cached = this.newSlotsByDay.get(day);
    if (cached) return cached;
    const all: Slot[] = [];
    const byPair = new Map<string, Slot[]>();
    for (const pair of this.pairs) {
      if (pair.certifiedDay > day) continue;
      const own: Slot[] = [];
      this.gridStarts(day, pair.weekly, (start) => {
        const end = start + this.window.sessionMinutes;
        if (this.isFree(pair.lead, start, end) && this.isFree(pair.co, start, end)) {
          own.push({ day, start, end, leadId: pair.lead.facilitator.id, coId: pair.co.facilitator.id, pairKey: pair.key });
        }
        return false;
      });
      if (own.length > 0) {
        byPair.set(pair.key, own);
        all.push(...own);
      }
    }
    // Pairs are visited in key order and the sort is stable, so ties stay in key order.
    all.sort((a, b) => a.start - b.start);
    const slots = { all, byPair };
    this.newSlotsByDay.set(day, slots);
    return slots;
  }

  /** Some booked group of the request's sex and language has room inside the window, or a slot is declared for them. */
  hasOpenGroups(): boolean {
    return this.joinableByDay.size > 0 || this.hasDeclaredSlots();
  }

  /**
   * The centre declared weekly group meetings for the request's sex and language: its groups meet there and
   * nowhere else, so newcomers fill those meetings instead of each opening a group of their own.
   */
  hasDeclaredSlots(): boolean {
    return this.declaresSlots;
  }

  /**
   * Meetings of declared slots of the request's sex and language on `day` that nobody has opened yet and
   * whose pair is certified, present and not booked otherwise. The slot's hour is its pair's by declaration,
   * so their weekly windows are not consulted.
   */
  slotOpeningsOn(day: number): readonly Slot[] {
    const cached = this.slotOpeningsByDay.get(day);
    if (cached) return cached;
    const { notBefore, mustFinishBy, sessionMinutes } = this.window;
    const openings: Slot[] = [];
    for (const slot of slotsFor(this.centre.groupSlots, this.leadSex, this.language, weekdayOfDayNumber(day))) {
      if (slot.minutes < sessionMinutes) continue;
      const start = day * MINUTES_PER_DAY + clockMinutes(slot.start, `group slot ${slot.id}`);
      const end = start + slot.minutes;
      if (start < notBefore || end > mustFinishBy) continue;
      if (this.openedSlotMeetings.has(`${slot.id}@${start}`)) continue;
      const lead = this.staffOf(slot.leadFacilitatorId);
      const co = this.staffOf(slot.coFacilitatorId);
      if (!lead || !co) continue;
      const fit = (s: Staff, sex: Sex) =>
        canFacilitate(s.facilitator, sex, this.language, day) && this.isFree(s, start, end);
      if (!fit(lead, this.leadSex) || !fit(co, otherSex(this.leadSex))) continue;
      const pairKey = `${slot.leadFacilitatorId}|${slot.coFacilitatorId}`;
      openings.push({ day, start, end, leadId: slot.leadFacilitatorId, coId: slot.coFacilitatorId, pairKey, opens: slot });
    }
    this.slotOpeningsByDay.set(day, openings);
    return openings;
  }

  joinableOn(day: number): readonly Slot[] {
    return this.joinableByDay.get(day) ?? [];
  }

  /** A booked group this request could otherwise have joined is full on `day`. */
  hasFullGroupOn(day: number): boolean {
    return this.fullGroupDays.has(day);
  }

  /** Someone in `staff` has a free session-long slot somewhere in the window. */
  anyoneEverFree(staff: Staff[]): boolean {
    return staff.some((s) => {
      for (let day = Math.max(this.window.firstDay, s.certifiedDay); day <= this.window.lastDay; day++) {
        if (this.gridStarts(day, s.weekly, (start) => this.isFree(s, start, start + this.window.sessionMinutes))) {
          return true;
        }
      }
      return false;
    });
  }

  private addBooked(id: string, interval: Interval): void {
    const list = this.bookedBy.get(id);
    if (list) list.push(interval);
    else this.bookedBy.set(id, [interval]);
  }

  // Prepared on first use: much of a roster is the wrong sex or language for a given request.
  private staffOf(id: string): Staff | undefined {
    const known = this.staffById.get(id);
    const f = this.rosterById.get(id);
    if (known || !f) return known;
    const staff: Staff = {
      facilitator: f,
      certifiedDay: certifiedDayOf(f),
      weekly: outsideSlotHours(weeklyIntervals(f.weekly, `facilitator ${f.id}`), this.slotHours.get(id)),
      absent: new Timeline(
        f.exceptions.length ? [...this.closures, ...f.exceptions.map((e) => toLocal(e.from, e.to))] : this.closures,
      ),
      booked: new Timeline(this.bookedBy.get(id) ?? []),
    };
    this.staffById.set(id, staff);
    return staff;
  }

  private isFree(s: Staff, start: number, end: number): boolean {
    return s.absent.isFree(start, end) && s.booked.isFree(start, end);
  }

  /** Visits grid starts on `day` where a whole session fits a window and the request; stops on true. */
  private gridStarts(day: number, weekly: Interval[][], visit: (start: number) => boolean): boolean {
    const { notBefore, mustFinishBy, sessionMinutes, stepMinutes } = this.window;
    const dayStart = day * MINUTES_PER_DAY;
    for (const w of weekly[weekdayOfDayNumber(day)]) {
      for (let t = Math.ceil(w.start / stepMinutes) * stepMinutes; t + sessionMinutes <= w.end; t += stepMinutes) {
        const start = dayStart + t;
        if (start < notBefore) continue;
        if (start + sessionMinutes > mustFinishBy) return false;
        if (visit(start)) return true;
      }
    }
    return false;
  }

  /**
   * A booked group is joinable when it is for the participant's sex, in the language, long enough, inside
   * the window, run by a valid pair who is not away, and has room. Its own weekly windows and
   * bookings are not rechecked: the session is already on their calendar.
   */
  private collectJoinableGroups(): void {
    const { notBefore, mustFinishBy, sessionMinutes } = this.window;
    const coSex = otherSex(this.leadSex);
    for (const b of this.centre.booked) {
      if (b.kind !== 'group' || b.language !== this.language) continue;
      if (b.outreachPointId !== this.centre.atOutreachPoint) continue;
      const start = toBishkekMinutes(b.startsAt);
      const end = toBishkekMinutes(b.endsAt);
      if (start < notBefore || end > mustFinishBy || end - start < sessionMinutes) continue;
      const day = dayOf(start);
      // A group belongs to the sex of its lead, listed first: men and women never share a group.
      const lead = this.staffOf(b.facilitatorIds[0]);
      const co = this.staffOf(b.facilitatorIds[1]);
      if (!lead || !co) continue;
      const fit = (s: Staff, sex: Sex) => canFacilitate(s.facilitator, sex, this.language, day) && s.absent.isFree(start, end);
      if (!fit(lead, this.leadSex) || !fit(co, coSex)) continue;
      if (b.participants >= groupSeats(b.groupSlotId, this.centre.groupSlots, this.centre.groupCapacity)) {
        this.fullGroupDays.add(day);
        continue;
      }
      const slot: Slot = {
        day,
        start,
        end,
        leadId: lead.facilitator.id,
        coId: co.facilitator.id,
        pairKey: `${lead.facilitator.id}|${co.facilitator.id}`,
        joins: b,
      };
      const list = this.joinableByDay.get(day);
      if (list) list.push(slot);
      else this.joinableByDay.set(day, [slot]);
    }
    for (const list of this.joinableByDay.values()) {
      list.sort((x, y) => x.start - y.start || (x.joins!.id < y.joins!.id ? -1 : 1));
    }
  }
}
