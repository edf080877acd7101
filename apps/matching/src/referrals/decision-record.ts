import type { Language, ProgrammePlan, Sex } from '../capacity/capacity-types';
import type { CandidateRecord, VerdictRecord } from '../capacity/candidates';
import type { GeoPoint } from '../travel/geo';
import type { CapacityFreedBy } from './waiting-queue';
import type { TravelEstimate, TravelSource } from '../travel/travel-time';

export type RoutingTrigger =
  | 'assessed'
  | 'reassessed'
  | 'declined'
  | 'expired'
  | 'facilitator_away'
  | 'assigned'
  | 'capacity_freed'
  | 'order_extended';

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
  /** Placed from the queue of orders waiting for capacity: its place in the serving order, and what freed it. */
  queue?: { position: number; waiting: number; freedBy: CapacityFreedBy };
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
