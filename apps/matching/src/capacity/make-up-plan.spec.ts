import { bishkekInstant } from './bishkek-time';
import { BookedSession, CentreCapacity, Facilitator, Sex, WeeklyWindow } from './capacity-types';
import { MakeUpNeed, planMakeUp } from './make-up-plan';
import { capacityAtPoint } from './outreach-points';

const t = bishkekInstant;
const HOUR = 3_600_000;
const WEEKDAYS: WeeklyWindow['weekday'][] = [1, 2, 3, 4, 5];

function facilitator(id: string, sex: Sex, weekdays = WEEKDAYS): Facilitator {
  return {
    id,
    sex,
    languages: ['ky'],
    certifiedOn: t('2023-10-13'),
    active: true,
    weekly: weekdays.map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    exceptions: [],
  };
}

function centre(facilitators: Facilitator[], booked: BookedSession[] = []): CentreCapacity {
  return { centreId: 'c1', status: 'open', groupCapacity: 8, facilitators, booked, closures: [], groupSlots: [] };
}

function booked(id: string, kind: BookedSession['kind'], at: string, pair: [string, string]): BookedSession {
  const startsAt = t(at);
  return { id, kind, startsAt, endsAt: new Date(startsAt.getTime() + 4 * HOUR), facilitatorIds: pair, language: 'ky', participants: 1 };
}

/** Session 2 (Monday 14 December 2026) was missed with an excuse; session 1 was held on Monday 7 December. */
function need(overrides: Partial<MakeUpNeed> = {}): MakeUpNeed {
  return {
    participantSex: 'male',
    language: 'ky',
    sessions: [
      { index: 2, kind: 'individual' },
      { index: 3, kind: 'group' },
      { index: 4, kind: 'group' },
    ],
    notBefore: t('2026-12-14T13:00'),
    previousStartsAt: t('2026-12-07T09:00'),
    mustFinishBy: t('2027-01-06T18:00'),
    preferredPairKey: 'm1|f1',
    ...overrides,
  };
}

const local = (d: Date) => new Date(d.getTime() + 6 * HOUR).toISOString().slice(0, 16);

describe('planMakeUp', () => {
  it('moves the excused session to the next free slot and keeps the later ones in order, a week apart', () => {
    const plan = planMakeUp(centre([facilitator('m1', 'male'), facilitator('f1', 'female')]), need())!;
    expect(plan.map((s) => [s.index, s.kind, local(s.startsAt)])).toEqual([
      [2, 'individual', '2026-12-14T13:00'],
      [3, 'group', '2026-12-21T09:00'],
      [4, 'group', '2026-12-28T09:00'],
    ]);
    expect(plan.every((s) => s.leadFacilitatorId === 'm1' && s.coFacilitatorId === 'f1')).toBe(true);
  });

  it('makes up a session held at an outreach point there, on its days, with its pair', () => {
    const point = { id: 'p1', settlementCode: 'kazarman', facilitatorIds: ['m2', 'f2'] as [string, string], windows: [{ weekday: 4 as const, start: '10:00', end: '16:00' }] };
    const roster = [facilitator('m1', 'male'), facilitator('f1', 'female'), facilitator('m2', 'male'), facilitator('f2', 'female')];
    const plan = planMakeUp(capacityAtPoint(centre(roster), point), need({ preferredPairKey: 'm2|f2' }))!;
    expect(plan.map((s) => [s.index, local(s.startsAt), s.leadFacilitatorId, s.coFacilitatorId])).toEqual([
      [2, '2026-12-17T10:00', 'm2', 'f2'],
      [3, '2026-12-24T10:00', 'm2', 'f2'],
      [4, '2026-12-31T10:00', 'm2', 'f2'],
    ]);
  });

  it('keeps a week after the last session held even when the absence was recorded earlier', () => {
    const plan = planMakeUp(
      centre([facilitator('m1', 'male'), facilitator('f1', 'female')]),
      need({ notBefore: t('2026-12-08T09:00'), previousStartsAt: t('2026-12-07T09:00') }),
    )!;
    // Six days after Monday the 7th is a Sunday, when nobody works: the make-up falls on Monday the 14th.
    expect(local(plan[0].startsAt)).toBe('2026-12-14T09:00');
  });

  it('joins a group running that day before opening a new one, and uses any trained pair of the centre when the usual pair is busy', () => {
    const roster = [facilitator('m1', 'male'), facilitator('f1', 'female'), facilitator('m2', 'male'), facilitator('f2', 'female')];
    const plan = planMakeUp(
      centre(roster, [
        booked('busy', 'individual', '2026-12-14T13:00', ['m1', 'f1']),
        booked('busy-2', 'individual', '2026-12-14T17:00', ['m1', 'f1']),
        booked('g1', 'group', '2026-12-21T14:00', ['m2', 'f2']),
      ]),
      need(),
    )!;
    expect(plan.map((s) => [local(s.startsAt), s.leadFacilitatorId, s.joinsBookedSessionId ?? null])).toEqual([
      ['2026-12-14T13:00', 'm2', null],
      ['2026-12-21T14:00', 'm2', 'g1'],
      ['2026-12-28T09:00', 'm1', null],
    ]);
  });

  it('finds nothing when the sessions left cannot finish before the order expires', () => {
    expect(
      planMakeUp(centre([facilitator('m1', 'male'), facilitator('f1', 'female')]), need({ mustFinishBy: t('2026-12-27T18:00') })),
    ).toBeNull();
    expect(planMakeUp(centre([facilitator('m1', 'male')]), need())).toBeNull();
  });
});
