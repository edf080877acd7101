import { bishkekInstant } from './bishkek-time';
import type { FeasibilityVerdict, PlannedSession, ProgrammePlan } from './capacity-types';
import { CentreCandidate, rankCentres } from './ranking';
import type { TravelEstimate } from '../travel/travel-time';

const plan = (firstSession: string): ProgrammePlan => ({
  sessions: [],
  firstSessionAt: bishkekInstant(firstSession),
  lastSessionEndsAt: bishkekInstant('2026-12-28T13:00'),
});
const feasible = (firstSession = '2026-12-07T09:00'): FeasibilityVerdict => ({ feasible: true, plan: plan(firstSession) });
const travel = (minutes: number): TravelEstimate => ({ minutes, km: minutes, source: 'road-graph' });

function candidate(
  centreId: string,
  minutes: number | null,
  overrides: Partial<CentreCandidate> = {},
): CentreCandidate {
  return {
    centreId,
    travel: minutes === null ? null : travel(minutes),
    verdict: feasible(),
    activeReferrals: 0,
    ...overrides,
  };
}

const ids = (candidates: CentreCandidate[], exclude?: ReadonlySet<string>) =>
  rankCentres(candidates, exclude).map((r) => r.centreId);

describe('rankCentres', () => {
  it('orders feasible centres by travel time', () => {
    expect(ids([candidate('far', 300), candidate('near', 20), candidate('mid', 120)])).toEqual(['near', 'mid', 'far']);
  });

  it.each([
    ['infeasible', candidate('a', 5, { verdict: { feasible: false, code: 'no_certified_pair', reason: 'r' } })],
    ['unreachable', candidate('a', null)],
  ])('leaves out a centre that is %s', (_label, left) => {
    expect(ids([left, candidate('b', 50)])).toEqual(['b']);
  });

  it('leaves out excluded centres', () => {
    expect(ids([candidate('a', 5), candidate('b', 50), candidate('c', 60)], new Set(['a', 'c']))).toEqual(['b']);
  });

  it('returns the plan and travel of each centre', () => {
    const [top] = rankCentres([candidate('a', 42, { activeReferrals: 3 })]);
    expect(top).toEqual({ centreId: 'a', travel: travel(42), plan: plan('2026-12-07T09:00'), activeReferrals: 3 });
  });

  it('breaks travel ties within a minute by the earliest first session', () => {
    const later = candidate('a', 100, { verdict: feasible('2026-12-09T09:00') });
    const sooner = candidate('b', 100.8, { verdict: feasible('2026-12-08T09:00') });
    expect(ids([later, sooner])).toEqual(['b', 'a']);
  });

  it('does not call a travel difference over a minute a tie', () => {
    const later = candidate('a', 100, { verdict: feasible('2026-12-09T09:00') });
    const sooner = candidate('b', 101.5, { verdict: feasible('2026-12-08T09:00') });
    expect(ids([later, sooner])).toEqual(['a', 'b']);
  });

  it('breaks travel ties by fewer groups of its own opened before the earliest first session', () => {
    const group = (kind: 'own' | 'joins' | 'slot'): PlannedSession => ({
      index: 3,
      kind: 'group',
      startsAt: bishkekInstant('2026-12-21T09:00'),
      endsAt: bishkekInstant('2026-12-21T13:00'),
      leadFacilitatorId: 'm',
      coFacilitatorId: 'f',
      ...(kind === 'joins' ? { joinsBookedSessionId: 'g1' } : kind === 'slot' ? { groupSlotId: 's1' } : {}),
    });
    const withGroups = (firstSession: string, kinds: Array<'own' | 'joins' | 'slot'>): FeasibilityVerdict => ({
      feasible: true,
      plan: { ...plan(firstSession), sessions: kinds.map(group) },
    });
    const opensTwo = candidate('a', 60, { verdict: withGroups('2026-12-07T09:00', ['own', 'own']) });
    const opensOne = candidate('b', 60.5, { verdict: withGroups('2026-12-09T09:00', ['joins', 'own']) });
    const fills = candidate('c', 60, { verdict: withGroups('2026-12-10T09:00', ['joins', 'slot']) });
    expect(ids([opensTwo, opensOne, fills])).toEqual(['c', 'b', 'a']);
  });

  it('then by fewer active referrals, then by centre id', () => {
    const busy = candidate('a', 60, { activeReferrals: 9 });
    const quiet = candidate('b', 60.5, { activeReferrals: 2 });
    const quietToo = candidate('c', 60, { activeReferrals: 2 });
    expect(ids([busy, quietToo, quiet])).toEqual(['b', 'c', 'a']);
  });

  it('anchors a tie on the fastest centre so ties do not chain', () => {
    // 100 ~ 100.9 and 100.9 ~ 101.8, but 100 and 101.8 are not a tie.
    const c1 = candidate('z', 100, { verdict: feasible('2026-12-10T09:00') });
    const c2 = candidate('y', 100.9, { verdict: feasible('2026-12-09T09:00') });
    const c3 = candidate('x', 101.8, { verdict: feasible('2026-12-08T09:00') });
    expect(ids([c3, c1, c2])).toEqual(['y', 'z', 'x']);
  });

  it('does not depend on input order', () => {
    const all = [
      candidate('a', 10, { activeReferrals: 1 }),
      candidate('b', 10, { activeReferrals: 1 }),
      candidate('c', 10.5, { verdict: feasible('2026-12-07T08:00') }),
      candidate('d', 200),
    ];
    expect(ids([...all].reverse())).toEqual(ids(all));
    expect(ids(all)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('returns nothing when nothing qualifies', () => {
    expect(rankCentres([])).toEqual([]);
  });
});
