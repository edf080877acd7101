import { bishkekDateString, fromBishkekMinutes, MINUTES_PER_DAY } from './bishkek-time';
import { CentreCalendar, PlanningWindow, planningWindow, Slot } from './centre-calendar';
import {
  CentreCapacity,
  FeasibilityVerdict,
  InfeasibilityCode,
  Language,
  MANDATORY_PROGRAMME,
  PlannedSession,
  ProgrammePlan,
  ProgrammeRules,
  ProgrammeRequest,
  Sex,
} from './capacity-types';
import { canFacilitate, certifiedDayOf, pairSexes } from './facilitator-pair';
import { preferFilledGroups } from './group-filling';

const dateOfDay = (day: number): string => bishkekDateString(fromBishkekMinutes(day * MINUTES_PER_DAY));

function infeasible(code: InfeasibilityCode, reason: string): FeasibilityVerdict {
  return { feasible: false, code, reason };
}

function checkRules(rules: ProgrammeRules): void {
  // Sessions on distinct days let the search forget earlier choices; the first one is individual.
  const valid =
    Number.isInteger(rules.minDaysBetween) &&
    Number.isInteger(rules.maxDaysBetween) &&
    rules.minDaysBetween >= 1 &&
    rules.maxDaysBetween >= rules.minDaysBetween &&
    rules.startStepMinutes > 0 &&
    rules.sessionHours > 0 &&
    rules.sessionHours * 60 <= MINUTES_PER_DAY &&
    rules.individualSessions >= 1 &&
    rules.individualSessions <= rules.sessionCount;
  if (!valid) throw new RangeError('invalid programme rules');
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
  const { lead: leadSex, co: coSex } = pairSexes(request.participantSex);
  const window = planningWindow(request.notBefore, request.mustFinishBy, rules);
  const { notBefore, mustFinishBy, sessionMinutes } = window;
  const latestFirstDay = window.lastDay - (rules.sessionCount - 1) * rules.minDaysBetween;
  const expiry = (): string => bishkekDateString(request.mustFinishBy);

  if (mustFinishBy - notBefore < sessionMinutes || latestFirstDay < window.firstDay) {
    return infeasible(
      'window_too_short',
      `the window ${bishkekDateString(request.notBefore)} to ${expiry()} is too short for ` +
        `${rules.sessionCount} sessions at least ${rules.minDaysBetween} days apart`,
    );
  }

  // The first session needs a certified pair by the last day it could still take place.
  const active = centre.facilitators.filter((f) => f.active);
  for (const sex of [leadSex, coSex]) {
    const certified = active.filter((f) => f.sex === sex && certifiedDayOf(f) <= latestFirstDay);
    if (certified.length === 0) {
      return infeasible('no_certified_pair', `no active ${sex} facilitator certified by ${dateOfDay(latestFirstDay)}`);
    }
    if (!certified.some((f) => f.languages.includes(language))) {
      return infeasible('no_language_pair', `no certified ${sex} facilitator speaking ${language}`);
    }
  }

  // Later sessions may use someone certified after the first one.
  const eligible = (sex: Sex) => active.filter((f) => canFacilitate(f, sex, language, window.lastDay));
  const calendar = new CentreCalendar(centre, language, leadSex, window, eligible(leadSex), eligible(coSex));
  let groupBlockedByCapacity = false;
  const found = preferFilledGroups(
    rules.sessionCount - rules.individualSessions,
    latestFirstDay,
    calendar.hasOpenGroups(),
    (minJoins, lastFirstDay) => {
      const search = findEarliestPlan(calendar, window, lastFirstDay, rules, minJoins);
      if (minJoins === 0) groupBlockedByCapacity = search.groupBlockedByCapacity;
      return search.slots && { slots: search.slots, firstDay: search.slots[0].day, joins: search.slots.filter(fillsGroup).length };
    },
  );

  if (found) return { feasible: true, plan: toPlan(found.slots, rules) };

  if (groupBlockedByCapacity && calendar.hasDeclaredSlots()) {
    return infeasible('group_capacity_full', `the centre's declared ${language} group meetings for ${request.participantSex} participants are full until ${expiry()}`);
  }
  if (groupBlockedByCapacity) {
    return infeasible(
      'group_capacity_full',
      `group sessions in ${language} are full (capacity ${centre.groupCapacity}) and no ${leadSex} and ` +
        `${coSex} facilitator pair speaking ${language} is free to open another before ${expiry()}`,
    );
  }
  // Name the scarcer side: whoever is never free on their own in the whole window.
  for (const [sex, staff] of [
    [leadSex, calendar.leads],
    [coSex, calendar.cos],
  ] as const) {
    if (!calendar.anyoneEverFree(staff)) {
      return infeasible('no_free_slot_before_expiry', `no ${sex} facilitator speaking ${language} free before ${expiry()}`);
    }
  }
  return infeasible(
    'no_free_slot_before_expiry',
    `no ${leadSex} and ${coSex} facilitator pair speaking ${language} free together for ${rules.sessionCount} ` +
      `sessions ${rules.minDaysBetween}-${rules.maxDaysBetween} days apart before ${expiry()}`,
  );
}

/** A group session that sits in a booked group or a declared slot rather than a group of its own. */
const fillsGroup = (slot: Slot): boolean => slot.joins !== undefined || slot.opens !== undefined;

interface PlanSearch {
  slots: Slot[] | null;
  /** Some group session found no option at all while a group it could have joined was full. */
  groupBlockedByCapacity: boolean;
}

/**
 * Depth-first over sessions in time order, the first session no later than `lastFirstDay`, at least
 * `minJoins` group sessions joining booked groups or declared slots. With sessions on distinct days, whether sessions k..n
 * can follow a session on a given day depends only on (k, day, joins still needed), so dead ends are
 * remembered and the search stays polynomial even when nothing fits.
 */
function findEarliestPlan(
  calendar: CentreCalendar,
  window: PlanningWindow,
  lastFirstDay: number,
  rules: ProgrammeRules,
  minJoins: number,
): PlanSearch {
  const count = rules.sessionCount;
  const deadEnds = new Set<number>();
  const deadEndKey = (k: number, day: number, needed: number) => (k * (count + 1) + needed) * 1e6 + day;
  let groupBlockedByCapacity = false;

  /** Options are tried as: joins of booked groups, declared slots, then the previous pair, then any other pair. */
  const complete = (k: number, prevDay: number, previousPair: string, onlyPreviousPair: boolean, needed: number): Slot[] | null => {
    if (k > count) return needed === 0 ? [] : null;
    if (deadEnds.has(deadEndKey(k, prevDay, needed))) return null;
    const fromDay = prevDay + rules.minDaysBetween;
    const toDay = Math.min(prevDay + rules.maxDaysBetween, window.lastDay - (count - k) * rules.minDaysBetween);
    const isGroup = k > rules.individualSessions;
    // Every group session left must join when as many joins are still needed; a centre with declared
    // meetings for this sex and language holds its groups only there.
    const mustJoin = isGroup && (needed > count - k || calendar.hasDeclaredSlots());
    let anyOption = false;
    let sawFullGroup = false;
    const attempt = (slot: Slot): Slot[] | null => {
      anyOption = true;
      const rest = complete(k + 1, slot.day, slot.pairKey, false, fillsGroup(slot) ? Math.max(0, needed - 1) : needed);
      return rest && [slot, ...rest];
    };

    if (isGroup) {
      for (let day = fromDay; day <= toDay; day++) {
        sawFullGroup ||= calendar.hasFullGroupOn(day);
        for (const slot of calendar.joinableOn(day)) {
          if (onlyPreviousPair && slot.pairKey !== previousPair) continue;
          const plan = attempt(slot);
          if (plan) return plan;
        }
      }
      for (let day = fromDay; day <= toDay; day++) {
        for (const slot of calendar.slotOpeningsOn(day)) {
          if (onlyPreviousPair && slot.pairKey !== previousPair) continue;
          const plan = attempt(slot);
          if (plan) return plan;
        }
      }
    }
    if (!mustJoin) {
      for (let day = fromDay; day <= toDay; day++) {
        for (const slot of calendar.newSlotsOn(day).byPair.get(previousPair) ?? []) {
          const plan = attempt(slot);
          if (plan) return plan;
        }
      }
    }
    if (!onlyPreviousPair) {
      for (let day = fromDay; day <= toDay && !mustJoin; day++) {
        for (const slot of calendar.newSlotsOn(day).all) {
          if (slot.pairKey === previousPair) continue;
          const plan = attempt(slot);
          if (plan) return plan;
        }
      }
      deadEnds.add(deadEndKey(k, prevDay, needed));
    }
    if (isGroup && !anyOption && sawFullGroup) groupBlockedByCapacity = true;
    return null;
  };

  const keepPair = rules.individualSessions >= 2;
  for (let day = window.firstDay; day <= lastFirstDay; day++) {
    const firsts = calendar.newSlotsOn(day).all;
    for (let i = 0; i < firsts.length && !deadEnds.has(deadEndKey(2, day, minJoins)); ) {
      let j = i;
      while (j < firsts.length && firsts[j].start === firsts[i].start) j++;
      for (const onlyPreviousPair of keepPair ? [true, false] : [false]) {
        for (let n = i; n < j; n++) {
          const rest = complete(2, day, firsts[n].pairKey, onlyPreviousPair, minJoins);
          if (rest) return { slots: [firsts[n], ...rest], groupBlockedByCapacity };
        }
      }
      i = j;
    }
  }
  return { slots: null, groupBlockedByCapacity };
}

function toPlan(slots: Slot[], rules: ProgrammeRules): ProgrammePlan {
  const sessions: PlannedSession[] = slots.map((slot, i) => ({
    index: (i + 1) as PlannedSession['index'],
    kind: i < rules.individualSessions ? 'individual' : 'group',
    startsAt: slot.joins ? slot.joins.startsAt : fromBishkekMinutes(slot.start),
    endsAt: slot.joins ? slot.joins.endsAt : fromBishkekMinutes(slot.end),
    leadFacilitatorId: slot.leadId,
    coFacilitatorId: slot.coId,
    ...(slot.joins ? { joinsBookedSessionId: slot.joins.id } : {}),
    ...(slot.opens ? { groupSlotId: slot.opens.id } : {}),
  }));
  return {
    sessions,
    firstSessionAt: sessions[0].startsAt,
    lastSessionEndsAt: sessions[sessions.length - 1].endsAt,
  };
}
