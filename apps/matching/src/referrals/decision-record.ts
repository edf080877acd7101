import type { CentreCapacity, FeasibilityVerdict, Language, ProgrammePlan, Sex } from '../routing/feasibility';
import type { GeoPoint } from '../routing/travel/geo';
import type { TravelEstimate, TravelSource } from '../routing/travel/travel-time';

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

export type RoutingTrigger = 'assessed' | 'reassessed' | 'declined' | 'expired' | 'assigned';

export interface RoutingRecord {
  handOff: number;
  trigger: RoutingTrigger;
  decidedAt: string;
  /** The replica that decided, for operators following a race. */
  decidedBy: string;
  origin: GeoPoint & { settlementCode?: string };
  request: { participantSex: Sex; language: Language; notBefore: string; mustFinishBy: string };
  /** Travel-time providers in the order they are asked; each candidate's travel names the one that answered. */
  providers: TravelSource[];
  candidates: CandidateRecord[];
  chosen: string | null;
  plan: ProgrammePlan | null;
  outcome: 'proposed' | 'unroutable' | 'escalated' | 'assigned';
  /** A coordinator's assignment: who, why, and what the rules said about that centre. */
  override?: { actorId: string; reason: string; verdict: VerdictRecord };
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

export interface HandOffRow {
  handOff: number;
  centreId: string;
  centreName: string | null;
  proposedAt: Date;
  dueAt: Date;
  assigned: boolean;
  state: string;
  resolvedAt: Date | null;
}

export interface TransitionRow {
  handOff: number;
  fromStatus: string | null;
  toStatus: string;
  centreId: string | null;
  actorKind: string;
  actorId: string | null;
  reasonCode: string | null;
  note: string | null;
  at: Date;
}

export interface DecisionView {
  referralId: string;
  referralNumber: string;
  orderId: string;
  status: string;
  priority: string;
  failedHandOffs: number;
  handOffLimit: number;
  routings: RoutingRecord[];
  handOffs: Array<{
    handOff: number;
    centreId: string;
    centreName: string | null;
    proposedAt: string;
    acknowledgeBy: string;
    assigned: boolean;
    outcome: string;
    outcomeAt: string | null;
    reasonCode: string | null;
    by: { kind: string; id: string | null } | null;
  }>;
  transitions: Array<{
    handOff: number;
    from: string | null;
    to: string;
    centreId: string | null;
    by: { kind: string; id: string | null };
    reasonCode: string | null;
    note: string | null;
    at: string;
  }>;
}

/** The record a coordinator reads: every routing with its candidates, every hand-off with how it ended. */
export function decisionView(input: {
  referral: { id: string; referralNumber: string; orderId: string; status: string; priority: string; failedHandOffs: number };
  handOffLimit: number;
  routings: RoutingRecord[];
  handOffs: HandOffRow[];
  transitions: TransitionRow[];
}): DecisionView {
  const endOf = (handOff: HandOffRow) =>
    input.transitions.find(
      (t) => t.handOff === handOff.handOff && t.fromStatus === 'proposed' && ['accepted', 'declined', 'expired', 'cancelled'].includes(t.toStatus),
    );
  return {
    referralId: input.referral.id,
    referralNumber: input.referral.referralNumber,
    orderId: input.referral.orderId,
    status: input.referral.status,
    priority: input.referral.priority,
    failedHandOffs: input.referral.failedHandOffs,
    handOffLimit: input.handOffLimit,
    routings: input.routings,
    handOffs: input.handOffs.map((h) => {
      const end = endOf(h);
      return {
        handOff: h.handOff,
        centreId: h.centreId,
        centreName: h.centreName,
        proposedAt: h.proposedAt.toISOString(),
        acknowledgeBy: h.dueAt.toISOString(),
        assigned: h.assigned,
        outcome: h.state,
        outcomeAt: h.resolvedAt?.toISOString() ?? null,
        reasonCode: end?.reasonCode ?? null,
        by: end ? { kind: end.actorKind, id: end.actorId } : null,
      };
    }),
    transitions: input.transitions.map((t) => ({
      handOff: t.handOff,
      from: t.fromStatus,
      to: t.toStatus,
      centreId: t.centreId,
      by: { kind: t.actorKind, id: t.actorId },
      reasonCode: t.reasonCode,
      note: t.note,
      at: t.at.toISOString(),
    })),
  };
}
