import type { CentreCapacity, FeasibilityVerdict, Language, ProgrammeRequest, Sex } from './capacity-types';
import { assessFeasibility } from './feasibility';
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
  code?: string;
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

/** Reasons an order could not be placed, one per centre, for coordinators and the escalation event. */
export function unplacedReasons(candidates: readonly CandidateRecord[]): string[] {
  if (candidates.length === 0) return ['no crisis centre is open'];
  return candidates.map((c) => {
    if (c.excluded) return `${c.centreId}: ${c.excluded} this referral before`;
    if (c.takenMeanwhile) return `${c.centreId}: ${c.takenMeanwhile}`;
    if (!c.verdict.feasible) return `${c.centreId}: ${c.verdict.reason}`;
    return `${c.centreId}: not reachable by any travel-time provider`;
  });
}

export interface CentreSeen {
  id: string;
  name: string;
}

/** One centre as routing weighs it: the candidate to rank and the record that explains the verdict later. */
export function assessCandidate(
  centre: CentreSeen,
  travel: TravelEstimate | null,
  capacity: CentreCapacity,
  request: ProgrammeRequest,
  activeReferrals: number,
  now: Date,
  excluded?: 'declined' | 'expired',
): { candidate: CentreCandidate; record: CandidateRecord } {
  const verdict = assessFeasibility(capacity, request);
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

/** Every open centre weighed for one request; `travel` is in the order of `centres`. */
export function assessCandidates(
  centres: readonly CentreSeen[],
  travel: ReadonlyArray<TravelEstimate | null>,
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
      travel[i],
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
