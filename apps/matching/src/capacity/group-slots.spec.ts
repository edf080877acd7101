import { bishkekInstant, toBishkekMinutes, weekdayOfDayNumber, dayOf } from './bishkek-time';
import type { BookedSession, CentreCapacity, Facilitator, GroupSlot, ProgrammePlan, ProgrammeRequest, Sex } from './capacity-types';
import { assessFeasibility } from './feasibility';
import { groupSeats, slotHoursByFacilitator, slotsFor } from './group-slots';
import { subtractIntervals } from './weekly-window';

const t = bishkekInstant;

const person = (id: string, sex: Sex): Facilitator => ({
  id,
  sex,
  languages: ['ky', 'ru'],
  certifiedOn: t('2023-10-13'),
  active: true,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, start: '09:00', end: '18:00' })),
  exceptions: [],
});

/** The men's Kyrgyz group meets on Thursdays at 14:00, led by m1 with f1. */
const MENS_THURSDAY: GroupSlot = {
  id: 'slot-m',
  weekday: 4,
  start: '14:00',
  minutes: 240,
  sex: 'male',
  language: 'ky',
  leadFacilitatorId: 'm1',
  coFacilitatorId: 'f1',
  minParticipants: 3,
  maxParticipants: 2,
};

function centreWith(booked: BookedSession[], slots: GroupSlot[] = [MENS_THURSDAY]): CentreCapacity {
  return {
    centreId: 'c1',
    status: 'open',
    groupCapacity: 8,
    facilitators: [person('m1', 'male'), person('f1', 'female'), person('f2', 'female')],
    booked,
    closures: [],
    groupSlots: slots,
  };
}

const request = (participantSex: Sex): ProgrammeRequest => ({
  participantSex,
  language: 'ky',
  notBefore: t('2026-12-07T09:00'),
  mustFinishBy: t('2027-01-06T18:00'),
});

/** Books a plan the way the directory does: joins add a participant, the rest become sessions. */
function book(booked: BookedSession[], plan: ProgrammePlan, owner: string): BookedSession[] {
  const next = booked.map((b) => ({ ...b }));
  plan.sessions.forEach((s) => {
    const joined = next.find((b) => b.id === s.joinsBookedSessionId);
    if (joined) return void joined.participants++;
    next.push({
      id: `${owner}-${s.index}`,
      kind: s.kind,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      facilitatorIds: [s.leadFacilitatorId, s.coFacilitatorId],
      language: 'ky',
      participants: 1,
      ...(s.groupSlotId ? { groupSlotId: s.groupSlotId } : {}),
    });
  });
  return next;
}

function planFor(centre: CentreCapacity, sex: Sex): ProgrammePlan {
  const verdict = assessFeasibility(centre, request(sex));
  if (!verdict.feasible) throw new Error(verdict.reason);
  return verdict.plan;
}

/** A four-hour session starting after 10:00 and before 18:00 on a Thursday overlaps the slot's 14:00-18:00. */
const overlapsThursdaySlot = (at: Date) => {
  const minutes = toBishkekMinutes(at);
  const clock = minutes % 1440;
  return weekdayOfDayNumber(dayOf(minutes)) === 4 && clock > 10 * 60 && clock < 18 * 60;
};

describe('declared weekly group slots', () => {
  it("places a man's group sessions in the men's slot, and the next man in the same meetings", () => {
    const first = planFor(centreWith([]), 'male');
    const groups = first.sessions.filter((s) => s.kind === 'group');
    expect(groups.map((s) => s.groupSlotId)).toEqual(['slot-m', 'slot-m']);
    expect(groups.map((s) => s.startsAt)).toEqual([t('2026-12-24T14:00'), t('2026-12-31T14:00')]);

    const second = planFor(centreWith(book([], first, 'first')), 'male');
    expect(second.sessions.filter((s) => s.kind === 'group').map((s) => s.joinsBookedSessionId)).toEqual(['first-3', 'first-4']);
  });

  it('never fills a meeting past its maximum, and opens no group of its own beside the declared ones', () => {
    let booked: BookedSession[] = [];
    for (const owner of ['a', 'b']) booked = book(booked, planFor(centreWith(booked), 'male'), owner);
    const third = assessFeasibility(centreWith(booked), request('male'));
    expect(third).toEqual({
      feasible: false,
      code: 'group_capacity_full',
      reason: "the centre's declared ky group meetings for male participants are full until 2027-01-06",
    });
  });

  it('lets a man have groups of his own where no meeting is declared for men', () => {
    const WOMENS_THURSDAY = { ...MENS_THURSDAY, id: 'slot-w', sex: 'female' as const, leadFacilitatorId: 'f1', coFacilitatorId: 'm1' };
    const plan = planFor(centreWith([], [WOMENS_THURSDAY]), 'male');
    expect(plan.sessions.filter((s) => s.kind === 'group').every((s) => s.groupSlotId === undefined)).toBe(true);
  });

  it("never puts a woman in the men's slot", () => {
    const men = book([], planFor(centreWith([]), 'male'), 'man');
    const woman = planFor(centreWith(men), 'female');
    for (const s of woman.sessions) {
      expect(s.groupSlotId).toBeUndefined();
      expect(s.joinsBookedSessionId).toBeUndefined();
    }
  });

  it("keeps the slot's hour for the group: no individual session of its pair overlaps it", () => {
    const plan = planFor(centreWith([]), 'female');
    for (const s of plan.sessions) {
      const usesPair = s.leadFacilitatorId === 'f1' || s.coFacilitatorId === 'm1';
      if (usesPair) expect(overlapsThursdaySlot(s.startsAt)).toBe(false);
    }
  });
});

describe('slot helpers', () => {
  it('takes the slot hours out of weekly windows', () => {
    expect(subtractIntervals([{ start: 540, end: 1080 }], [{ start: 840, end: 1080 }])).toEqual([{ start: 540, end: 840 }]);
    expect(subtractIntervals([{ start: 0, end: 100 }, { start: 200, end: 300 }], [{ start: 50, end: 250 }])).toEqual([
      { start: 0, end: 50 },
      { start: 250, end: 300 },
    ]);
  });

  it('gives both facilitators of a slot its hour, and finds slots by sex, language and weekday', () => {
    const hours = slotHoursByFacilitator([MENS_THURSDAY]);
    expect(hours.get('m1')?.[4]).toEqual([{ start: 840, end: 1080 }]);
    expect(hours.get('f1')?.[4]).toEqual([{ start: 840, end: 1080 }]);
    expect(slotsFor([MENS_THURSDAY], 'female', 'ky', 4)).toEqual([]);
    expect(slotsFor([MENS_THURSDAY], 'male', 'ky', 4)).toEqual([MENS_THURSDAY]);
  });

  it("seats a slot's meeting up to the slot's maximum and any other group up to the centre's size", () => {
    expect(groupSeats('slot-m', [MENS_THURSDAY], 8)).toBe(2);
    expect(groupSeats(undefined, [MENS_THURSDAY], 8)).toBe(8);
  });
});
