import { UNREPORTED_CLOSURE_YEARS } from '@korgoo/contracts';
import { yearsBefore } from '@korgoo/platform/core';

/**
 * How long the gateway keeps the personal data of an order (the person's name and birth year, the officers'
 * notes, the court's reference): `orderYears` after its case closes, and no law term is known that says
 * otherwise. A case closes at the programme's final outcome (completed, refused with a notice, closed by
 * decision, expired unplaced) or when police withdraw the order. A case that never reports an end (an
 * outcome lost to an outage, say) is taken as closed `UNREPORTED_CLOSURE_YEARS` after the order's expiry,
 * the longest the programme and its follow-up run, so nothing is kept for ever.
 */
export interface RetentionPolicy {
  orderYears: number;
}

/** An order is due for erasure when its case closed before `closedBefore`, or, with no closure, expired before `expiredBefore`. */
export interface ErasureCutoffs {
  closedBefore: Date;
  expiredBefore: Date;
}

export function erasureCutoffs(now: Date, policy: RetentionPolicy): ErasureCutoffs {
  return {
    closedBefore: yearsBefore(now, policy.orderYears),
    expiredBefore: yearsBefore(now, policy.orderYears + UNREPORTED_CLOSURE_YEARS),
  };
}

/**
 * A refresh token is kept `days` after it expired or was revoked, so a replayed one is still recognised
 * (and its whole session revoked) while it matters; then it is deleted.
 */
export function refreshTokenCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600_000);
}

/** Audit entries written before this are past their term. */
export function auditCutoff(now: Date, auditYears: number): Date {
  return yearsBefore(now, auditYears);
}
