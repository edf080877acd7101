import { bishkekDayNumber, bishkekInstant, toBishkekMinutes, weekdayOfDayNumber } from './bishkek-time';
import { assessPlaces, CentreReach, PlaceTravel } from './candidates';
import type { BookedSession, CentreCapacity, Facilitator, FeasibilityVerdict, OutreachPoint, ProgrammePlan, ProgrammeRequest, Sex } from './capacity-types';
import { assessFeasibility } from './feasibility';

const t = bishkekInstant;
const HOUR = 3_600_000;

function facilitator(id: string, sex: Sex): Facilitator {
  const weekly = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
  return { id, sex, languages: ['ky', 'ru'], certifiedOn: t('2023-10-13'), active: true, weekly, exceptions: [] };
}

/** Kochkor's pair goes to Kazarman on Thursdays; the other pair stays at the centre. */
const kazarman: OutreachPoint = {
  id: 'kazarman-thursdays',
  settlementCode: 'kazarman',
  facilitatorIds: ['m2', 'f2'],
  windows: [{ weekday: 4, start: '10:00', end: '16:00' }],
};

function centre(overrides: Partial<CentreCapacity> = {}): CentreCapacity {
  return {
    centreId: 'kochkor',
    status: 'open',
    groupCapacity: 8,
    facilitators: [facilitator('m1', 'male'), facilitator('f1', 'female'), facilitator('m2', 'male'), facilitator('f2', 'female')],
    booked: [],
    closures: [],
    groupSlots: [],
    outreachPoints: [kazarman],
    ...overrides,
  };
}

/** Order issued on Monday 7 December 2026; the 30-day order ends on Wednesday 6 January 2027. */
function request(overrides: Partial<ProgrammeRequest> = {}): ProgrammeRequest {
  return { participantSex: 'male', language: 'ky', notBefore: t('2026-12-07T09:00'), mustFinishBy: t('2027-01-06T18:00'), ...overrides };
}

const road = (minutes: number): PlaceTravel => {
  const travel = { minutes, km: minutes, source: 'road-graph' as const };
  return { travel, travelOn: () => travel };
};

function reach(toCentre: number, toPoint?: number): CentreReach {
  return {
    ...road(toCentre),
    maxTravelMinutes: 180,
    ...(toPoint === undefined ? {} : { toOutreachPoints: new Map([[kazarman.id, road(toPoint)]]) }),
  };
}

function planOf(verdict: FeasibilityVerdict): ProgrammePlan {
  if (!verdict.feasible) throw new Error(`expected a plan, got ${verdict.code}: ${verdict.reason}`);
  return verdict.plan;
}

const localStart = (s: { startsAt: Date }) => toBishkekMinutes(s.startsAt) % 1440;
const weekdayOf = (s: { startsAt: Date }) => weekdayOfDayNumber(bishkekDayNumber(s.startsAt));

/** A group of two already booked, at the centre or at a point; its lead, listed first, gives its sex. */
const group = (id: string, at: string, facilitatorIds: [string, string], outreachPointId?: string): BookedSession => ({
  ...{ id, kind: 'group', facilitatorIds, language: 'ky', participants: 2, outreachPointId },
  ...{ startsAt: t(at), endsAt: new Date(t(at).getTime() + 4 * HOUR) },
});

describe('outreach points', () => {
  it('places a remote order that no centre reaches at the outreach point within reach of it', () => {
    const placed = assessPlaces(centre(), request(), reach(400, 60));
    const plan = planOf(placed.verdict);
    expect(plan.outreachPoint).toEqual({ id: kazarman.id, settlementCode: 'kazarman' });
    expect(placed.travel?.minutes).toBe(60);
    expect(plan.sessions.map((s) => s.kind)).toEqual(['individual', 'individual', 'group', 'group']);
    for (const session of plan.sessions) {
      expect([session.leadFacilitatorId, session.coFacilitatorId]).toEqual(['m2', 'f2']);
      expect(weekdayOf(session)).toBe(4);
      expect(localStart(session)).toBeGreaterThanOrEqual(10 * 60);
      expect(localStart(session) + 4 * 60).toBeLessThanOrEqual(16 * 60);
    }
  });

  it('leaves an order beyond reach of the centre and of every point unplaced, and says so', () => {
    expect(assessPlaces(centre(), request(), reach(400, 300)).verdict).toEqual({
      feasible: false,
      code: 'beyond_reach',
      reason: '400 minutes one way, beyond the reach of 180 minutes, nor any of its outreach points',
    });
    expect(assessPlaces(centre({ outreachPoints: [] }), request(), reach(400, 60)).verdict).toMatchObject({ code: 'beyond_reach' });
  });

  it('says what stops the point when its pair cannot deliver there before the order ends', () => {
    const short = request({ mustFinishBy: t('2026-12-26T18:00') });
    expect(assessPlaces(centre(), short, reach(400, 60)).verdict).toMatchObject({
      feasible: false,
      code: 'no_free_slot_before_expiry',
      reason: expect.stringMatching(/^at the outreach point in kazarman: /),
    });
  });

  it('refuses a point whose road is closed on a session date', () => {
    const closed: CentreReach = {
      ...reach(400),
      toOutreachPoints: new Map([[kazarman.id, { travel: road(60).travel, travelOn: (d: Date) => (d >= t('2026-12-20') ? null : road(60).travel) }]]),
    };
    expect(assessPlaces(centre(), request(), closed).verdict).toMatchObject({
      code: 'no_road_on_session_date',
      reason: 'no open road to the outreach point in kazarman on 2026-12-24',
    });
  });

  it('routes an order within reach of the centre itself as before', () => {
    const placed = assessPlaces(centre(), request(), reach(60, 400));
    const without = assessFeasibility(centre({ outreachPoints: [], facilitators: centre().facilitators.slice(0, 2) }), request());
    expect(placed.verdict).toEqual(without);
    expect(placed.travel?.minutes).toBe(60);
  });

  it('takes the nearer place when both are within reach', () => {
    expect(planOf(assessPlaces(centre(), request(), reach(150, 30)).verdict).outreachPoint?.id).toBe(kazarman.id);
    expect(planOf(assessPlaces(centre(), request(), reach(30, 150)).verdict).outreachPoint).toBeUndefined();
  });

  it('keeps the pair away from the centre on their outreach day', () => {
    const onePair = centre({ facilitators: centre().facilitators.slice(2), outreachPoints: [{ ...kazarman, windows: [{ weekday: 1, start: '10:00', end: '16:00' }] }] });
    const plan = planOf(assessPlaces(onePair, request(), reach(60)).verdict);
    expect(plan.sessions.map(weekdayOf)).not.toContain(1);
    expect(plan.sessions[0].startsAt).toEqual(t('2026-12-08T09:00'));
  });

  it('keeps men and women apart in the groups at a point, and those groups apart from the centre', () => {
    const womensGroupThere = group('w', '2026-12-24T10:00', ['f2', 'm2'], kazarman.id);
    const mensGroupAtCentre = group('c', '2026-12-24T10:00', ['m1', 'f1']);
    const mensGroupThere = group('m', '2026-12-31T10:00', ['m2', 'f2'], kazarman.id);
    const longDay = { ...kazarman, windows: [{ weekday: 4 as const, start: '08:00', end: '18:00' }] };
    const booked = centre({ booked: [womensGroupThere, mensGroupAtCentre, mensGroupThere], outreachPoints: [longDay] });

    const man = planOf(assessPlaces(booked, request(), reach(400, 60)).verdict);
    expect(man.sessions.map((s) => s.joinsBookedSessionId)).not.toContain('w');
    expect(man.sessions.map((s) => s.joinsBookedSessionId)).not.toContain('c');
    expect(man.sessions[3].joinsBookedSessionId).toBe('m');

    const woman = planOf(assessPlaces(booked, request({ participantSex: 'female' }), reach(400, 60)).verdict);
    expect(woman.sessions[2].joinsBookedSessionId).toBe('w');
    expect(woman.sessions.map((s) => s.joinsBookedSessionId)).not.toContain('m');

    const atCentre = planOf(assessPlaces(booked, request(), reach(60)).verdict);
    expect(atCentre.sessions.map((s) => s.joinsBookedSessionId)).not.toContain('m');
  });
});
