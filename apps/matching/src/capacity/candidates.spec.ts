import { demoCentreCapacity, DEMO_DIRECTORY } from '../directory/demo/demo-directory';
import { bishkekInstant } from './bishkek-time';
import { assessPlaces, capacitySeen, CentreReach, reachProblem, unplacedReasonCodes, unplacedReasons } from './candidates';

const shans = DEMO_DIRECTORY.find((c) => c.id === 'bishkek-shans')!;
const now = bishkekInstant('2026-12-01T09:00');

describe('candidate records', () => {
  it('keeps counts of the capacity a verdict was based on, not the roster', () => {
    const booked = [
      {
        id: 's1',
        kind: 'group' as const,
        startsAt: bishkekInstant('2026-12-10T09:00'),
        endsAt: bishkekInstant('2026-12-10T13:00'),
        facilitatorIds: ['bishkek-shans-1', 'bishkek-shans-2'] as [string, string],
        language: 'ky' as const,
        participants: 8,
      },
    ];
    expect(capacitySeen(demoCentreCapacity(shans, booked), 'ru', 3, now)).toEqual({
      groupCapacity: 8,
      activeFacilitators: 4,
      certified: { male: 1, female: 3 },
      speakingLanguage: { male: 1, female: 3 },
      bookedSessionsAhead: 1,
      fullGroupSessions: 1,
      activeReferrals: 3,
    });
  });

  it('gives one reason per centre that could not take the order', () => {
    const capacity = capacitySeen(demoCentreCapacity(shans), 'ky', 0, now);
    const base = { centreName: 'x', capacity, travel: null };
    expect(
      unplacedReasons([
        { ...base, centreId: 'a', verdict: { feasible: false, reason: 'no male facilitator speaking ky free before 2026-12-20' } },
        { ...base, centreId: 'b', verdict: { feasible: true }, excluded: 'declined' },
        { ...base, centreId: 'c', verdict: { feasible: true }, takenMeanwhile: 'taken by another routing meanwhile: full' },
        { ...base, centreId: 'd', verdict: { feasible: true } },
      ]),
    ).toEqual([
      'a: no male facilitator speaking ky free before 2026-12-20',
      'b: declined this referral before',
      'c: taken by another routing meanwhile: full',
      'd: not reachable by any travel-time provider',
    ]);
    expect(unplacedReasons([])).toEqual(['no crisis centre is open']);
  });

  it('says no programme is within reach of the place when no centre is', () => {
    const capacity = capacitySeen(demoCentreCapacity(shans), 'ky', 0, now);
    const far = { centreName: 'x', capacity, travel: { minutes: 400, km: 300, source: 'road-graph' as const } };
    expect(
      unplacedReasons(
        [
          { ...far, centreId: 'a', verdict: { feasible: false, code: 'beyond_reach', reason: '400 minutes one way, beyond the reach of 180 minutes' } },
          { ...far, centreId: 'b', travel: null, verdict: { feasible: true } },
        ],
        'Kazarman',
      ),
    ).toEqual([
      'no programme within reach of Kazarman',
      'a: 400 minutes one way, beyond the reach of 180 minutes',
      'b: not reachable by any travel-time provider',
    ]);
  });
});

describe('reason codes of an unroutable order', () => {
  const capacity = capacitySeen(demoCentreCapacity(shans), 'ky', 0, now);
  const near = { centreName: 'x', capacity, travel: { minutes: 40, km: 30, source: 'road-graph' as const } };

  it('gives each code that stopped some centre once, in the closed vocabulary', () => {
    expect(
      unplacedReasonCodes([
        { ...near, centreId: 'a', verdict: { feasible: false, code: 'no_certified_pair', reason: 'no active male facilitator certified by 2026-12-20' } },
        { ...near, centreId: 'b', verdict: { feasible: false, code: 'no_language_pair', reason: 'no certified male facilitator speaking ky' } },
        { ...near, centreId: 'c', verdict: { feasible: false, code: 'no_certified_pair', reason: 'no active female facilitator certified by 2026-12-20' } },
        { ...near, centreId: 'd', verdict: { feasible: false, code: 'window_too_short', reason: 'the window is too short' } },
        { ...near, centreId: 'e', verdict: { feasible: true }, excluded: 'declined' },
        { ...near, centreId: 'f', verdict: { feasible: true }, excluded: 'expired' },
        { ...near, centreId: 'g', verdict: { feasible: true }, takenMeanwhile: 'taken by another routing meanwhile: full' },
        { ...near, centreId: 'h', verdict: { feasible: false, code: 'group_capacity_full', reason: 'group sessions in ky are full' } },
        { ...near, centreId: 'i', verdict: { feasible: false, code: 'centre_paused', reason: 'centre i is paused' } },
      ]),
    ).toEqual(['no_facilitator_pair', 'language', 'no_slot_before_expiry', 'declined_before', 'not_acknowledged_before', 'taken_meanwhile', 'group_full', 'centre_paused']);
    expect(unplacedReasonCodes([])).toEqual(['no_centre_open']);
  });

  it('says no programme is within reach when no centre is, beside what kept each one out of reach', () => {
    expect(
      unplacedReasonCodes([
        { ...near, centreId: 'a', verdict: { feasible: false, code: 'beyond_reach', reason: '400 minutes one way, beyond the reach of 180 minutes' } },
        { ...near, centreId: 'b', verdict: { feasible: false, code: 'no_road_on_session_date', reason: 'no open road to the centre on 2027-01-10' } },
        { ...near, centreId: 'c', travel: null, verdict: { feasible: true } },
      ]),
    ).toEqual(['no_programme_within_reach', 'beyond_reach', 'road_closed']);
    expect(
      unplacedReasonCodes([
        { ...near, centreId: 'a', verdict: { feasible: false, code: 'no_road_on_session_date', reason: 'no open road to the centre on 2027-01-10' } },
        { ...near, centreId: 'b', verdict: { feasible: false, code: 'no_free_slot_before_expiry', reason: 'no male facilitator speaking ky free before 2027-01-12' } },
      ]),
    ).toEqual(['road_closed', 'no_slot_before_expiry']);
  });
});

describe('reach', () => {
  const capacity = demoCentreCapacity(shans);
  const request = {
    participantSex: 'male' as const,
    language: 'ru' as const,
    notBefore: bishkekInstant('2026-12-02T09:00'),
    mustFinishBy: bishkekInstant('2027-03-01T00:00'),
  };
  const road = (minutes: number) => ({ minutes, km: minutes, source: 'road-graph' as const });
  const reach = (minutes: number, closedFrom?: Date): CentreReach => ({
    travel: road(minutes),
    travelOn: (date) => (closedFrom && date.getTime() >= closedFrom.getTime() ? null : road(minutes)),
    maxTravelMinutes: 180,
  });

  it('plans a centre within reach', () => {
    expect(assessPlaces(capacity, request, reach(120)).verdict.feasible).toBe(true);
  });

  it('never proposes a centre beyond reach, and says how far it is', () => {
    expect(assessPlaces(capacity, request, reach(181)).verdict).toEqual({
      feasible: false,
      code: 'beyond_reach',
      reason: '181 minutes one way, beyond the reach of 180 minutes',
    });
  });

  describe('for a coordinator choosing a centre by hand', () => {
    it('names the distance when the centre is beyond reach', () => {
      const r = reach(400);
      expect(reachProblem(assessPlaces(capacity, request, r))).toBe('400 minutes one way, beyond the reach of 180 minutes');
    });

    it('names the date when the road is closed for a session', () => {
      const r = reach(120, bishkekInstant('2026-12-05T00:00'));
      expect(reachProblem(assessPlaces(capacity, request, r))).toMatch(/^no open road to the centre on 2026-12-\d\d$/);
    });

    it('refuses a centre no road leads to, even when its capacity was overruled', () => {
      const none: CentreReach = { travel: null, travelOn: () => null, maxTravelMinutes: 180 };
      const noPair = { ...capacity, facilitators: capacity.facilitators.filter((f) => f.sex === 'female') };
      expect(reachProblem(assessPlaces(noPair, request, none))).toBe('no open road to the centre');
    });

    it('lets a centre within reach through, whatever its capacity', () => {
      const r = reach(120);
      const noPair = { ...capacity, facilitators: capacity.facilitators.filter((f) => f.sex === 'female') };
      expect(reachProblem(assessPlaces(noPair, request, r))).toBeNull();
      expect(reachProblem(assessPlaces(capacity, request, r))).toBeNull();
    });
  });

  it('refuses a plan with a session on a date the road is closed', () => {
    const verdict = assessPlaces(capacity, request, reach(120, bishkekInstant('2026-12-05T00:00'))).verdict;
    expect(verdict).toMatchObject({ feasible: false, code: 'no_road_on_session_date' });
  });
});

