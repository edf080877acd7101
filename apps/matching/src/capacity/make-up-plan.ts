import { dayOf, fromBishkekMinutes, toBishkekMinutes } from './bishkek-time';
import { CentreCalendar, planningWindow, Slot } from './centre-calendar';
import { CentreCapacity, Language, MANDATORY_PROGRAMME, PlannedSession, ProgrammeRules, Sex } from './capacity-types';
import { canFacilitate, pairSexes } from './facilitator-pair';

/** The sessions left to hold after an excused absence, and where they must fit. */
export interface MakeUpNeed {
  participantSex: Sex;
  language: Language;
  /** The excused session and every later one, in order, by index and kind. */
  sessions: Array<{ index: PlannedSession['index']; kind: PlannedSession['kind'] }>;
  notBefore: Date;
  /** The last session held before them: the first make-up comes the plan's gap after it. */
  previousStartsAt: Date | null;
  mustFinishBy: Date;
  /** The pair that ran the programme so far, kept where it is free. */
  preferredPairKey: string;
}

/**
 * The earliest slots for the sessions left, in order and at least the plan's gap apart, before expiry:
 * groups already running are joined first, then the pair the participant knows, then any trained pair of
 * the centre. Null when nothing fits. Sessions fall on different days, so a day that cannot be followed
 * by the rest is ruled out once for all.
 */
export function planMakeUp(centre: CentreCapacity, need: MakeUpNeed, rules: ProgrammeRules = MANDATORY_PROGRAMME): PlannedSession[] | null {
  if (centre.status !== 'open') return null;
  const window = planningWindow(need.notBefore, need.mustFinishBy, rules);
  if (window.lastDay < window.firstDay) return null;
  const { lead, co } = pairSexes(need.participantSex);
  const eligible = (sex: Sex) => centre.facilitators.filter((f) => canFacilitate(f, sex, need.language, window.lastDay));
  const calendar = new CentreCalendar(centre, need.language, lead, window, eligible(lead), eligible(co));

  const deadEnds = new Set<string>();
  const complete = (k: number, fromDay: number): Slot[] | null => {
    if (k === need.sessions.length) return [];
    if (deadEnds.has(`${k}:${fromDay}`)) return null;
    const lastDay = window.lastDay - (need.sessions.length - 1 - k) * rules.minDaysBetween;
    for (let day = fromDay; day <= lastDay; day++) {
      const slot = firstSlotOn(calendar, day, need.sessions[k].kind, need.preferredPairKey);
      if (!slot) continue;
      const rest = complete(k + 1, day + rules.minDaysBetween);
      if (rest) return [slot, ...rest];
    }
    deadEnds.add(`${k}:${fromDay}`);
    return null;
  };
  const afterPrevious = need.previousStartsAt ? dayOf(toBishkekMinutes(need.previousStartsAt)) + rules.minDaysBetween : -Infinity;
  const slots = complete(0, Math.max(window.firstDay, afterPrevious));
  if (!slots) return null;
  return slots.map((slot, i) => ({
    index: need.sessions[i].index,
    kind: need.sessions[i].kind,
    startsAt: slot.joins ? slot.joins.startsAt : fromBishkekMinutes(slot.start),
    endsAt: slot.joins ? slot.joins.endsAt : fromBishkekMinutes(slot.end),
    leadFacilitatorId: slot.leadId,
    coFacilitatorId: slot.coId,
    ...(slot.joins ? { joinsBookedSessionId: slot.joins.id } : {}),
  }));
}

function firstSlotOn(calendar: CentreCalendar, day: number, kind: PlannedSession['kind'], preferredPairKey: string): Slot | null {
  if (kind === 'group') {
    const joinable = calendar.joinableOn(day)[0];
    if (joinable) return joinable;
  }
  const open = calendar.newSlotsOn(day);
  return open.byPair.get(preferredPairKey)?.[0] ?? open.all[0] ?? null;
}
