import { checkContext, outsideValidatedPopulationReasons } from './eligibility';
import { assessImmediateDanger, type ImmediateDanger } from './immediate-danger';
import {
  MAX_UNKNOWN_ITEMS,
  ODARA_MAX_SCORE,
  ROUTING_PRIORITIES,
  type Answer,
  type OdaraItemKey,
  type RoutingPriority, type RiskFlagCode } from '@korgoo/contracts';
import {
  DEFAULT_POLICIES,
  PolicyError,
  priorityRank,
  type Bin,
  type NormTable,
  type OdaraPolicies,
  type PriorityPolicy,
} from './policies';
import { resolveOdaraItems, type ItemSource } from './resolve-items';
import { ScreeningError, type OdaraScreening, type PriorityOverride } from './screening';

export type FlagCode = RiskFlagCode;

export interface AssessmentFlag {
  code: FlagCode;
  reasons: string[];
}

export interface AssessedItem {
  key: OdaraItemKey;
  answer: Answer;
  /** True when the item entered the score (yes or no); unknown items are prorated, not counted. */
  counted: boolean;
  /** 1 for yes, 0 for no, null for unknown. */
  points: 1 | 0 | null;
  derivedFrom?: ItemSource;
}

export interface NormReference {
  recidivismPercent: number;
  percentScoringLower: number;
  normTableVersion: string;
  source: string;
}

export interface OdaraAssessment {
  status: 'scored' | 'incomplete';
  rawScore: number;
  unknownCount: number;
  answeredCount: number;
  /** Null when more than 5 items are unknown: never guessed. */
  finalScore: number | null;
  bin: Bin | null;
  /** Null when there is no score, or when the case is outside the population the norms were built on. */
  norm: NormReference | null;
  /** Why no norm is shown for a scored case; null when one is. */
  normWithheld: string | null;
  items: AssessedItem[];
  flags: AssessmentFlag[];
  immediateDanger: ImmediateDanger;
  priority: RoutingPriority;
  priorityReasons: string[];
  acknowledgeWithinHours: number;
  policyVersions: { proration: string; normTable: string; priority: string };
}

/** Scores one ODARA screening and decides how fast its referral must be routed and acknowledged. */
export function assessOdara(screening: OdaraScreening, policies: OdaraPolicies = DEFAULT_POLICIES): OdaraAssessment {
  if (screening === null || typeof screening !== 'object') {
    throw new ScreeningError('missing_field', '', 'no screening was given');
  }
  const context = checkContext(screening.context);
  const override = checkOverride(screening.override);
  const resolved = resolveOdaraItems(screening);
  const immediateDanger = assessImmediateDanger(screening.immediateDanger);

  let rawScore = 0;
  let unknownCount = 0;
  const items: AssessedItem[] = new Array(resolved.length);
  for (let i = 0; i < resolved.length; i++) {
    const { key, answer, derivedFrom } = resolved[i];
    if (answer === 'yes') rawScore++;
    else if (answer === 'unknown') unknownCount++;
    const item: AssessedItem = {
      key,
      answer,
      counted: answer !== 'unknown',
      points: answer === 'yes' ? 1 : answer === 'no' ? 0 : null,
    };
    if (derivedFrom) item.derivedFrom = derivedFrom;
    items[i] = item;
  }
  const answeredCount = ODARA_MAX_SCORE - unknownCount;
  const scored = unknownCount <= MAX_UNKNOWN_ITEMS;
  const finalScore = scored ? prorate(policies, rawScore, answeredCount) : null;
  const normBin = finalScore === null ? null : binFor(policies.norms, finalScore);

  const flags: AssessmentFlag[] = [];
  const outside = outsideValidatedPopulationReasons(context);
  if (outside.length > 0) flags.push({ code: 'outsideValidatedPopulation', reasons: outside });
  if (!context.policeRecordsChecked) {
    flags.push({
      code: 'recordsNotChecked',
      reasons: ['Police records were not checked; the criminal-history items (1-4) may be understated.'],
    });
  }
  if (!scored) {
    flags.push({
      code: 'incompleteScreening',
      reasons: [
        `${unknownCount} of ${ODARA_MAX_SCORE} items are unknown; ODARA allows at most ${MAX_UNKNOWN_ITEMS}, so no score is given.`,
        `Unknown items: ${items.filter((item) => !item.counted).map((item) => item.key).join(', ')}.`,
      ],
    });
  }

  const priorityReasons: string[] = [];
  let priority =
    finalScore !== null
      ? priorityFromScore(policies.priority, finalScore, `ODARA score ${finalScore} (raw ${rawScore}, ${unknownCount} unknown)`, priorityReasons)
      : incompletePriority(policies.priority, rawScore, unknownCount, priorityReasons);
  if (immediateDanger.present && priority !== 'urgent') {
    priority = 'urgent';
    priorityReasons.push('Urgent because of immediate danger: ' + immediateDanger.reasons.join(' '));
  } else if (immediateDanger.present) {
    priorityReasons.push('Immediate danger also present: ' + immediateDanger.reasons.join(' '));
  }
  if (override) {
    if (priorityRank(override.priority) > priorityRank(priority)) {
      priorityReasons.push(`Officer raised the priority from ${priority} to ${override.priority}; the reason is kept with the order.`);
      flags.push({ code: 'officerOverride', reasons: [`Raised to ${override.priority} by the officer.`] });
      priority = override.priority;
    } else {
      priorityReasons.push(
        `Officer override to ${override.priority} ignored: the priority is already ${priority}, and officer judgement may raise it, never lower it.`,
      );
    }
  }

  return {
    status: scored ? 'scored' : 'incomplete',
    rawScore,
    unknownCount,
    answeredCount,
    finalScore,
    bin: normBin ? normBin.bin : null,
    // Ontario's figures describe men who assaulted a female partner they lived with; for anyone else they
    // would mislead, so none are shown.
    norm:
      normBin && outside.length === 0
        ? {
            recidivismPercent: normBin.recidivismPercent,
            percentScoringLower: normBin.percentScoringLower,
            normTableVersion: policies.norms.version,
            source: policies.norms.source,
          }
        : null,
    normWithheld:
      normBin && outside.length > 0 ? 'no validated norm exists for this case: it is outside the population ODARA was built on' : null,
    items,
    flags,
    immediateDanger,
    priority,
    priorityReasons,
    acknowledgeWithinHours: policies.priority.ackDeadlineHours[priority],
    policyVersions: {
      proration: policies.proration.version,
      normTable: policies.norms.version,
      priority: policies.priority.version,
    },
  };
}

function checkOverride(override: PriorityOverride | undefined): PriorityOverride | undefined {
  if (override === undefined || override === null) return undefined;
  if (typeof override !== 'object' || !ROUTING_PRIORITIES.includes(override.priority)) {
    throw new ScreeningError('invalid_value', 'override.priority', `override.priority must be one of ${ROUTING_PRIORITIES.join(', ')}`);
  }
  return { priority: override.priority };
}

// A custom policy must not be able to break the guarantee raw <= final <= 13.
function prorate(policies: OdaraPolicies, raw: number, answered: number): number {
  const final = policies.proration.prorate(raw, answered);
  if (!Number.isInteger(final) || final < raw || final > ODARA_MAX_SCORE) {
    throw new PolicyError('proration', `proration ${policies.proration.version} gave ${final} for raw ${raw} over ${answered} answered items`);
  }
  return final;
}

function binFor(norms: NormTable, score: number) {
  for (const bin of norms.bins) {
    if (score >= bin.min && score <= bin.max) return bin;
  }
  throw new PolicyError('norms', `norm table ${norms.version} has no bin for score ${score}`);
}

function priorityFromScore(policy: PriorityPolicy, score: number, what: string, reasons: string[]): RoutingPriority {
  if (score >= policy.urgentFromScore) {
    reasons.push(`${what} is at or above the urgent threshold of ${policy.urgentFromScore} (priority policy ${policy.version}).`);
    return 'urgent';
  }
  if (score >= policy.highFromScore) {
    reasons.push(`${what} is at or above the high threshold of ${policy.highFromScore} (priority policy ${policy.version}).`);
    return 'high';
  }
  reasons.push(`${what} is below the high threshold of ${policy.highFromScore} (priority policy ${policy.version}).`);
  return 'standard';
}

// Unknown items can only add points, so the raw score is a floor on the true score: it may still make a case urgent.
function incompletePriority(policy: PriorityPolicy, raw: number, unknown: number, reasons: string[]): RoutingPriority {
  reasons.push(`Screening incomplete: ${unknown} items unknown (at most ${MAX_UNKNOWN_ITEMS} allowed), so no score; routed at least high.`);
  if (raw >= policy.urgentFromScore) {
    reasons.push(`Raw score ${raw} from the answered items alone reaches the urgent threshold of ${policy.urgentFromScore} (priority policy ${policy.version}).`);
    return 'urgent';
  }
  return 'high';
}
