/** What the read model keeps about one protection order: codes and instants, never a name or contact. */
export interface OrderCase {
  orderId: string;
  issuedAt: Date | null;
  expiresAt: Date | null;
  oblast: string | null;
  unit: string | null;
  sex: string | null;
  language: string | null;
  riskBin: string | null;
  priority: string | null;
  /** The gateway's keyed hash of the person's ПИН, when the police gave one: links repeat orders. */
  personRef: string | null;
}

/** An order of a person, from any month: what a repeat within 6, 12 or 18 months is looked up in. */
export interface PersonOrder {
  orderId: string;
  personRef: string;
  issuedAt: Date;
}

export const FACT_KINDS = [
  'order_registered',
  'order_withdrawn',
  'immediate_danger',
  'referral_routed',
  'referral_accepted',
  'referral_declined',
  'referral_expired',
  'referral_withdrawn',
  'referral_rerouted',
  'referral_escalated',
  'referral_unroutable',
  'referral_decision_reminder',
  'referral_cancelled',
  'programme_started',
  'session_attended',
  'programme_completed',
  'programme_refused',
  'programme_closed',
  'programme_cancelled',
  'order_extended',
  'programme_expired_unplaced',
  'voluntary_enrolled',
  'voluntary_completed',
  'voluntary_left',
  'follow_up_due',
  'follow_up_recorded',
  'group_place',
  'group_meeting_merged',
  'group_meeting_ran_small',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One counted happening, taken from exactly one event (its id is the fact's key). */
export interface CaseFact {
  eventId: string;
  orderId: string;
  kind: FactKind;
  /** A reason code; an unroutable referral can have several, joined by commas. */
  reason: string | null;
  centreId: string | null;
  occurredAt: Date;
  /**
   * A `group_place`: the group session booked and how many places it held then. A `group_meeting_merged` or
   * `group_meeting_ran_small`: the meeting decided (the one merged away, or the one that ran) and how many it had.
   */
  sessionId?: string | null;
  participants?: number | null;
}

/** Whether a fact was given this reason code, alone or among others. */
export function hasReason(fact: CaseFact, reason: string): boolean {
  return fact.reason !== null && fact.reason.split(',').includes(reason);
}
