import type { FeasibilityVerdict, ProgrammePlan } from './capacity-types';
import type { TravelEstimate } from '../travel/travel-time';

export interface CentreCandidate {
  centreId: string;
  travel: TravelEstimate | null;
  verdict: FeasibilityVerdict;
  activeReferrals: number;
}

export interface RankedCentre {
  centreId: string;
  travel: TravelEstimate;
  plan: ProgrammePlan;
  activeReferrals: number;
}

/** Travel times closer than this are treated as equal: the estimates are not that precise. */
export const TRAVEL_TIE_MINUTES = 1;

/**
 * Group sessions a plan holds in a group of its own: each costs a pair a whole session that could have been
 * someone's individual session, where joining a booked group or a declared slot's meeting costs none.
 */
function groupsOpened(plan: ProgrammePlan): number {
  return plan.sessions.filter((s) => s.kind === 'group' && s.joinsBookedSessionId === undefined && s.groupSlotId === undefined).length;
}

/**
 * Feasible, reachable, not excluded centres, nearest by travel first. Times within a minute of the
 * first centre of a run count as a tie, broken by fewer groups of its own opened (the plan that fills
 * open groups spares a pair's session), then by the earliest first session, then by the lighter
 * load, then by id so the order never depends on input order.
 */
export function rankCentres(candidates: CentreCandidate[], excludeCentreIds?: ReadonlySet<string>): RankedCentre[] {
  const eligible: RankedCentre[] = [];
  for (const c of candidates) {
    if (!c.verdict.feasible || c.travel === null || excludeCentreIds?.has(c.centreId)) continue;
    eligible.push({ centreId: c.centreId, travel: c.travel, plan: c.verdict.plan, activeReferrals: c.activeReferrals });
  }
  const byId = (a: RankedCentre, b: RankedCentre) => (a.centreId < b.centreId ? -1 : a.centreId > b.centreId ? 1 : 0);
  eligible.sort((a, b) => a.travel.minutes - b.travel.minutes || byId(a, b));

  // Runs anchored on their first member keep the tie relation transitive, unlike a pairwise comparator.
  const ranked: RankedCentre[] = [];
  for (let i = 0; i < eligible.length; ) {
    let j = i + 1;
    while (j < eligible.length && eligible[j].travel.minutes - eligible[i].travel.minutes <= TRAVEL_TIE_MINUTES) j++;
    const run = eligible.slice(i, j);
    run.sort(
      (a, b) =>
        groupsOpened(a.plan) - groupsOpened(b.plan) ||
        a.plan.firstSessionAt.getTime() - b.plan.firstSessionAt.getTime() ||
        a.activeReferrals - b.activeReferrals ||
        byId(a, b),
    );
    ranked.push(...run);
    i = j;
  }
  return ranked;
}
