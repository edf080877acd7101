import { deepFreeze } from './deep-freeze';
import { ODARA_MAX_SCORE, ROUTING_PRIORITIES, type RoutingPriority } from '@korgoo/contracts';

const PRIORITY_RANK: Record<RoutingPriority, number> = { standard: 0, high: 1, urgent: 2 };

/** Orders priorities so that urgent > high > standard. */
export function priorityRank(priority: RoutingPriority): number {
  return PRIORITY_RANK[priority];
}

/** A policy configuration that cannot be used; raised at start-up, not per screening. */
export class PolicyError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}

export interface ProrationPolicy {
  readonly version: string;
  readonly name: string;
  /** `answered` is the number of items answered yes or no (13 minus unknown). */
  prorate(raw: number, answered: number): number;
}

// The licensed Waypoint proration table replaces this once obtained; until then results keep raw and unknown count.
export const PROPORTIONAL_PRORATION_V1: ProrationPolicy = Object.freeze({
  version: 'proportional-2026.1',
  name: 'Proportional proration (local policy until the licensed ODARA table is obtained)',
  prorate(raw: number, answered: number): number {
    if (!Number.isInteger(raw) || !Number.isInteger(answered) || answered < 1 || answered > ODARA_MAX_SCORE || raw < 0 || raw > answered) {
      throw new RangeError(`cannot prorate raw ${raw} over ${answered} answered items`);
    }
    if (answered === ODARA_MAX_SCORE) return raw;
    const prorated = Math.round((raw * ODARA_MAX_SCORE) / answered);
    return Math.min(ODARA_MAX_SCORE, Math.max(raw, prorated));
  },
});

export type Bin = '0' | '1' | '2' | '3' | '4' | '5-6' | '7-13';
export const BINS: readonly Bin[] = ['0', '1', '2', '3', '4', '5-6', '7-13'];

export interface NormBin {
  readonly bin: Bin;
  readonly min: number;
  readonly max: number;
  readonly recidivismPercent: number;
  /** Percent of the table's sample scoring below this bin. */
  readonly percentScoringLower: number;
}

export interface NormTable {
  readonly version: string;
  readonly source: string;
  readonly bins: readonly NormBin[];
}

/** The published interpretation table, as published; its page does not state the sample behind it. */
export const INTERPRETING_ODARA_RISK_SCORES: NormTable = deepFreeze({
  version: 'interpreting-odara-risk-scores-1',
  source:
    'The "Interpreting ODARA Risk Scores" table (Ontario; its sample is not stated on the page). ' +
    'Ontario norms, not Kyrgyz norms: no Kyrgyz norm table exists yet.',
  bins: [
    { bin: '0', min: 0, max: 0, recidivismPercent: 5, percentScoringLower: 0 },
    { bin: '1', min: 1, max: 1, recidivismPercent: 10, percentScoringLower: 11 },
    { bin: '2', min: 2, max: 2, recidivismPercent: 20, percentScoringLower: 27 },
    { bin: '3', min: 3, max: 3, recidivismPercent: 27, percentScoringLower: 48 },
    { bin: '4', min: 4, max: 4, recidivismPercent: 41, percentScoringLower: 67 },
    { bin: '5-6', min: 5, max: 6, recidivismPercent: 59, percentScoringLower: 80 },
    { bin: '7-13', min: 7, max: 13, recidivismPercent: 70, percentScoringLower: 93 },
  ],
});

export interface AckDeadlineHours {
  readonly urgent: number;
  readonly high: number;
  readonly standard: number;
}

/** Local thresholds for action; the Ontario norms do not set them. */
export interface PriorityPolicy {
  readonly version: string;
  readonly urgentFromScore: number;
  readonly highFromScore: number;
  readonly ackDeadlineHours: AckDeadlineHours;
}

export const DEFAULT_PRIORITY_POLICY: PriorityPolicy = deepFreeze({
  version: 'priority-2026.1',
  urgentFromScore: 7,
  highFromScore: 4,
  ackDeadlineHours: { urgent: 1, high: 4, standard: 24 },
});

export interface PriorityPolicyChanges {
  version: string;
  urgentFromScore?: number;
  highFromScore?: number;
  ackDeadlineHours?: Partial<AckDeadlineHours>;
}

/** Builds a new priority policy from `base`, refusing numbers that would misroute orders. */
export function priorityPolicyFrom(changes: PriorityPolicyChanges, base: PriorityPolicy = DEFAULT_PRIORITY_POLICY): PriorityPolicy {
  if (typeof changes.version !== 'string' || changes.version.trim() === '') {
    throw new PolicyError('version', 'a priority policy needs a non-blank version');
  }
  const policy: PriorityPolicy = {
    version: changes.version.trim(),
    urgentFromScore: changes.urgentFromScore ?? base.urgentFromScore,
    highFromScore: changes.highFromScore ?? base.highFromScore,
    ackDeadlineHours: { ...base.ackDeadlineHours, ...changes.ackDeadlineHours },
  };
  requireScore('urgentFromScore', policy.urgentFromScore);
  requireScore('highFromScore', policy.highFromScore);
  if (policy.highFromScore > policy.urgentFromScore) {
    throw new PolicyError('highFromScore', `highFromScore ${policy.highFromScore} is above urgentFromScore ${policy.urgentFromScore}`);
  }
  for (const priority of ROUTING_PRIORITIES) {
    const hours = policy.ackDeadlineHours[priority];
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      throw new PolicyError(`ackDeadlineHours.${priority}`, `acknowledgement deadline must be a positive number of hours, got ${String(hours)}`);
    }
  }
  const { urgent, high, standard } = policy.ackDeadlineHours;
  if (urgent > high || high > standard) {
    throw new PolicyError('ackDeadlineHours', `higher priority must not wait longer: urgent ${urgent} h, high ${high} h, standard ${standard} h`);
  }
  // Stored assessments cite the version, so one version must never mean two sets of numbers.
  if (policy.version === base.version && !samePriorityNumbers(policy, base)) {
    throw new PolicyError('version', `version ${base.version} already names other numbers; changed numbers need a new version`);
  }
  return deepFreeze(policy);
}

function samePriorityNumbers(a: PriorityPolicy, b: PriorityPolicy): boolean {
  return (
    a.urgentFromScore === b.urgentFromScore &&
    a.highFromScore === b.highFromScore &&
    ROUTING_PRIORITIES.every((p) => a.ackDeadlineHours[p] === b.ackDeadlineHours[p])
  );
}

function requireScore(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > ODARA_MAX_SCORE) {
    throw new PolicyError(field, `${field} must be a whole ODARA score from 0 to ${ODARA_MAX_SCORE}, got ${String(value)}`);
  }
}

export interface OdaraPolicies {
  readonly proration: ProrationPolicy;
  readonly norms: NormTable;
  readonly priority: PriorityPolicy;
}

export const DEFAULT_POLICIES: OdaraPolicies = Object.freeze({
  proration: PROPORTIONAL_PRORATION_V1,
  norms: INTERPRETING_ODARA_RISK_SCORES,
  priority: DEFAULT_PRIORITY_POLICY,
});
