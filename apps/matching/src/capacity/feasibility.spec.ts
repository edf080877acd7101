import fc from 'fast-check';
import { bishkekInstant } from './bishkek-time';
import { assessFeasibility } from './feasibility';
import { AvailabilityException, BookedSession, CentreCapacity, Facilitator, FeasibilityVerdict, Language, MANDATORY_PROGRAMME, ProgrammePlan, ProgrammeRequest, Sex, WeeklyWindow } from './capacity-types';

const t = bishkekInstant;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAYS: WeeklyWindow['weekday'][] = [1, 2, 3, 4, 5];

const weekly = (days: WeeklyWindow['weekday'][], start = '09:00', end = '18:00'): WeeklyWindow[] =>
  days.map((weekday) => ({ weekday, start, end }));

function facilitator(id: string, sex: Sex, overrides: Partial<Facilitator> = {}): Facilitator {
  return {
    id,
    sex,
    languages: ['ky', 'ru'],
    certifiedOn: t('2023-10-13'),
    active: true,
    weekly: weekly(WEEKDAYS),
    exceptions: [],
    ...overrides,
  };
}

function centre(facilitators: Facilitator[], overrides: Partial<CentreCapacity> = {}): CentreCapacity {
  return { centreId: 'c1', status: 'open', groupCapacity: 8, facilitators, booked: [], closures: [], groupSlots: [], ...overrides };
}

/** Order issued on Monday 7 December 2026; the 30-day order ends on Wednesday 6 January 2027. */
function request(overrides: Partial<ProgrammeRequest> = {}): ProgrammeRequest {
  return {
    participantSex: 'male',
    language: 'ky',
    notBefore: t('2026-12-07T09:00'),
    mustFinishBy: t('2027-01-06T18:00'),
    ...overrides,
  };
}

function group(
  id: string,
  startsAt: string,
  pair: [string, string],
  participants: number,
  language: Language = 'ky',
): BookedSession {
  const start = t(startsAt);
  return {
    id,
    kind: 'group',
    startsAt: start,
    endsAt: new Date(start.getTime() + 4 * HOUR),
    facilitatorIds: pair,
    language,
    participants,
  };
}

function leave(from: string, to: string, reason: AvailabilityException['reason'] = 'leave'): AvailabilityException {
  return { from: t(from), to: t(to), reason };
}

function planOf(verdict: FeasibilityVerdict): ProgrammePlan {
  if (!verdict.feasible) throw new Error(`expected a plan, got ${verdict.code}: ${verdict.reason}`);
  return verdict.plan;
}

/** Bishkek wall-clock start of each session, e.g. '2026-12-07T09:00'. */
const starts = (plan: ProgrammePlan) =>
  plan.sessions.map((s) => new Date(s.startsAt.getTime() + 6 * HOUR).toISOString().slice(0, 16));

const baseline = () => [facilitator('m1', 'male'), facilitator('f1', 'female')];

describe('assessFeasibility', () => {
  it('plans 2 individual then 2 group sessions of 4 hours, a week apart, earliest first', () => {
    const plan = planOf(assessFeasibility(centre(baseline()), request()));
    expect(starts(plan)).toEqual(['2026-12-07T09:00', '2026-12-14T09:00', '2026-12-21T09:00', '2026-12-28T09:00']);
    expect(plan.sessions.map((s) => s.kind)).toEqual(['individual', 'individual', 'group', 'group']);
    expect(plan.sessions.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    for (const s of plan.sessions) {
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(4 * HOUR);
      expect(s).toMatchObject({ leadFacilitatorId: 'm1', coFacilitatorId: 'f1' });
      expect(s.joinsBookedSessionId).toBeUndefined();
    }
    // Weekly windows are Bishkek time: 09:00 there is 03:00 UTC.
    expect(plan.firstSessionAt.toISOString()).toBe('2026-12-07T03:00:00.000Z');
    expect(plan.lastSessionEndsAt.toISOString()).toBe('2026-12-28T07:00:00.000Z');
  });

  it('uses the default mandatory programme rules', () => {
    expect(MANDATORY_PROGRAMME).toEqual({
      sessionCount: 4,
      individualSessions: 2,
      sessionHours: 4,
      minDaysBetween: 6,
      maxDaysBetween: 8,
      startStepMinutes: 60,
    });
  });

  describe('the pair: a man and a woman, the participant’s sex leads', () => {
    it.each([
      ['male', 'm1', 'f1'],
      ['female', 'f1', 'm1'],
    ] as const)('a %s participant is led by %s with %s', (participantSex, lead, co) => {
      const plan = planOf(assessFeasibility(centre(baseline()), request({ participantSex })));
      for (const s of plan.sessions) expect([s.leadFacilitatorId, s.coFacilitatorId]).toEqual([lead, co]);
    });

    it.each([
      ['two men', [facilitator('m1', 'male'), facilitator('m2', 'male')], 'no active female facilitator certified by 2026-12-19'],
      ['two women', [facilitator('f1', 'female'), facilitator('f2', 'female')], 'no active male facilitator certified by 2026-12-19'],
      ['nobody', [], 'no active male facilitator certified by 2026-12-19'],
    ])('refuses a centre with %s', (_label, staff, reason) => {
      expect(assessFeasibility(centre(staff), request())).toEqual({ feasible: false, code: 'no_certified_pair', reason });
    });

    it('ignores inactive facilitators', () => {
      const staff = [facilitator('m1', 'male', { active: false }), facilitator('f1', 'female')];
      expect(assessFeasibility(centre(staff), request())).toMatchObject({ code: 'no_certified_pair' });
    });
  });

  describe('language', () => {
    it.each([
      ['male', 'male', 'no certified male facilitator speaking ky'],
      ['male', 'female', 'no certified female facilitator speaking ky'],
      ['female', 'male', 'no certified male facilitator speaking ky'],
    ] as const)('a %s participant, the %s facilitator speaks only ru', (participantSex, ruOnly, reason) => {
      const staff = [
        facilitator('m1', 'male', { languages: ruOnly === 'male' ? ['ru'] : ['ky'] }),
        facilitator('f1', 'female', { languages: ruOnly === 'female' ? ['ru'] : ['ky'] }),
      ];
      expect(assessFeasibility(centre(staff), request({ participantSex }))).toEqual({
        feasible: false,
        code: 'no_language_pair',
        reason,
      });
    });

    it('picks the pair that speaks the requested language', () => {
      const staff = [
        facilitator('m1', 'male', { languages: ['ky'] }),
        facilitator('m2', 'male', { languages: ['ru'] }),
        facilitator('f1', 'female', { languages: ['ky', 'ru'] }),
      ];
      const ru = planOf(assessFeasibility(centre(staff), request({ language: 'ru' })));
      expect(new Set(ru.sessions.map((s) => s.leadFacilitatorId))).toEqual(new Set(['m2']));
      const ky = planOf(assessFeasibility(centre(staff), request({ language: 'ky' })));
      expect(new Set(ky.sessions.map((s) => s.leadFacilitatorId))).toEqual(new Set(['m1']));
    });
  });

  describe('certification', () => {
    it.each([
      ['never certified', null, 'no active male facilitator certified by 2026-12-19'],
      // The last day a first session could take place and still leave room for three more.
      ['certified after the last possible first session', t('2026-12-20'), 'no active male facilitator certified by 2026-12-19'],
    ])('refuses a male facilitator %s', (_label, certifiedOn, reason) => {
      const staff = [facilitator('m1', 'male', { certifiedOn }), facilitator('f1', 'female')];
      expect(assessFeasibility(centre(staff), request())).toEqual({ feasible: false, code: 'no_certified_pair', reason });
    });

    it('starts no session before the pair is certified', () => {
      const staff = [facilitator('m1', 'male', { certifiedOn: t('2026-12-10') }), facilitator('f1', 'female')];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      expect(starts(plan)[0]).toBe('2026-12-10T09:00');
    });

    it('hands later sessions to a newly certified facilitator when the other is gone', () => {
      const staff = [
        facilitator('m1', 'male', { exceptions: [leave('2026-12-13', '2027-01-31')] }),
        facilitator('m2', 'male', { certifiedOn: t('2026-12-14') }),
        facilitator('f1', 'female'),
      ];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      expect(plan.sessions.map((s) => s.leadFacilitatorId)).toEqual(['m1', 'm2', 'm2', 'm2']);
      expect(starts(plan)[0]).toBe('2026-12-07T09:00');
    });
    it('lets someone certified after the first session run the later ones', () => {
      const staff = [
        facilitator('m1', 'male', { exceptions: [leave('2026-12-16', '2027-01-31')] }),
        facilitator('m2', 'male', { certifiedOn: t('2026-12-20') }),
        facilitator('f1', 'female'),
      ];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      expect(plan.sessions.map((s) => s.leadFacilitatorId)).toEqual(['m1', 'm1', 'm2', 'm2']);
    });
  });

  describe('expiry and the request window', () => {
    it('fits the last session exactly up to the expiry', () => {
      const plan = planOf(assessFeasibility(centre(baseline()), request({ mustFinishBy: t('2026-12-28T13:00') })));
      expect(plan.lastSessionEndsAt).toEqual(t('2026-12-28T13:00'));
    });

    it('refuses when the last session would end a minute too late', () => {
      expect(assessFeasibility(centre(baseline()), request({ mustFinishBy: t('2026-12-28T12:59') }))).toEqual({
        feasible: false,
        code: 'no_free_slot_before_expiry',
        reason: 'no male and female facilitator pair speaking ky free together for 4 sessions 6-8 days apart before 2026-12-28',
      });
    });

    it.each([
      ['2026-12-20T18:00', 'shorter than three weekly gaps'],
      ['2026-12-07T12:00', 'shorter than one session'],
      ['2026-12-01T12:00', 'ending before it starts'],
    ])('calls a window ending %s too short (%s)', (mustFinishBy) => {
      expect(assessFeasibility(centre(baseline()), request({ mustFinishBy: t(mustFinishBy) }))).toMatchObject({
        feasible: false,
        code: 'window_too_short',
      });
    });

    it('starts on the hour grid after notBefore', () => {
      const plan = planOf(assessFeasibility(centre(baseline()), request({ notBefore: t('2026-12-07T10:30') })));
      expect(starts(plan)[0]).toBe('2026-12-07T11:00');
    });

    it('keeps every session inside the window', () => {
      const window = request({ notBefore: t('2026-12-09T15:00'), mustFinishBy: t('2027-01-02T00:00') });
      const plan = planOf(assessFeasibility(centre(baseline()), window));
      expect(plan.firstSessionAt.getTime()).toBeGreaterThanOrEqual(window.notBefore.getTime());
      expect(plan.lastSessionEndsAt.getTime()).toBeLessThanOrEqual(window.mustFinishBy.getTime());
    });
  });

  describe('weekly spacing', () => {
    it.each([
      ['every day', [1, 2, 3, 4, 5, 6, 7], [6, 6, 6]],
      ['Mondays only', [1], [7, 7, 7]],
      ['Wednesdays and Saturdays', [3, 6], [7, 7, 7]],
    ] as const)('with facilitators free %s (weekdays %p) the gaps are %p days', (_label, days, gaps) => {
      const staff = [
        facilitator('m1', 'male', { weekly: weekly([...days]) }),
        facilitator('f1', 'female', { weekly: weekly([...days]) }),
      ];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      const dayGaps = plan.sessions.slice(1).map((s, i) => Math.round((s.startsAt.getTime() - plan.sessions[i].startsAt.getTime()) / DAY));
      expect(dayGaps).toEqual(gaps);
    });

    it('never stretches a gap beyond 8 days, even when that is the only way', () => {
      // Mondays only and the second Monday is a centre holiday: the gap would be 14 days.
      const staff = [facilitator('m1', 'male', { weekly: weekly([1]) }), facilitator('f1', 'female', { weekly: weekly([1]) })];
      const holiday = [leave('2026-12-14', '2026-12-15', 'holiday')];
      const verdict = assessFeasibility(
        centre(staff, { closures: holiday }),
        request({ mustFinishBy: t('2027-01-05T18:00') }),
      );
      expect(verdict).toMatchObject({ feasible: false, code: 'no_free_slot_before_expiry' });
    });
  });

  describe('availability', () => {
    it('skips a facilitator on leave', () => {
      const staff = [facilitator('m1', 'male', { exceptions: [leave('2026-12-07', '2026-12-12')] }), facilitator('f1', 'female')];
      expect(starts(planOf(assessFeasibility(centre(staff), request())))[0]).toBe('2026-12-14T09:00');
    });

    it('skips a centre closure', () => {
      const plan = planOf(assessFeasibility(centre(baseline(), { closures: [leave('2026-12-07', '2026-12-08', 'holiday')] }), request()));
      expect(starts(plan)[0]).toBe('2026-12-08T09:00');
    });

    it('works around sessions the facilitators are already booked on', () => {
      const booked: BookedSession = {
        id: 'b1',
        kind: 'individual',
        startsAt: t('2026-12-07T09:00'),
        endsAt: t('2026-12-07T13:00'),
        facilitatorIds: ['m1', 'f9'],
        language: 'ru',
        participants: 1,
      };
      const plan = planOf(assessFeasibility(centre(baseline(), { booked: [booked] }), request()));
      expect(starts(plan)[0]).toBe('2026-12-07T13:00');
    });

    it('needs the whole session inside a weekly window', () => {
      const staff = [
        facilitator('m1', 'male', { weekly: weekly(WEEKDAYS, '09:00', '12:00') }),
        facilitator('f1', 'female', { weekly: weekly(WEEKDAYS, '09:00', '18:00') }),
      ];
      expect(assessFeasibility(centre(staff), request())).toEqual({
        feasible: false,
        code: 'no_free_slot_before_expiry',
        reason: 'no male facilitator speaking ky free before 2027-01-06',
      });
    });

    it('needs both facilitators free at the same time', () => {
      const staff = [
        facilitator('m1', 'male', { weekly: weekly(WEEKDAYS, '08:00', '12:00') }),
        facilitator('f1', 'female', { weekly: weekly(WEEKDAYS, '13:00', '17:00') }),
      ];
      expect(assessFeasibility(centre(staff), request())).toMatchObject({
        code: 'no_free_slot_before_expiry',
        reason: expect.stringContaining('pair speaking ky free together'),
      });
    });

    it('joins adjacent windows into one', () => {
      const split = [...weekly([1], '09:00', '11:00'), ...weekly([1], '11:00', '13:00')];
      const staff = [facilitator('m1', 'male', { weekly: split }), facilitator('f1', 'female', { weekly: split })];
      expect(starts(planOf(assessFeasibility(centre(staff), request())))).toHaveLength(4);
    });

    it('names the missing side when nobody of one sex is ever free', () => {
      const staff = [
        facilitator('m1', 'male'),
        facilitator('f1', 'female', { languages: ['ru'], exceptions: [leave('2026-12-01', '2027-02-01')] }),
      ];
      expect(assessFeasibility(centre(staff), request({ language: 'ru' }))).toEqual({
        feasible: false,
        code: 'no_free_slot_before_expiry',
        reason: 'no female facilitator speaking ru free before 2027-01-06',
      });
    });
  });

  it('refuses a paused centre', () => {
    expect(assessFeasibility(centre(baseline(), { status: 'paused', centreId: 'naryn-asylzat' }), request())).toEqual({
      feasible: false,
      code: 'centre_paused',
      reason: 'centre naryn-asylzat is paused and takes no new participants',
    });
  });

  describe('group sessions', () => {
    const staff = () => [
      facilitator('m1', 'male'),
      facilitator('m2', 'male'),
      facilitator('f1', 'female'),
      facilitator('f2', 'female'),
    ];

    it('joins a booked group session in the language with room, using its pair and time', () => {
      const booked = [group('g1', '2026-12-22T14:00', ['m2', 'f2'], 5)];
      const plan = planOf(assessFeasibility(centre(staff(), { booked }), request()));
      expect(plan.sessions[2]).toEqual({
        index: 3,
        kind: 'group',
        startsAt: t('2026-12-22T14:00'),
        endsAt: t('2026-12-22T18:00'),
        leadFacilitatorId: 'm2',
        coFacilitatorId: 'f2',
        joinsBookedSessionId: 'g1',
      });
      expect(plan.sessions[3].joinsBookedSessionId).toBeUndefined();
    });

    it('joins only a group of the participant’s sex: the lead, listed first, is of that sex', () => {
      const mensGroup = [group('g1', '2026-12-22T14:00', ['m2', 'f2'], 5)];
      const woman = planOf(assessFeasibility(centre(staff(), { booked: mensGroup }), request({ participantSex: 'female' })));
      expect(woman.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);
      const womensGroup = [group('g1', '2026-12-22T14:00', ['f2', 'm2'], 5)];
      const plan = planOf(assessFeasibility(centre(staff(), { booked: womensGroup }), request({ participantSex: 'female' })));
      expect(plan.sessions[2]).toMatchObject({ leadFacilitatorId: 'f2', coFacilitatorId: 'm2', joinsBookedSessionId: 'g1' });
      const man = planOf(assessFeasibility(centre(staff(), { booked: womensGroup }), request()));
      expect(man.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);
    });

    it.each([
      ['full', 8, 'ky'],
      ['in the other language', 3, 'ru'],
    ] as const)('opens a new group session with another free pair when the booked one is %s', (_label, participants, language) => {
      const mondayMorning = weekly([1], '09:00', '13:00');
      const mondays = staff().map((f) => ({ ...f, weekly: mondayMorning }));
      const booked = [group('g1', '2026-12-21T09:00', ['m1', 'f1'], participants, language)];
      const plan = planOf(assessFeasibility(centre(mondays, { booked }), request()));
      expect(plan.sessions[1]).toMatchObject({ leadFacilitatorId: 'm1', coFacilitatorId: 'f1' });
      expect(plan.sessions[2].joinsBookedSessionId).toBeUndefined();
      expect(starts(plan)[2]).toBe('2026-12-21T09:00');
      // m1 and f1 run g1 at that hour, so the new session needs the other two.
      expect(plan.sessions[2]).toMatchObject({ leadFacilitatorId: 'm2', coFacilitatorId: 'f2' });
    });

    it('prefers the pair the participant already knows for a new group session', () => {
      const booked = [group('g1', '2026-12-21T09:00', ['m1', 'f1'], 8)];
      const plan = planOf(assessFeasibility(centre(staff(), { booked }), request()));
      expect(starts(plan)[2]).toBe('2026-12-21T13:00');
      expect(plan.sessions[2]).toMatchObject({ leadFacilitatorId: 'm1', coFacilitatorId: 'f1' });
    });

    it('is infeasible when the groups are full and no pair is free to open another', () => {
      const mondayMorning = weekly([1], '09:00', '13:00');
      const onlyPair = [
        facilitator('m1', 'male', { weekly: mondayMorning }),
        facilitator('f1', 'female', { weekly: mondayMorning }),
      ];
      const booked = [group('g1', '2026-12-21T09:00', ['m1', 'f1'], 8)];
      expect(
        assessFeasibility(centre(onlyPair, { booked }), request({ mustFinishBy: t('2026-12-28T18:00') })),
      ).toEqual({
        feasible: false,
        code: 'group_capacity_full',
        reason:
          'group sessions in ky are full (capacity 8) and no male and female facilitator pair speaking ky is free to open another before 2026-12-28',
      });
    });

    describe('filling open groups', () => {
      it('starts a day later so that both group sessions join open groups instead of opening new ones', () => {
        const booked = [group('g1', '2026-12-24T14:00', ['m2', 'f2'], 3), group('g2', '2026-12-31T14:00', ['m2', 'f2'], 3)];
        const plan = planOf(assessFeasibility(centre(staff(), { booked }), request()));
        expect(starts(plan)).toEqual(['2026-12-08T09:00', '2026-12-16T09:00', '2026-12-24T14:00', '2026-12-31T14:00']);
        expect(plan.sessions.map((s) => s.joinsBookedSessionId)).toEqual([undefined, undefined, 'g1', 'g2']);
      });

      it('joins the only open group and opens the other group session', () => {
        const booked = [group('g1', '2026-12-24T14:00', ['m2', 'f2'], 3)];
        const plan = planOf(assessFeasibility(centre(staff(), { booked }), request()));
        expect(starts(plan)).toEqual(['2026-12-08T09:00', '2026-12-16T09:00', '2026-12-24T14:00', '2026-12-30T09:00']);
        expect(plan.sessions.map((s) => s.joinsBookedSessionId)).toEqual([undefined, undefined, 'g1', undefined]);
      });

      it('does not postpone the programme by more than a week to join a group', () => {
        // Reaching either group as a group session would start the programme two weeks later.
        const booked = [group('g1', '2027-01-12T14:00', ['m2', 'f2'], 3), group('g2', '2027-01-19T14:00', ['m2', 'f2'], 3)];
        const plan = planOf(assessFeasibility(centre(staff(), { booked }), request({ mustFinishBy: t('2027-01-27T18:00') })));
        expect(starts(plan)).toEqual(['2026-12-07T09:00', '2026-12-14T09:00', '2026-12-21T09:00', '2026-12-28T09:00']);
        expect(plan.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);
      });

      it('never fills a group of the other sex, however much it would fill', () => {
        const womensGroups = [group('g1', '2026-12-24T14:00', ['f2', 'm2'], 3), group('g2', '2026-12-31T14:00', ['f2', 'm2'], 3)];
        const plan = planOf(assessFeasibility(centre(staff(), { booked: womensGroups }), request()));
        expect(plan.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);
        expect(starts(plan)[0]).toBe('2026-12-07T09:00');
      });
    });

    it('does not join a group session whose facilitator is on leave or that ends after the expiry', () => {
      const onLeave = staff().map((f) => (f.id === 'm2' ? { ...f, exceptions: [leave('2026-12-22', '2026-12-23')] } : f));
      const booked = [group('g1', '2026-12-22T14:00', ['m2', 'f2'], 2)];
      const plan = planOf(assessFeasibility(centre(onLeave, { booked }), request()));
      expect(plan.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);

      const late = [group('g2', '2027-01-06T15:00', ['m2', 'f2'], 2)];
      const planLate = planOf(assessFeasibility(centre(staff(), { booked: late }), request()));
      expect(planLate.sessions.some((s) => s.joinsBookedSessionId)).toBe(false);
    });
  });

  describe('continuity of the individual sessions', () => {
    it('keeps one pair for both individual sessions when another pair would be needed otherwise', () => {
      const staff = [
        facilitator('m1', 'male', { exceptions: [leave('2026-12-13', '2026-12-16')] }),
        facilitator('m2', 'male'),
        facilitator('f1', 'female'),
      ];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      expect(plan.sessions[0].leadFacilitatorId).toBe('m2');
      expect(plan.sessions[1].leadFacilitatorId).toBe('m2');
      expect(starts(plan)[0]).toBe('2026-12-07T09:00');
    });

    it('still prefers the earliest first session over continuity', () => {
      // Only m1 can start on 7 December and he is away the next week; m2 starts later.
      const staff = [
        facilitator('m1', 'male', { exceptions: [leave('2026-12-13', '2026-12-16')] }),
        facilitator('m2', 'male', { exceptions: [leave('2026-12-07', '2026-12-08')] }),
        facilitator('f1', 'female'),
      ];
      const plan = planOf(assessFeasibility(centre(staff), request()));
      expect(starts(plan)[0]).toBe('2026-12-07T09:00');
      expect(plan.sessions.map((s) => s.leadFacilitatorId).slice(0, 2)).toEqual(['m1', 'm2']);
    });
  });

  it('does not depend on the order of facilitators or bookings', () => {
    const staff = [
      facilitator('m2', 'male'),
      facilitator('f2', 'female', { weekly: weekly([2, 4]) }),
      facilitator('m1', 'male', { weekly: weekly([3]) }),
      facilitator('f1', 'female'),
    ];
    const booked = [group('g1', '2026-12-22T09:00', ['m2', 'f2'], 2), group('g2', '2026-12-21T09:00', ['m2', 'f1'], 2)];
    const one = assessFeasibility(centre(staff, { booked }), request());
    const other = assessFeasibility(centre([...staff].reverse(), { booked: [...booked].reverse() }), request());
    expect(other).toEqual(one);
  });

  it('rejects malformed weekly windows', () => {
    const staff = [facilitator('m1', 'male', { weekly: [{ weekday: 1, start: '9am', end: '18:00' }] }), facilitator('f1', 'female')];
    expect(() => assessFeasibility(centre(staff), request())).toThrow(/m1/);
  });

  describe('every plan it returns obeys every rule', () => {
    const slotHours = ['08:00', '09:00', '10:00', '13:00', '14:00'];
    const windowArb = fc.record({
      weekday: fc.constantFrom<WeeklyWindow['weekday']>(1, 2, 3, 4, 5, 6, 7),
      start: fc.constantFrom(...slotHours),
      end: fc.constantFrom('12:00', '13:00', '17:00', '18:00'),
    });
    const staffArb = fc.array(
      fc.record({
        sex: fc.constantFrom<Sex>('male', 'female'),
        languages: fc.subarray<Language>(['ky', 'ru'], { minLength: 1 }),
        certifiedDay: fc.option(fc.integer({ min: -30, max: 20 }), { nil: null }),
        weekly: fc.array(windowArb, { minLength: 1, maxLength: 4 }),
        leaveStart: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        leaveDays: fc.integer({ min: 1, max: 10 }),
      }),
      { minLength: 2, maxLength: 7 },
    );
    const bookingArb = fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      hour: fc.constantFrom(9, 13),
      who: fc.nat(),
      kind: fc.constantFrom<'group' | 'individual'>('group', 'individual'),
      participants: fc.integer({ min: 1, max: 8 }),
      womensGroup: fc.boolean(),
    });
    const origin = t('2026-12-07T00:00').getTime();
    const at = (days: number) => new Date(origin + days * DAY);

    it('holds for random centres', () => {
      fc.assert(
        fc.property(
          staffArb,
          fc.array(bookingArb, { maxLength: 25 }),
          fc.constantFrom<Sex>('male', 'female'),
          fc.constantFrom<Language>('ky', 'ru'),
          (rows, bookingRows, participantSex, language) => {
            const staff = rows.map((r, i) =>
              facilitator(`${r.sex[0]}${i}`, r.sex, {
                languages: r.languages,
                certifiedOn: r.certifiedDay === null ? null : at(r.certifiedDay),
                weekly: r.weekly,
                exceptions:
                  r.leaveStart === null
                    ? []
                    : [{ from: at(r.leaveStart), to: at(r.leaveStart + r.leaveDays), reason: 'leave' }],
              }),
            );
            const men = staff.filter((f) => f.sex === 'male');
            const women = staff.filter((f) => f.sex === 'female');
            const booked: BookedSession[] =
              men.length && women.length
                ? bookingRows.map((b, i) => {
                    const startsAt = new Date(origin + b.day * DAY + (b.hour - 6) * HOUR);
                    return {
                      id: `b${i}`,
                      kind: b.kind,
                      startsAt,
                      endsAt: new Date(startsAt.getTime() + 4 * HOUR),
                      facilitatorIds: b.womensGroup
                        ? [women[(b.who >> 2) % women.length].id, men[b.who % men.length].id]
                        : [men[b.who % men.length].id, women[(b.who >> 2) % women.length].id],
                      language: b.who % 3 === 0 ? 'ru' : 'ky',
                      participants: b.participants,
                    };
                  })
                : [];
            const c = centre(staff, { booked, groupCapacity: 6 });
            const req = request({ participantSex, language });
            const verdict = assessFeasibility(c, req);
            if (verdict.feasible) expect(violations(c, req, verdict.plan)).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

/** An independent reading of the rules, to check plans rather than re-run the planner. */
function violations(c: CentreCapacity, req: ProgrammeRequest, plan: ProgrammePlan): string[] {
  const problems: string[] = [];
  const byId = new Map(c.facilitators.map((f) => [f.id, f]));
  const local = (d: Date) => new Date(d.getTime() + 6 * HOUR);
  const dayNo = (d: Date) => Math.floor(local(d).getTime() / DAY);
  const clock = (d: Date) => local(d).toISOString().slice(11, 16);
  const overlaps = (a0: Date, a1: Date, b0: Date, b1: Date) => a0 < b1 && b0 < a1;
  if (plan.sessions.length !== 4) problems.push('not 4 sessions');
  plan.sessions.forEach((s, i) => {
    const tag = `session ${i + 1}`;
    if (s.kind !== (i < 2 ? 'individual' : 'group')) problems.push(`${tag} kind`);
    if (s.endsAt.getTime() - s.startsAt.getTime() < 4 * HOUR) problems.push(`${tag} shorter than 4 h`);
    if (s.startsAt < req.notBefore || s.endsAt > req.mustFinishBy) problems.push(`${tag} outside the window`);
    if (i > 0) {
      const gap = dayNo(s.startsAt) - dayNo(plan.sessions[i - 1].startsAt);
      if (gap < 6 || gap > 8) problems.push(`${tag} gap ${gap}`);
    }
    const lead = byId.get(s.leadFacilitatorId);
    const co = byId.get(s.coFacilitatorId);
    if (!lead || !co) return problems.push(`${tag} unknown facilitator`);
    if (lead.sex !== req.participantSex || co.sex === lead.sex) problems.push(`${tag} sexes`);
    for (const f of [lead, co]) {
      if (!f.active || !f.languages.includes(req.language)) problems.push(`${tag} ${f.id} inactive or language`);
      if (f.certifiedOn === null || dayNo(f.certifiedOn) > dayNo(s.startsAt)) problems.push(`${tag} ${f.id} not certified`);
      if ([...f.exceptions, ...c.closures].some((e) => overlaps(e.from, e.to, s.startsAt, s.endsAt))) {
        problems.push(`${tag} ${f.id} absent`);
      }
    }
    if (s.joinsBookedSessionId) {
      const b = c.booked.find((x) => x.id === s.joinsBookedSessionId);
      if (!b || b.kind !== 'group' || b.language !== req.language || b.participants >= c.groupCapacity) {
        problems.push(`${tag} bad join`);
      } else if (b.facilitatorIds[0] !== lead.id || b.facilitatorIds[1] !== co.id) {
        // The lead of a group, listed first, is of its members' sex: a join with another lead mixes men and women.
        problems.push(`${tag} join pair or mixed group`);
      }
    } else {
      for (const f of [lead, co]) {
        const day = local(s.startsAt).getUTCDay() || 7;
        // Adjacent or overlapping windows count as one stretch of time.
        const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        const stretches = f.weekly
          .filter((w) => w.weekday === day && toMin(w.end) > toMin(w.start))
          .map((w) => [toMin(w.start), toMin(w.end)])
          .sort((a, b) => a[0] - b[0])
          .reduce<number[][]>((acc, [a, b]) => {
            const last = acc[acc.length - 1];
            if (last && a <= last[1]) last[1] = Math.max(last[1], b);
            else acc.push([a, b]);
            return acc;
          }, []);
        const covered = stretches.some(([a, b]) => a <= toMin(clock(s.startsAt)) && toMin(clock(s.endsAt)) <= b);
        if (!covered) problems.push(`${tag} ${f.id} outside weekly window`);
        const busy = c.booked.some((b) => b.facilitatorIds.includes(f.id) && overlaps(b.startsAt, b.endsAt, s.startsAt, s.endsAt));
        if (busy) problems.push(`${tag} ${f.id} double-booked`);
      }
    }
    return undefined;
  });
  return problems;
}
