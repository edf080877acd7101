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
}

export const FACT_KINDS = [
  'order_registered',
  'order_withdrawn',
  'immediate_danger',
  'referral_routed',
  'referral_accepted',
  'referral_declined',
  'referral_expired',
  'referral_rerouted',
  'referral_escalated',
  'referral_unroutable',
  'referral_cancelled',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One counted happening, taken from exactly one event (its id is the fact's key). */
export interface CaseFact {
  eventId: string;
  orderId: string;
  kind: FactKind;
  reason: string | null;
  centreId: string | null;
  occurredAt: Date;
}
