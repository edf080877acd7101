import type { Refusal, RefusalParams, RefusalRule } from '@korgoo/contracts';
import { GroupSlot, Language, MANDATORY_PROGRAMME, Sex } from '../capacity/capacity-types';
import { otherSex } from '../capacity/facilitator-pair';
import { clockMinutes, overlappingWindows } from '../capacity/weekly-window';
import { isSettlementCode, Settlement, settlementByCode } from '../travel/kg-gazetteer';

/**
 * A field a refusal is about, named twice: as the gateway names it in the request body (`groupSlots.1.minutes`),
 * for the screen to show the refusal there, and as matching's request names it (`changes.groupSlots[1].minutes`),
 * in the English sentence.
 */
export class Field {
  private constructor(
    private readonly body: string | null,
    private readonly request: string,
  ) {}

  /** A field of the body, inside `envelope` where matching's request wraps the body (`changes`). */
  static of(name: string, envelope?: string): Field {
    return new Field(name, envelope ? `${envelope}.${name}` : name);
  }

  /** The body as a whole, wrapped as `envelope` in matching's request (a period away added on its own). */
  static whole(envelope: string): Field {
    return new Field('', envelope);
  }

  /** What the change did not send (the points already held, checked against new slots): named in the sentence only. */
  static unsent(name: string): Field {
    return new Field(null, name);
  }

  at(index: number): Field {
    return new Field(this.body === null ? null : `${this.body}.${index}`, `${this.request}[${index}]`);
  }

  dot(name: string): Field {
    return new Field(this.body === null ? null : this.body ? `${this.body}.${name}` : name, `${this.request}.${name}`);
  }

  get inBody(): string | undefined {
    return this.body || undefined;
  }

  toString(): string {
    return this.request;
  }
}

/** One problem: its rule, the field when the screen has one to show it at, and its English sentence. */
export function refusal(rule: RefusalRule, field: Field | undefined, message: string, params?: RefusalParams): Refusal {
  const at = field?.inBody;
  return { rule, ...(at ? { field: at } : {}), ...(params ? { params } : {}), message };
}

/** What a change or a reading names that the directory does not hold, by id: the screen says which to look for. */
export const missing = {
  centre: (centreId: string) => refusal('centre_not_found', undefined, `no centre ${centreId}`, { centreId }),
  facilitator: (facilitatorId: string) => refusal('facilitator_not_found', undefined, `no facilitator ${facilitatorId}`, { facilitatorId }),
  exception: (facilitatorId: string, exceptionId: string) =>
    refusal('exception_not_found', undefined, `facilitator ${facilitatorId} has no exception ${exceptionId}`, { facilitatorId, exceptionId }),
};

/** Centre staff reaching for a centre not theirs. */
export const otherCentre = (centreId: string) =>
  refusal('other_centre', undefined, 'centre staff may change only their own centre', { centreId });

export interface WindowInput {
  weekday: number;
  start: string;
  end: string;
}

/**
 * What is wrong with a week of availability, one refusal per problem naming the field: a window must end
 * after it starts, and windows of one weekday must not overlap (an overlap is almost always a typing slip).
 * A window wrong as a whole is named at its end, where the screen shows it.
 */
export function weeklyProblems(weekly: readonly WindowInput[], field = Field.of('weekly')): Refusal[] {
  const problems: Refusal[] = [];
  weekly.forEach((w, i) => {
    const window = field.at(i);
    if (clockMinutes(w.end, `${field}`) <= clockMinutes(w.start, `${field}`)) {
      problems.push(refusal('window_ends_before_start', window.dot('end'), `${window.dot('end')} must be after ${window.dot('start')}`));
    }
  });
  for (const [i, j] of overlappingWindows(weekly)) {
    const weekday = weekly[i].weekday;
    problems.push(
      refusal('windows_overlap', field.at(j).dot('end'), `${field.at(j)} overlaps ${field.at(i)} on weekday ${weekday}`, {
        window: j + 1,
        otherWindow: i + 1,
        weekday,
      }),
    );
  }
  return problems;
}

export function exceptionProblems(e: { from: string; to: string }, field = Field.whole('exception')): Refusal[] {
  return new Date(e.to).getTime() > new Date(e.from).getTime()
    ? []
    : [refusal('period_ends_before_start', field.dot('to'), `${field.dot('to')} must be after ${field.dot('from')}`)];
}

/** The gazetteer settlement a centre is in, or the refusal naming the field. */
export function settlementOf(code: string, field = Field.of('settlementCode')): Settlement | Refusal {
  return isSettlementCode(code)
    ? settlementByCode(code)
    : refusal('settlement_not_in_gazetteer', field, `${field} ${code} is not in the gazetteer`, { settlementCode: code });
}

export const isRefusal = (value: object): value is Refusal => 'rule' in value;

/** A slot as an admin declares it: the id is kept when given, made up when not. */
export type SlotInput = Omit<GroupSlot, 'id' | 'weekday'> & { id?: string; weekday: number };

/**
 * What is wrong with a centre's declared group slots, one refusal per problem naming the field: the lead is a
 * facilitator of the centre of the group's sex and the co-facilitator of the other, both speak the slot's
 * language, the meeting ends by midnight, the minimum is not above the maximum, and nobody is in two
 * slots at once.
 */
export function groupSlotProblems(
  slots: readonly SlotInput[],
  roster: ReadonlyMap<string, { sex: Sex; languages: readonly Language[] }>,
  field = Field.of('groupSlots'),
): Refusal[] {
  const problems: Refusal[] = [];
  slots.forEach((s, i) => {
    const at = field.at(i);
    for (const [role, id, sex, wrongSex] of [
      ['leadFacilitatorId', s.leadFacilitatorId, s.sex, 'lead_not_of_group_sex'],
      ['coFacilitatorId', s.coFacilitatorId, otherSex(s.sex), 'co_not_of_other_sex'],
    ] as const) {
      const f = roster.get(id);
      const where = at.dot(role);
      if (!f) problems.push(refusal('not_a_facilitator_of_centre', where, `${where} ${id} is not a facilitator of this centre`, { facilitatorId: id }));
      else if (f.sex !== sex) problems.push(refusal(wrongSex, where, `${where} must be a ${sex} facilitator for a ${s.sex} group`));
      else if (!f.languages.includes(s.language)) {
        problems.push(refusal('facilitator_lacks_language', where, `${where} ${id} does not speak ${s.language}`, { facilitatorId: id, language: s.language }));
      }
    }
    if (clockMinutes(s.start, `${at}.start`) + s.minutes > 1440) {
      problems.push(refusal('meeting_past_midnight', at.dot('minutes'), `${at.dot('minutes')} must end the meeting by 24:00`));
    }
    if (s.minParticipants > s.maxParticipants) {
      const min = at.dot('minParticipants');
      problems.push(refusal('minimum_above_maximum', min, `${min} must not exceed ${at.dot('maxParticipants')}`));
    }
  });
  const ids = slots.map((s) => s.id).filter((id): id is string => id !== undefined);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(refusal('slot_id_twice', undefined, `${field} has slot id ${id} twice`, { slotId: id }));
  });
  const meetings = slots.map((s) => {
    const start = clockMinutes(s.start, `${field}`);
    return { weekday: s.weekday, start: s.start, end: clockOf(Math.min(start + s.minutes, 1440)), people: [s.leadFacilitatorId, s.coFacilitatorId] };
  });
  for (const [i, j] of overlappingWindows(meetings)) {
    if (meetings[i].people.some((p) => meetings[j].people.includes(p))) {
      const weekday = slots[i].weekday;
      // Named in the alert, not at a field: either slot may be the one to move.
      problems.push(
        refusal('slots_share_facilitator', undefined, `${field.at(j)} overlaps ${field.at(i)} on weekday ${weekday} with the same facilitator`, {
          slot: j + 1,
          otherSlot: i + 1,
          weekday,
        }),
      );
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
 * What is wrong with a centre's outreach points, one refusal per problem naming the field: the place is in the
 * gazetteer, the pair is a man and a woman of the centre, each window holds a whole session, and nobody of a
 * pair is due elsewhere on an outreach day (another point, or a group slot they run at the centre): an
 * outreach day is a day away.
 */
export function outreachPointProblems(
  points: readonly OutreachPointInput[],
  roster: ReadonlyMap<string, { sex: Sex }>,
  slots: readonly Pick<SlotInput, 'id' | 'weekday' | 'leadFacilitatorId' | 'coFacilitatorId'>[],
  field = Field.of('outreachPoints'),
): Refusal[] {
  const problems: Refusal[] = [];
  const sessionMinutes = MANDATORY_PROGRAMME.sessionHours * 60;
  const dueOn = new Map<string, { rule: 'due_at_group_slot' | 'due_at_outreach_point'; where: string; params: RefusalParams }>();
  slots.forEach((s, i) => {
    const slotId = s.id ?? String(i + 1);
    for (const id of [s.leadFacilitatorId, s.coFacilitatorId]) {
      dueOn.set(`${id}@${s.weekday}`, { rule: 'due_at_group_slot', where: `group slot ${slotId}`, params: { slotId } });
    }
  });
  points.forEach((p, i) => {
    const at = field.at(i);
    const pairField = at.dot('facilitatorIds');
    const place = settlementOf(p.settlementCode, at.dot('settlementCode'));
    if (isRefusal(place)) problems.push(place);
    const pair = p.facilitatorIds.map((id) => roster.get(id));
    p.facilitatorIds.forEach((id, j) => {
      // The pair is one field on the screen; the sentence names the one entry.
      if (!pair[j]) {
        problems.push(refusal('not_a_facilitator_of_centre', pairField, `${pairField.at(j)} ${id} is not a facilitator of this centre`, { facilitatorId: id }));
      }
    });
    if (pair.every((f) => f) && new Set(pair.map((f) => f!.sex)).size !== 2) {
      problems.push(refusal('pair_not_man_and_woman', pairField, `${pairField} must be a man and a woman`));
    }
    const windows = at.dot('windows');
    const windowProblems = weeklyProblems(p.windows, windows);
    problems.push(...windowProblems);
    p.windows.forEach((w, j) => {
      if (windowProblems.length === 0 && clockMinutes(w.end, `${at}`) - clockMinutes(w.start, `${at}`) < sessionMinutes) {
        const hours = sessionMinutes / 60;
        problems.push(refusal('window_shorter_than_session', windows.at(j).dot('end'), `${windows.at(j)} must hold a whole session of ${hours} hours`, { hours }));
      }
    });
    for (const weekday of new Set(p.windows.map((w) => w.weekday))) {
      for (const id of new Set(p.facilitatorIds)) {
        const due = dueOn.get(`${id}@${weekday}`);
        if (due) {
          problems.push(
            refusal(due.rule, pairField, `${pairField}: ${id} is due at ${due.where} on weekday ${weekday}`, { facilitatorId: id, weekday, ...due.params }),
          );
        }
        dueOn.set(`${id}@${weekday}`, { rule: 'due_at_outreach_point', where: `${at}`, params: { point: i + 1 } });
      }
    }
  });
  const ids = points.map((p) => p.id).filter((id): id is string => id !== undefined);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(refusal('point_id_twice', undefined, `${field} has point id ${id} twice`, { pointId: id }));
  });
  return problems;
}

const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
