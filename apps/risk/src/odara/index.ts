export { ScreeningError } from './screening';
export type {
  ImmediateDangerAnswers,
  OdaraScreening,
  PriorityOverride,
  ScreeningContext,
  ScreeningErrorCode,
} from './screening';

export {
  BINS,
  DEFAULT_POLICIES,
  DEFAULT_PRIORITY_POLICY,
  INTERPRETING_ODARA_RISK_SCORES,
  PROPORTIONAL_PRORATION_V1,
  PolicyError,
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
} from './policies';

export { deriveSubstanceAbuse, deriveSupportBarriers, resolveOdaraItems } from './resolve-items';
export type { ItemSource, ResolvedItem } from './resolve-items';

export { outsideValidatedPopulationReasons } from './eligibility';
export { assessImmediateDanger } from './immediate-danger';
export type { ImmediateDanger } from './immediate-danger';

export { assessOdara } from './score';
export type { AssessedItem, AssessmentFlag, FlagCode, NormReference, OdaraAssessment } from './score';

export { ODARA_FORM } from './odara-form';
export type {
  FormAnswerKind,
  FormOption,
  FormQuestion,
  FormRequirement,
  FormSection,
  FormSectionKey,
  LocalizedText,
  OdaraForm,
} from './odara-form';
