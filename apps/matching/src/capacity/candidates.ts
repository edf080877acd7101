import type { UnroutableReason } from '@korgoo/contracts';
import { bishkekDateString } from './bishkek-time';
import type { CentreCapacity, FeasibilityVerdict, InfeasibilityCode, Language, OutreachPoint, ProgrammeRequest, Sex } from './capacity-types';
import { assessFeasibility } from './feasibility';
import { capacityAtCentre, capacityAtPoint } from './outreach-points';
import type { CentreCandidate } from './ranking';
import type { TravelEstimate } from '../travel/travel-time';

/** What a centre looked like to the routing: enough to explain a verdict later, no rosters copied. */
export interface CapacitySeen {
  groupCapacity: number;
  activeFacilitators: number;
  /** Active, certified facilitators by sex, and those of them who speak the participant's language. */
  certified: Record<Sex, number>;
  speakingLanguage: Record<Sex, number>;
  bookedSessionsAhead: number;
  fullGroupSessions: number;
  activeReferrals: number;
}

export interface VerdictRecord {
  feasible: boolean;
  code?: InfeasibilityCode;
  reason?: string;
  firstSessionAt?: string;
}

export interface CandidateRecord {
  centreId: string;
  centreName: string;
  travel: TravelEstimate | null;
  verdict: VerdictRecord;
  capacity: CapacitySeen;
  /** Left out because it already declined or let the deadline pass for this referral. */
  excluded?: 'declined' | 'expired';
  /** Chosen by rank, then found taken when checked again under the centre's lock. */
  takenMeanwhile?: string;
}

export function verdictRecord(verdict: FeasibilityVerdict): VerdictRecord {
  return verdict.feasible
    ? { feasible: true, firstSessionAt: verdict.plan.firstSessionAt.toISOString() }
    : { feasible: false, code: verdict.code, reason: verdict.reason };
}

export function capacitySeen(capacity: CentreCapacity, language: Language, activeReferrals: number, now: Date): CapacitySeen {
  const certified: Record<Sex, number> = { male: 0, female: 0 };
  const speaking: Record<Sex, number> = { male: 0, female: 0 };
  let active = 0;
  for (const f of capacity.facilitators) {
    if (!f.active) continue;
    active++;
    if (f.certifiedOn === null || f.certifiedOn.getTime() > now.getTime()) continue;
    certified[f.sex]++;
    if (f.languages.includes(language)) speaking[f.sex]++;
  }
  return {
    groupCapacity: capacity.groupCapacity,
    activeFacilitators: active,
    certified,
    speakingLanguage: speaking,
    bookedSessionsAhead: capacity.booked.length,
    fullGroupSessions: capacity.booked.filter((b) => b.kind === 'group' && b.participants >= capacity.groupCapacity).length,
    activeReferrals,
  };
}

/**
 * Reasons an order could not be placed, one per centre, for coordinators and the escalation event; first,
 * when no centre is within reach at all, that the place has no programme within reach.
 */
export function unplacedReasons(candidates: readonly CandidateRecord[], place?: string): string[] {
  if (candidates.length === 0) return ['no crisis centre is open'];
  const outOfReach = place !== undefined && noneWithinReach(candidates) ? [`no programme within reach of ${place}`] : [];
  return [
    ...outOfReach,
    ...candidates.map((c) => {
      if (c.excluded) return `${c.centreId}: ${c.excluded} this referral before`;
      if (c.takenMeanwhile) return `${c.centreId}: ${c.takenMeanwhile}`;
      if (!c.verdict.feasible) return `${c.centreId}: ${c.verdict.reason}`;
      return `${c.centreId}: not reachable by any travel-time provider`;
    }),
  ];
}

const unreachable = (c: CandidateRecord) =>
  c.travel === null || c.verdict.code === 'beyond_reach' || c.verdict.code === 'no_road_on_session_date';

const noneWithinReach = (candidates: readonly CandidateRecord[]) => candidates.length > 0 && candidates.every(unreachable);

/** What stopped one centre, as the closed vocabulary reporting counts. */
const REASON_OF_VERDICT: Record<InfeasibilityCode, UnroutableReason> = {
  centre_paused: 'centre_paused',
  no_certified_pair: 'no_facilitator_pair',
  no_language_pair: 'language',
  no_free_slot_before_expiry: 'no_slot_before_expiry',
  window_too_short: 'no_slot_before_expiry',
  group_capacity_full: 'group_full',
  beyond_reach: 'beyond_reach',
  no_road_on_session_date: 'road_closed',
};

function reasonOfCandidate(c: CandidateRecord): UnroutableReason {
  if (c.excluded) return c.excluded === 'declined' ? 'declined_before' : 'not_acknowledged_before';
  if (c.takenMeanwhile) return 'taken_meanwhile';
  if (!c.verdict.feasible && c.verdict.code) return REASON_OF_VERDICT[c.verdict.code];
  // Feasible on paper, but no travel-time provider knows a road to it.
  return 'road_closed';
}

/** The reasons of `unplacedReasons` as codes, each once: what reporting counts unroutable referrals by. */
export function unplacedReasonCodes(candidates: readonly CandidateRecord[]): UnroutableReason[] {
  if (candidates.length === 0) return ['no_centre_open'];
  const codes = new Set<UnroutableReason>(noneWithinReach(candidates) ? ['no_programme_within_reach'] : []);
  for (const candidate of candidates) codes.add(reasonOfCandidate(candidate));
  return [...codes];
}

/** How far the participant is from one place, on the dates that matter. */
export interface PlaceTravel {
  /** Travel as ranked (at the start of the window); null when no provider knows a road. */
  travel: TravelEstimate | null;
  /** Travel on a session's date: passes close in winter; null when there is no road that day. */
  travelOn(date: Date): TravelEstimate | null;
}

/** How far the participant is from one centre and from each of its outreach points. */
export interface CentreReach extends PlaceTravel {
  /** Nobody attends four weekly sessions farther than this one way. */
  maxTravelMinutes: number;
  /** By outreach point id; a point missing here is not within reach. */
  toOutreachPoints?: ReadonlyMap<string, PlaceTravel>;
}

/** A verdict and the travel to the place it was reached at: the centre or one of its outreach points. */
export interface PlaceVerdict {
  verdict: FeasibilityVerdict;
  travel: TravelEstimate | null;
}

/** The routing reach when none is configured: three hours one way. */
export const DEFAULT_MAX_TRAVEL_MINUTES = 180;

const beyond = (minutes: number, when: string, max: number, points = ''): FeasibilityVerdict => ({
  feasible: false,
  code: 'beyond_reach',
  reason: `${Math.round(minutes)} minutes one way${when}, beyond the reach of ${max} minutes${points}`,
});

interface Place {
  travel: PlaceTravel;
  point?: OutreachPoint;
}

/**
 * Can this centre deliver the programme to this participant at a place within reach on every session's date:
 * the centre itself, or one of its outreach points, nearest first? A place beyond reach is not even planned:
 * its sessions could not be attended. When no place can deliver, the nearest place's reason stands.
 */
export function assessPlaces(capacity: CentreCapacity, request: ProgrammeRequest, reach: CentreReach): PlaceVerdict {
  const max = reach.maxTravelMinutes;
  const places: Place[] = [];
  if (!(reach.travel && reach.travel.minutes > max)) places.push({ travel: reach });
  for (const point of capacity.outreachPoints ?? []) {
    const travel = reach.toOutreachPoints?.get(point.id);
    if (travel?.travel && travel.travel.minutes <= max) places.push({ travel, point });
  }
  if (places.length === 0) {
    const verdict = beyond(reach.travel!.minutes, '', max, capacity.outreachPoints?.length ? ', nor any of its outreach points' : '');
    return { verdict, travel: reach.travel };
  }
  const minutes = (p: Place) => p.travel.travel?.minutes ?? Infinity;
  places.sort((a, b) => minutes(a) - minutes(b));

  let nearest: PlaceVerdict | null = null;
  for (const place of places) {
    const verdict = assessAt(capacity, request, place, max);
    if (verdict.feasible) return { verdict, travel: place.travel.travel };
    nearest ??= { verdict, travel: place.travel.travel };
  }
  return nearest!;
}

function assessAt(
  capacity: CentreCapacity,
  request: ProgrammeRequest,
  { travel: reach, point }: Place,
  max: number,
): FeasibilityVerdict {
  const where = point ? `the outreach point in ${point.settlementCode}` : 'the centre';
  const verdict = assessFeasibility(point ? capacityAtPoint(capacity, point) : capacityAtCentre(capacity), request);
  if (!verdict.feasible) return point ? { ...verdict, reason: `at ${where}: ${verdict.reason}` } : verdict;
  for (const session of verdict.plan.sessions) {
    const travel = reach.travelOn(session.startsAt);
    const date = bishkekDateString(session.startsAt);
    if (travel === null) {
      return { feasible: false, code: 'no_road_on_session_date', reason: `no open road to ${where} on ${date}` };
    }
    if (travel.minutes > max) return beyond(travel.minutes, ` on ${date}`, max);
  }
  if (!point) return verdict;
  return { feasible: true, plan: { ...verdict.plan, outreachPoint: { id: point.id, settlementCode: point.settlementCode } } };
}

/**
 * Why nobody could attend this centre's sessions from where the participant lives, or null. A coordinator may
 * overrule the centre's capacity but not the road: beyond reach or with no open road, the order goes unserved.
 */
export function reachProblem({ verdict, travel }: PlaceVerdict): string | null {
  if (!verdict.feasible && (verdict.code === 'beyond_reach' || verdict.code === 'no_road_on_session_date')) return verdict.reason;
  if (travel === null) return 'no open road to the centre';
  return null;
}

export interface CentreSeen {
  id: string;
  name: string;
}

/** One centre as routing weighs it: the candidate to rank and the record that explains the verdict later. */
export function assessCandidate(
  centre: CentreSeen,
  reach: CentreReach,
  capacity: CentreCapacity,
  request: ProgrammeRequest,
  activeReferrals: number,
  now: Date,
  excluded?: 'declined' | 'expired',
): { candidate: CentreCandidate; record: CandidateRecord } {
  const { verdict, travel } = assessPlaces(capacity, request, reach);
  return {
    candidate: { centreId: centre.id, travel, verdict, activeReferrals },
    record: {
      centreId: centre.id,
      centreName: centre.name,
      travel,
      verdict: verdictRecord(verdict),
      capacity: capacitySeen(capacity, request.language, activeReferrals, now),
      ...(excluded ? { excluded } : {}),
    },
  };
}

/** Every open centre weighed for one request; `reach` is in the order of `centres`. */
export function assessCandidates(
  centres: readonly CentreSeen[],
  reach: readonly CentreReach[],
  capacities: ReadonlyMap<string, CentreCapacity>,
  load: ReadonlyMap<string, number>,
  request: ProgrammeRequest,
  now: Date,
  exclude: ReadonlyMap<string, 'declined' | 'expired'>,
): { candidates: CentreCandidate[]; records: Map<string, CandidateRecord> } {
  const candidates: CentreCandidate[] = [];
  const records = new Map<string, CandidateRecord>();
  centres.forEach((centre, i) => {
    const assessed = assessCandidate(
      centre,
      reach[i],
      capacities.get(centre.id)!,
      request,
      load.get(centre.id) ?? 0,
      now,
      exclude.get(centre.id),
    );
    candidates.push(assessed.candidate);
    records.set(centre.id, assessed.record);
  });
  return { candidates, records };
}
