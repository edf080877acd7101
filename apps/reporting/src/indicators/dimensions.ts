import { IndicatorDimension, Oblast, isSettlementCode, settlementByCode } from '@korgoo/contracts';
import { CaseFact, OrderCase } from './order-case';

export const UNKNOWN = 'unknown';

/** ODARA interpretation bins (0, 1, 2, 3, 4, 5-6, 7-13); an incomplete screening has no bin. */
export function riskBinOf(finalScore: number | null): string {
  if (finalScore === null) return 'unscored';
  if (finalScore <= 4) return String(finalScore);
  return finalScore <= 6 ? '5-6' : '7-13';
}

// Kyrgyzstan keeps UTC+6 all year: an order issued at 23:30 on 31 March in Bishkek is a March order.
const BISHKEK_OFFSET_MS = 6 * 3_600_000;

export function monthOf(instant: Date): string {
  return new Date(instant.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

export function oblastOfSettlement(code: string | undefined): Oblast | null {
  return code && isSettlementCode(code) ? settlementByCode(code).oblast : null;
}

/**
 * The centre an order belongs to: the one that accepted it, else the last one it was proposed to. A fact
 * naming a centre (a decline, an acceptance) belongs to that centre.
 */
export function centreOfOrder(facts: readonly CaseFact[]): string | null {
  const latest = (kinds: string[]) =>
    facts
      .filter((f) => kinds.includes(f.kind) && f.centreId)
      .reduce<CaseFact | null>((best, f) => (!best || f.occurredAt >= best.occurredAt ? f : best), null);
  return (latest(['referral_accepted']) ?? latest(['referral_routed', 'referral_rerouted']))?.centreId ?? null;
}

export function dimensionValue(dimension: IndicatorDimension, order: OrderCase, fact: CaseFact, orderCentre: string | null): string {
  switch (dimension) {
    case 'month':
      return order.issuedAt ? monthOf(order.issuedAt) : UNKNOWN;
    case 'centre':
      return fact.centreId ?? orderCentre ?? UNKNOWN;
    default:
      return order[dimension] ?? UNKNOWN;
  }
}

/** The instant a month (YYYY-MM) begins in Bishkek; `offset` months later for the end of a period. */
export function monthStart(month: string, offset = 0): Date {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1 + offset, 1) - BISHKEK_OFFSET_MS);
}
