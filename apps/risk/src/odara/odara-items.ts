export type Answer = 'yes' | 'no' | 'unknown';
export const ANSWERS: readonly Answer[] = ['yes', 'no', 'unknown'];

export function isAnswer(value: unknown): value is Answer {
  return value === 'yes' || value === 'no' || value === 'unknown';
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

export type DangerAnswer = 'yes' | 'no' | 'not_answered';
export const DANGER_ANSWERS: readonly DangerAnswer[] = ['yes', 'no', 'not_answered'];

export function isDangerAnswer(value: unknown): value is DangerAnswer {
  return value === 'yes' || value === 'no' || value === 'not_answered';
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
