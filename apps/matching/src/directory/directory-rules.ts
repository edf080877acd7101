import { GroupSlot, Language, MANDATORY_PROGRAMME, Sex } from '../capacity/capacity-types';
import { otherSex } from '../capacity/facilitator-pair';
import { clockMinutes, overlappingWindows } from '../capacity/weekly-window';
import { isSettlementCode, Settlement, settlementByCode } from '../travel/kg-gazetteer';

export interface WindowInput {
  weekday: number;
  start: string;
  end: string;
}

/**
 * What is wrong with a week of availability, one line per problem naming the field: a window must end
 * after it starts, and windows of one weekday must not overlap (an overlap is almost always a typing slip).
 */
export function weeklyProblems(weekly: readonly WindowInput[], field = 'weekly'): string[] {
  const problems: string[] = [];
  weekly.forEach((w, i) => {
    if (clockMinutes(w.end, field) <= clockMinutes(w.start, field)) {
      problems.push(`${field}[${i}].end must be after ${field}[${i}].start`);
    }
  });
  for (const [i, j] of overlappingWindows(weekly)) {
    problems.push(`${field}[${j}] overlaps ${field}[${i}] on weekday ${weekly[i].weekday}`);
  }
  return problems;
}

export function exceptionProblems(e: { from: string; to: string }, field = 'exception'): string[] {
  return new Date(e.to).getTime() > new Date(e.from).getTime() ? [] : [`${field}.to must be after ${field}.from`];
}

/** The gazetteer settlement a centre is in, or the problem naming the field. */
export function settlementOf(code: string, field = 'settlementCode'): Settlement | string {
  return isSettlementCode(code) ? settlementByCode(code) : `${field} ${code} is not in the gazetteer`;
}

/** A slot as an admin declares it: the id is kept when given, made up when not. */
export type SlotInput = Omit<GroupSlot, 'id' | 'weekday'> & { id?: string; weekday: number };

/**
 * What is wrong with a centre's declared group slots, one line per problem naming the field: the lead is a
 * facilitator of the centre of the group's sex and the co-facilitator of the other, both speak the slot's
 * language, the meeting ends by midnight, the minimum is not above the maximum, and nobody is in two
 * slots at once.
 */
export function groupSlotProblems(
  slots: readonly SlotInput[],
  roster: ReadonlyMap<string, { sex: Sex; languages: readonly Language[] }>,
  field = 'groupSlots',
): string[] {
  const problems: string[] = [];
  slots.forEach((s, i) => {
    const at = `${field}[${i}]`;
    for (const [role, id, sex] of [
      ['leadFacilitatorId', s.leadFacilitatorId, s.sex],
      ['coFacilitatorId', s.coFacilitatorId, otherSex(s.sex)],
    ] as const) {
      const f = roster.get(id);
      if (!f) problems.push(`${at}.${role} ${id} is not a facilitator of this centre`);
      else if (f.sex !== sex) problems.push(`${at}.${role} must be a ${sex} facilitator for a ${s.sex} group`);
      else if (!f.languages.includes(s.language)) problems.push(`${at}.${role} ${id} does not speak ${s.language}`);
    }
    if (clockMinutes(s.start, `${at}.start`) + s.minutes > 1440) problems.push(`${at}.minutes must end the meeting by 24:00`);
    if (s.minParticipants > s.maxParticipants) problems.push(`${at}.minParticipants must not exceed ${at}.maxParticipants`);
  });
  const ids = slots.map((s) => s.id).filter((id): id is string => id !== undefined);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`${field} has slot id ${id} twice`);
  });
  const meetings = slots.map((s) => {
    const start = clockMinutes(s.start, field);
    return { weekday: s.weekday, start: s.start, end: clockOf(Math.min(start + s.minutes, 1440)), people: [s.leadFacilitatorId, s.coFacilitatorId] };
  });
  for (const [i, j] of overlappingWindows(meetings)) {
    if (meetings[i].people.some((p) => meetings[j].people.includes(p))) {
      problems.push(`${field}[${j}] overlaps ${field}[${i}] on weekday ${slots[i].weekday} with the same facilitator`);
    }
  }
  return problems;
}

/** An outreach point as an admin declares it: the id is kept when given, made up when not. */
export interface OutreachPointInput {
  id?: string;
  settlementCode: string;
  facilitatorIds: readonly string[];
  windows: readonly WindowInput[];
}

/**
 * What is wrong with a centre's outreach points, one line per problem naming the field: the place is in the
 * gazetteer, the pair is a man and a woman of the centre, each window holds a whole session, and nobody of a
 * pair is due elsewhere on an outreach day (another point, or a group slot they run at the centre): an
 * outreach day is a day away.
 */
export function outreachPointProblems(
  points: readonly OutreachPointInput[],
  roster: ReadonlyMap<string, { sex: Sex }>,
  slots: readonly Pick<SlotInput, 'id' | 'weekday' | 'leadFacilitatorId' | 'coFacilitatorId'>[],
  field = 'outreachPoints',
): string[] {
  const problems: string[] = [];
  const sessionMinutes = MANDATORY_PROGRAMME.sessionHours * 60;
  const dueOn = new Map<string, string>();
  slots.forEach((s, i) => {
    for (const id of [s.leadFacilitatorId, s.coFacilitatorId]) dueOn.set(`${id}@${s.weekday}`, `group slot ${s.id ?? i + 1}`);
  });
  points.forEach((p, i) => {
    const at = `${field}[${i}]`;
    const place = settlementOf(p.settlementCode, `${at}.settlementCode`);
    if (typeof place === 'string') problems.push(place);
    const pair = p.facilitatorIds.map((id) => roster.get(id));
    p.facilitatorIds.forEach((id, j) => {
      if (!pair[j]) problems.push(`${at}.facilitatorIds[${j}] ${id} is not a facilitator of this centre`);
    });
    if (pair.every((f) => f) && new Set(pair.map((f) => f!.sex)).size !== 2) problems.push(`${at}.facilitatorIds must be a man and a woman`);
    const windowProblems = weeklyProblems(p.windows, `${at}.windows`);
    problems.push(...windowProblems);
    p.windows.forEach((w, j) => {
      if (windowProblems.length === 0 && clockMinutes(w.end, at) - clockMinutes(w.start, at) < sessionMinutes) {
        problems.push(`${at}.windows[${j}] must hold a whole session of ${sessionMinutes / 60} hours`);
      }
    });
    for (const weekday of new Set(p.windows.map((w) => w.weekday))) {
      for (const id of new Set(p.facilitatorIds)) {
        const due = dueOn.get(`${id}@${weekday}`);
        if (due) problems.push(`${at}.facilitatorIds: ${id} is due at ${due} on weekday ${weekday}`);
        dueOn.set(`${id}@${weekday}`, `${field}[${i}]`);
      }
    }
  });
  const ids = points.map((p) => p.id).filter((id): id is string => id !== undefined);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`${field} has point id ${id} twice`);
  });
  return problems;
}

const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
