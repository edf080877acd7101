import {
  bishkekDateString,
  fromBishkekMinutes,
  toBishkekMinutes,
  weekdayOfDayNumber,
} from './bishkek-time';

export type Language = 'ky' | 'ru';
export type Sex = 'male' | 'female';

/** Asia/Bishkek local time (UTC+6, no DST). 'HH:MM', end may be '24:00'. */
export interface WeeklyWindow {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  start: string;
  end: string;
}

/** Half-open interval [from, to). */
export interface AvailabilityException {
  from: Date;
  to: Date;
  reason: 'leave' | 'holiday' | 'other';
}

export interface Facilitator {
  id: string;
  sex: Sex;
  languages: Language[];
  certifiedOn: Date | null;
  active: boolean;
  weekly: WeeklyWindow[];
  exceptions: AvailabilityException[];
}

export interface BookedSession {
  id: string;
  kind: 'individual' | 'group';
  startsAt: Date;
  endsAt: Date;
  facilitatorIds: [string, string];
  language: Language;
  participants: number;
}

export interface CentreCapacity {
  centreId: string;
  status: 'open' | 'paused';
  groupCapacity: number;
  facilitators: Facilitator[];
  booked: BookedSession[];
  closures: AvailabilityException[];
}

export interface ProgrammeRequest {
  participantSex: Sex;
  language: Language;
  notBefore: Date;
  mustFinishBy: Date;
}

export interface PlannedSession {
  index: 1 | 2 | 3 | 4;
  kind: 'individual' | 'group';
  startsAt: Date;
  endsAt: Date;
  leadFacilitatorId: string;
  coFacilitatorId: string;
  joinsBookedSessionId?: string;
}

export interface ProgrammePlan {
  sessions: PlannedSession[];
  firstSessionAt: Date;
  lastSessionEndsAt: Date;
}

export type InfeasibilityCode =
  | 'centre_paused'
  | 'no_certified_pair'
  | 'no_language_pair'
  | 'no_free_slot_before_expiry'
  | 'group_capacity_full'
  | 'window_too_short';

export type FeasibilityVerdict =
  | { feasible: true; plan: ProgrammePlan }
  | { feasible: false; code: InfeasibilityCode; reason: string };

export interface ProgrammeRules {
  sessionCount: 4;
  individualSessions: 2;
  sessionHours: 4;
  /** Calendar days (Bishkek) between consecutive sessions. */
  minDaysBetween: number;
  maxDaysBetween: number;
  /** Sessions start on this grid counted from local midnight. */
  startStepMinutes: number;
}

/** Decree No. 390: 16 hours in 4 sessions over 4 weeks, 2 individual then 2 group. */
export const MANDATORY_PROGRAMME: ProgrammeRules = Object.freeze({
  sessionCount: 4,
  individualSessions: 2,
  sessionHours: 4,
  minDaysBetween: 6,
  maxDaysBetween: 8,
  startStepMinutes: 60,
});

const MINUTES_PER_DAY = 1440;

interface Interval {
  start: number;
  end: number;
}

/** Disjoint sorted intervals in Bishkek local minutes, so a free check is one binary search. */
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

interface Staff {
  facilitator: Facilitator;
  certifiedDay: number;
  /** Index 1-7 by ISO weekday, minutes from local midnight, merged. */
  windows: Interval[][];
  absent: Timeline;
  booked: Timeline;
}

interface Pair {
  key: string;
  lead: Staff;
  co: Staff;
  certifiedDay: number;
  windows: Interval[][];
}

interface Slot {
  day: number;
  start: number;
  end: number;
  leadId: string;
  coId: string;
  pairKey: string;
  joins?: BookedSession;
}

const otherSex = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
const dayOf = (localMinutes: number): number => Math.floor(localMinutes / MINUTES_PER_DAY);
const dateOfDay = (day: number): string => bishkekDateString(fromBishkekMinutes(day * MINUTES_PER_DAY));
const certifiedDayOf = (f: Facilitator): number =>
  f.certifiedOn === null ? Infinity : dayOf(toBishkekMinutes(f.certifiedOn));

function infeasible(code: InfeasibilityCode, reason: string): FeasibilityVerdict {
  return { feasible: false, code, reason };
}

function parseClock(clock: string, owner: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`invalid weekly window time '${clock}' for ${owner}`);
  }
  return minutes;
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

function weeklyIntervals(f: Facilitator): Interval[][] {
  const byDay: Interval[][] = Array.from({ length: 8 }, () => []);
  for (const w of f.weekly) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      throw new RangeError(`invalid weekday ${w.weekday} for facilitator ${f.id}`);
    }
    const start = parseClock(w.start, `facilitator ${f.id}`);
    const end = parseClock(w.end, `facilitator ${f.id}`);
    if (end > start) byDay[w.weekday].push({ start, end });
  }
  return byDay.map(mergeIntervals);
}

function toLocal(from: Date, to: Date): Interval {
  return { start: toBishkekMinutes(from), end: toBishkekMinutes(to) };
}

function checkRules(rules: ProgrammeRules): void {
  const ok =
    Number.isInteger(rules.minDaysBetween) &&
    Number.isInteger(rules.maxDaysBetween) &&
    rules.minDaysBetween >= 1 &&
    rules.maxDaysBetween >= rules.minDaysBetween &&
    rules.startStepMinutes > 0 &&
    rules.sessionHours > 0 &&
    rules.sessionHours * 60 <= MINUTES_PER_DAY &&
    rules.individualSessions >= 0 &&
    rules.individualSessions <= rules.sessionCount &&
    rules.sessionCount >= 1;
  // Sessions on distinct days is what lets the search forget earlier choices.
  if (!ok) throw new RangeError('invalid programme rules');
}

/**
 * Can this centre deliver the programme to this participant inside the request window, and with
 * which sessions? Deterministic: the plan with the earliest first session; at equal first-session
 * times, a pair that can also run the second individual session is preferred.
 */
export function assessFeasibility(
  centre: CentreCapacity,
  request: ProgrammeRequest,
  rules: ProgrammeRules = MANDATORY_PROGRAMME,
): FeasibilityVerdict {
  checkRules(rules);
  if (Number.isNaN(request.notBefore.getTime()) || Number.isNaN(request.mustFinishBy.getTime())) {
    throw new RangeError('request window has an invalid date');
  }
  if (centre.status !== 'open') {
    return infeasible('centre_paused', `centre ${centre.centreId} is paused and takes no new participants`);
  }

  const { language } = request;
  const leadSex = request.participantSex;
  const coSex = otherSex(leadSex);
  const sessionMinutes = rules.sessionHours * 60;
  const step = rules.startStepMinutes;
  const count = rules.sessionCount;
  const notBefore = toBishkekMinutes(request.notBefore);
  const mustFinishBy = toBishkekMinutes(request.mustFinishBy);
  const firstDay = dayOf(notBefore);
  const lastDay = dayOf(mustFinishBy - sessionMinutes);
  const spanDays = (count - 1) * rules.minDaysBetween;
  const latestFirstDay = lastDay - spanDays;
  const expiry = bishkekDateString(request.mustFinishBy);

  if (mustFinishBy - notBefore < sessionMinutes || latestFirstDay < firstDay) {
    return infeasible(
      'window_too_short',
      `the window ${bishkekDateString(request.notBefore)} to ${expiry} is too short for ${count} sessions ` +
        `at least ${rules.minDaysBetween} days apart`,
    );
  }

  // Certification is judged at the latest day the first session could still take place.
  const byDate = dateOfDay(latestFirstDay);
  const active = centre.facilitators.filter((f) => f.active);
  const roleStaff = (sex: Sex) => active.filter((f) => f.sex === sex && certifiedDayOf(f) <= latestFirstDay);
  for (const sex of [leadSex, coSex]) {
    const certified = roleStaff(sex);
    if (certified.length === 0) {
      return infeasible('no_certified_pair', `no active ${sex} facilitator certified by ${byDate}`);
    }
    if (!certified.some((f) => f.languages.includes(language))) {
      return infeasible('no_language_pair', `no certified ${sex} facilitator speaking ${language}`);
    }
  }

  const closures = centre.closures.map((c) => toLocal(c.from, c.to));
  const bookedBy = new Map<string, Interval[]>();
  for (const b of centre.booked) {
    for (const id of new Set(b.facilitatorIds)) {
      const list = bookedBy.get(id) ?? [];
      list.push(toLocal(b.startsAt, b.endsAt));
      bookedBy.set(id, list);
    }
  }
  const staffById = new Map<string, Staff>();
  for (const f of centre.facilitators) {
    staffById.set(f.id, {
      facilitator: f,
      certifiedDay: certifiedDayOf(f),
      windows: weeklyIntervals(f),
      absent: new Timeline([...closures, ...f.exceptions.map((e) => toLocal(e.from, e.to))]),
      booked: new Timeline(bookedBy.get(f.id) ?? []),
    });
  }
  const speaking = (sex: Sex): Staff[] =>
    roleStaff(sex)
      .filter((f) => f.languages.includes(language))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((f) => staffById.get(f.id) as Staff);
  const leads = speaking(leadSex);
  const cos = speaking(coSex);
  const pairs: Pair[] = [];
  for (const lead of leads) {
    for (const co of cos) {
      pairs.push({
        key: `${lead.facilitator.id}|${co.facilitator.id}`,
        lead,
        co,
        certifiedDay: Math.max(lead.certifiedDay, co.certifiedDay),
        windows: lead.windows.map((w, d) => intersectIntervals(w, co.windows[d])),
      });
    }
  }

  const isFree = (s: Staff, start: number, end: number): boolean =>
    s.absent.isFree(start, end) && s.booked.isFree(start, end);

  /** Grid starts on `day` where `windows` fit a whole session inside the request window. */
  const gridStarts = (day: number, windows: Interval[][], visit: (start: number) => boolean): boolean => {
    const dayStart = day * MINUTES_PER_DAY;
    for (const w of windows[weekdayOfDayNumber(day)]) {
      for (let t = Math.ceil(w.start / step) * step; t + sessionMinutes <= w.end; t += step) {
        const start = dayStart + t;
        if (start < notBefore) continue;
        if (start + sessionMinutes > mustFinishBy) return false;
        if (visit(start)) return true;
      }
    }
    return false;
  };

  const newSlotsByDay = new Map<number, Slot[]>();
  const newSlotsOn = (day: number): Slot[] => {
    const cached = newSlotsByDay.get(day);
    if (cached) return cached;
    const slots: Slot[] = [];
    for (const pair of pairs) {
      if (pair.certifiedDay > day) continue;
      gridStarts(day, pair.windows, (start) => {
        const end = start + sessionMinutes;
        if (isFree(pair.lead, start, end) && isFree(pair.co, start, end)) {
          slots.push({
            day,
            start,
            end,
            leadId: pair.lead.facilitator.id,
            coId: pair.co.facilitator.id,
            pairKey: pair.key,
          });
        }
        return false;
      });
    }
    // Pairs were visited in key order, so a stable sort keeps it within each start time.
    slots.sort((a, b) => a.start - b.start);
    newSlotsByDay.set(day, slots);
    return slots;
  };

  const joinableByDay = new Map<number, Slot[]>();
  const fullGroupDays = new Set<number>();
  for (const b of centre.booked) {
    if (b.kind !== 'group' || b.language !== language) continue;
    const start = toBishkekMinutes(b.startsAt);
    const end = toBishkekMinutes(b.endsAt);
    if (start < notBefore || end > mustFinishBy || end - start < sessionMinutes) continue;
    const day = dayOf(start);
    const [a, c] = b.facilitatorIds.map((id) => staffById.get(id));
    if (!a || !c) continue;
    const lead = a.facilitator.sex === leadSex ? a : c;
    const co = lead === a ? c : a;
    const valid = [lead, co].every(
      (s) => s.facilitator.active && s.certifiedDay <= day && s.facilitator.languages.includes(language),
    );
    if (!valid || lead.facilitator.sex !== leadSex || co.facilitator.sex !== coSex) continue;
    if (!lead.absent.isFree(start, end) || !co.absent.isFree(start, end)) continue;
    if (b.participants >= centre.groupCapacity) {
      fullGroupDays.add(day);
      continue;
    }
    const list = joinableByDay.get(day) ?? [];
    list.push({
      day,
      start,
      end,
      leadId: lead.facilitator.id,
      coId: co.facilitator.id,
      pairKey: `${lead.facilitator.id}|${co.facilitator.id}`,
      joins: b,
    });
    joinableByDay.set(day, list);
  }
  for (const list of joinableByDay.values()) {
    list.sort((x, y) => x.start - y.start || (x.joins!.id < y.joins!.id ? -1 : 1));
  }

  let groupBlockedByCapacity = false;

  /** Options for session k in the order they are tried: joins, then the previous pair, then the rest. */
  const optionsFor = (k: number, fromDay: number, toDay: number, previousPair: string | null): Slot[] => {
    const isGroup = k > rules.individualSessions;
    const joins: Slot[] = [];
    const samePair: Slot[] = [];
    const others: Slot[] = [];
    let sawFullGroup = false;
    for (let day = fromDay; day <= toDay; day++) {
      if (isGroup) {
        joins.push(...(joinableByDay.get(day) ?? []));
        sawFullGroup ||= fullGroupDays.has(day);
      }
      for (const slot of newSlotsOn(day)) (slot.pairKey === previousPair ? samePair : others).push(slot);
    }
    const options = [...joins, ...samePair, ...others];
    if (isGroup && options.length === 0 && sawFullGroup) groupBlockedByCapacity = true;
    return options;
  };

  const dead = new Set<number>();
  /** Sessions k..count after a session on prevDay; failures depend only on (k, prevDay). */
  const complete = (k: number, prevDay: number, previousPair: string, onlyPair: boolean): Slot[] | null => {
    if (k > count) return [];
    const memo = k * 1e6 + prevDay;
    if (dead.has(memo)) return null;
    const fromDay = prevDay + rules.minDaysBetween;
    const toDay = Math.min(prevDay + rules.maxDaysBetween, lastDay - (count - k) * rules.minDaysBetween);
    for (const slot of optionsFor(k, fromDay, toDay, previousPair)) {
      if (onlyPair && slot.pairKey !== previousPair) continue;
      const rest = complete(k + 1, slot.day, slot.pairKey, false);
      if (rest) return [slot, ...rest];
    }
    if (!onlyPair) dead.add(memo);
    return null;
  };

  const findPlan = (): Slot[] | null => {
    const keepPairForSecond = rules.individualSessions >= 2;
    for (let day = firstDay; day <= latestFirstDay; day++) {
      const options = optionsFor(1, day, day, null);
      for (let i = 0; i < options.length; ) {
        let j = i;
        while (j < options.length && options[j].start === options[i].start) j++;
        const sameStart = options.slice(i, j);
        if (keepPairForSecond) {
          for (const slot of sameStart) {
            const rest = complete(2, day, slot.pairKey, true);
            if (rest) return [slot, ...rest];
          }
        }
        for (const slot of sameStart) {
          const rest = complete(2, day, slot.pairKey, false);
          if (rest) return [slot, ...rest];
        }
        if (dead.has(2 * 1e6 + day)) break;
        i = j;
      }
    }
    return null;
  };

  const found = findPlan();
  if (found) {
    const sessions: PlannedSession[] = found.map((slot, i) => ({
      index: (i + 1) as PlannedSession['index'],
      kind: i < rules.individualSessions ? 'individual' : 'group',
      startsAt: slot.joins ? slot.joins.startsAt : fromBishkekMinutes(slot.start),
      endsAt: slot.joins ? slot.joins.endsAt : fromBishkekMinutes(slot.end),
      leadFacilitatorId: slot.leadId,
      coFacilitatorId: slot.coId,
      ...(slot.joins ? { joinsBookedSessionId: slot.joins.id } : {}),
    }));
    return {
      feasible: true,
      plan: {
        sessions,
        firstSessionAt: sessions[0].startsAt,
        lastSessionEndsAt: sessions[sessions.length - 1].endsAt,
      },
    };
  }

  if (groupBlockedByCapacity) {
    return infeasible(
      'group_capacity_full',
      `group sessions in ${language} are full (capacity ${centre.groupCapacity}) and no ${leadSex} and ` +
        `${coSex} facilitator pair speaking ${language} is free to open another before ${expiry}`,
    );
  }

  // Name the scarcer side: whoever is never free on their own in the whole window.
  const everFree = (staff: Staff[]): boolean =>
    staff.some((s) => {
      for (let day = Math.max(firstDay, s.certifiedDay); day <= lastDay; day++) {
        if (gridStarts(day, s.windows, (start) => isFree(s, start, start + sessionMinutes))) return true;
      }
      return false;
    });
  for (const [sex, staff] of [
    [leadSex, leads],
    [coSex, cos],
  ] as const) {
    if (!everFree(staff)) {
      return infeasible(
        'no_free_slot_before_expiry',
        `no ${sex} facilitator speaking ${language} free before ${expiry}`,
      );
    }
  }
  return infeasible(
    'no_free_slot_before_expiry',
    `no ${leadSex} and ${coSex} facilitator pair speaking ${language} free together for ${count} sessions ` +
      `${rules.minDaysBetween}-${rules.maxDaysBetween} days apart before ${expiry}`,
  );
}
