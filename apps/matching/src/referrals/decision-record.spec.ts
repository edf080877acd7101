import { demoCentreCapacity, DEMO_DIRECTORY } from '../directory/demo/demo-directory';
import { bishkekInstant } from '../routing/bishkek-time';
import { capacitySeen, decisionView, unplacedReasons } from './decision-record';

const shans = DEMO_DIRECTORY.find((c) => c.id === 'bishkek-shans')!;
const now = bishkekInstant('2026-12-01T09:00');

describe('decision record', () => {
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

  it('tells for each hand-off how it ended and who ended it', () => {
    const t = (iso: string) => new Date(iso);
    const view = decisionView({
      referral: { id: 'r', referralNumber: 'R-2026-000001', orderId: 'o', status: 'escalated', priority: 'high', failedHandOffs: 2 },
      handOffLimit: 2,
      routings: [],
      handOffs: [
        { handOff: 0, centreId: 'a', centreName: 'A', proposedAt: t('2026-12-01T00:00:00Z'), dueAt: t('2026-12-01T04:00:00Z'), assigned: false, state: 'declined', resolvedAt: t('2026-12-01T01:00:00Z') },
        { handOff: 1, centreId: 'b', centreName: 'B', proposedAt: t('2026-12-01T01:00:00Z'), dueAt: t('2026-12-01T05:00:00Z'), assigned: false, state: 'fired', resolvedAt: t('2026-12-01T05:00:01Z') },
      ],
      transitions: [
        { handOff: 0, fromStatus: null, toStatus: 'proposed', centreId: 'a', actorKind: 'system', actorId: null, reasonCode: 'routed', note: null, at: t('2026-12-01T00:00:00Z') },
        { handOff: 0, fromStatus: 'proposed', toStatus: 'declined', centreId: 'a', actorKind: 'centre', actorId: 'u1', reasonCode: 'language', note: null, at: t('2026-12-01T01:00:00Z') },
        { handOff: 1, fromStatus: 'declined', toStatus: 'proposed', centreId: 'b', actorKind: 'system', actorId: null, reasonCode: 'rerouted', note: null, at: t('2026-12-01T01:00:00Z') },
        { handOff: 1, fromStatus: 'proposed', toStatus: 'expired', centreId: 'b', actorKind: 'timer', actorId: null, reasonCode: 'acknowledgement_deadline_passed', note: null, at: t('2026-12-01T05:00:01Z') },
        { handOff: 1, fromStatus: 'expired', toStatus: 'escalated', centreId: null, actorKind: 'system', actorId: null, reasonCode: 'hand_off_limit_reached', note: null, at: t('2026-12-01T05:00:01Z') },
      ],
    });
    expect(view.handOffs.map((h) => [h.centreId, h.outcome, h.reasonCode, h.by?.kind])).toEqual([
      ['a', 'declined', 'language', 'centre'],
      ['b', 'fired', 'acknowledgement_deadline_passed', 'timer'],
    ]);
    expect(view.transitions.map((x) => `${x.from ?? '∅'}→${x.to}`)).toEqual([
      '∅→proposed',
      'proposed→declined',
      'declined→proposed',
      'proposed→expired',
      'expired→escalated',
    ]);
  });
});
