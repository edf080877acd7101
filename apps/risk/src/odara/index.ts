export {
  ANSWERS,
  DANGER_ANSWERS,
  IMMEDIATE_DANGER_CRITICAL_KEYS,
  IMMEDIATE_DANGER_FURTHER_KEYS,
  IMMEDIATE_DANGER_FURTHER_THRESHOLD,
  MAX_UNKNOWN_ITEMS,
  ODARA_ITEM_KEYS,
  ODARA_MAX_SCORE,
  SUBSTANCE_ABUSE_MIN_INDICATORS,
  SUBSTANCE_INDICATOR_KEYS,
  SUPPORT_BARRIERS_MIN_PRESENT,
  SUPPORT_BARRIER_KEYS,
  isAnswer,
  isDangerAnswer,
} from './odara-items';
export type { Answer, CriticalKey, DangerAnswer, FurtherKey, OdaraItemKey, SubstanceIndicatorKey, SupportBarrierKey } from './odara-items';

export { INDEX_INCIDENTS, PERSON_SEXES, RELATIONSHIPS, ScreeningError } from './screening';
export type {
  ImmediateDangerAnswers,
  IndexIncident,
  OdaraScreening,
  PersonSex,
  PriorityOverride,
  Relationship,
  ScreeningContext,
  ScreeningErrorCode,
} from './screening';

export {
  BINS,
  DEFAULT_POLICIES,
  DEFAULT_PRIORITY_POLICY,
  ONTARIO_NORMS_HILTON_2004,
  PROPORTIONAL_PRORATION_V1,
  PolicyError,
  ROUTING_PRIORITIES,
  priorityPolicyFrom,
  priorityRank,
} from './policies';
export type {
  AckDeadlineHours,
  Bin,
  NormBin,
  NormTable,
  OdaraPolicies,
  PriorityPolicy,
  PriorityPolicyChanges,
  ProrationPolicy,
  RoutingPriority,
} from './policies';

export { deriveSubstanceAbuse, deriveSupportBarriers, resolveOdaraItems } from './resolve-items';
export type { ItemSource, ResolvedItem } from './resolve-items';

export { outsideValidatedPopulationReasons } from './eligibility';
export { assessImmediateDanger } from './immediate-danger';
export type { ImmediateDanger } from './immediate-danger';

export { assessOdara } from './score';
export type { AssessedItem, AssessmentFlag, FlagCode, NormReference, OdaraAssessment } from './score';

export { FORM_LANGUAGES, ODARA_FORM } from './odara-form';
export type {
  FormAnswerKind,
  FormLanguage,
  FormOption,
  FormQuestion,
  FormRequirement,
  FormSection,
  FormSectionKey,
  LocalizedText,
  OdaraForm,
} from './odara-form';
