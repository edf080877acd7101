/**
 * The ODARA instrument's vocabulary: items, answers, indicator lists, thresholds and the rule that settles
 * items 11 and 13 from their indicators. The gateway validates with it and risk scores with it, so the two
 * can never disagree about what a screening says.
 */
export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

export function isAnswer(value: unknown): value is Answer {
  return (ANSWERS as readonly unknown[]).includes(value);
}

/** The 13 ODARA items in instrument order (item 1 first). */
export const ODARA_ITEM_KEYS = [
  'priorDomesticAssault',
  'priorNonDomesticAssault',
  'priorCustody30Days',
  'priorConditionalReleaseFailure',
  'threatToHarmOrKill',
  'confinement',
  'victimFearsFutureAssault',
  'moreThanOneChild',
  'victimChildFromPriorPartner',
  'violenceAgainstOthers',
  'substanceAbuse',
  'assaultedVictimWhilePregnant',
  'barriersToSupport',
] as const;
export type OdaraItemKey = (typeof ODARA_ITEM_KEYS)[number];

/** Item 11 is present with two or more of these. */
export const SUBSTANCE_INDICATOR_KEYS = [
  'alcoholAtIndex',
  'drugsAtIndex',
  'historyOfUse',
  'increasedUse',
  'moreViolentWhenUsing',
  'substanceRelatedOffence',
  'alcoholProblem',
  'drugProblem',
] as const;
export type SubstanceIndicatorKey = (typeof SUBSTANCE_INDICATOR_KEYS)[number];
export const SUBSTANCE_ABUSE_MIN_INDICATORS = 2;

/** Item 13 is present with at least one of these. */
export const SUPPORT_BARRIER_KEYS = [
  'childrenInCare',
  'noPhone',
  'noTransport',
  'geographicIsolation',
  'ownSubstanceUse',
] as const;
export type SupportBarrierKey = (typeof SUPPORT_BARRIER_KEYS)[number];
export const SUPPORT_BARRIERS_MIN_PRESENT = 1;

/** Items 11 and 13 may be answered directly or through their indicators. */
export const COMPOSITE_ITEMS = {
  substanceAbuse: { indicators: 'substanceIndicators', keys: SUBSTANCE_INDICATOR_KEYS, minimum: SUBSTANCE_ABUSE_MIN_INDICATORS },
  barriersToSupport: { indicators: 'supportBarriers', keys: SUPPORT_BARRIER_KEYS, minimum: SUPPORT_BARRIERS_MIN_PRESENT },
} as const;
export type CompositeItemKey = keyof typeof COMPOSITE_ITEMS;
export type CompositeIndicatorList = (typeof COMPOSITE_ITEMS)[CompositeItemKey]['indicators'];

export function isCompositeItem(key: string): key is CompositeItemKey {
  return Object.prototype.hasOwnProperty.call(COMPOSITE_ITEMS, key);
}

/**
 * Present when at least the item's minimum of indicators are yes; absent only when that cannot be reached
 * even if every unknown were yes; otherwise unknown. An omitted indicator counts as unknown.
 */
export function deriveComposite(item: CompositeItemKey, indicators: Readonly<Record<string, unknown>>): Answer {
  const { keys, minimum } = COMPOSITE_ITEMS[item];
  let yes = 0;
  let undecided = 0;
  for (const key of keys) {
    const answer = indicators[key] ?? 'unknown';
    if (answer === 'yes') yes++;
    else if (answer !== 'no') undecided++;
  }
  if (yes >= minimum) return 'yes';
  return yes + undecided < minimum ? 'no' : 'unknown';
}

export const DANGER_ANSWERS = ['yes', 'no', 'not_answered'] as const;
export type DangerAnswer = (typeof DANGER_ANSWERS)[number];

export function isDangerAnswer(value: unknown): value is DangerAnswer {
  return (DANGER_ANSWERS as readonly unknown[]).includes(value);
}

/** Lethality Assessment Program: any "yes" here triggers the immediate-danger protocol. */
export const IMMEDIATE_DANGER_CRITICAL_KEYS = ['usedOrThreatenedWeapon', 'threatenedToKill', 'believesMightKill'] as const;
export type CriticalKey = (typeof IMMEDIATE_DANGER_CRITICAL_KEYS)[number];

/** Lethality Assessment Program: enough "yes" answers here trigger the protocol too. */
export const IMMEDIATE_DANGER_FURTHER_KEYS = [
  'hasOrCanGetGun',
  'triedToChoke',
  'violentlyJealousOrControlling',
  'separatedAfterLivingTogether',
  'unemployed',
  'attemptedSuicide',
  'childNotTheirs',
  'stalksOrThreatens',
] as const;
export type FurtherKey = (typeof IMMEDIATE_DANGER_FURTHER_KEYS)[number];
export const IMMEDIATE_DANGER_FURTHER_THRESHOLD = 4;

/** ODARA allows at most this many unknown items before no score may be given. */
export const MAX_UNKNOWN_ITEMS = 5;
export const ODARA_MAX_SCORE = ODARA_ITEM_KEYS.length;
