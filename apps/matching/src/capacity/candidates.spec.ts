import { demoCentreCapacity, DEMO_DIRECTORY } from '../directory/demo/demo-directory';
import { bishkekInstant } from './bishkek-time';
import { capacitySeen, unplacedReasons } from './candidates';

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
});
