import type {
  Answer,
  CriticalKey,
  DangerAnswer,
  FurtherKey,
  IndexIncident,
  OdaraItemKey,
  Relationship,
  RoutingPriority,
  Sex,
  SubstanceIndicatorKey,
  SupportBarrierKey,
} from '@korgoo/contracts';

export interface ScreeningContext {
  perpetratorSex: Sex;
  victimSex: Sex;
  relationship: Relationship;
  indexIncident: IndexIncident;
  policeRecordsChecked: boolean;
}

export interface ImmediateDangerAnswers {
  critical: Partial<Record<CriticalKey, DangerAnswer>>;
  further: Partial<Record<FurtherKey, DangerAnswer>>;
  officerBelievesHighDanger: boolean;
}

/** The officer's raised priority; the written reason stays with the order in the gateway. */
export interface PriorityOverride {
  priority: RoutingPriority;
}

/** One ODARA screening as the police officer completed it. */
export interface OdaraScreening {
  /** All 13 required, except substanceAbuse / barriersToSupport may be omitted when their indicators are given. */
  items: Partial<Record<OdaraItemKey, Answer>>;
  substanceIndicators?: Partial<Record<SubstanceIndicatorKey, Answer>>;
  supportBarriers?: Partial<Record<SupportBarrierKey, Answer>>;
  context: ScreeningContext;
  immediateDanger: ImmediateDangerAnswers;
  override?: PriorityOverride;
}

export type ScreeningErrorCode =
  | 'missing_item'
  | 'missing_field'
  | 'unknown_field'
  | 'invalid_value'
  | 'conflicting_answers';

/** A screening that cannot be assessed as given; `field` is the dotted path to correct. */
export class ScreeningError extends Error {
  constructor(
    readonly code: ScreeningErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScreeningError';
  }
}

const allowedKeySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A misspelt key would otherwise be read as an unanswered question and lower the score silently. */
export function rejectUnknownKeys(given: object, allowed: readonly string[], field: string): void {
  let keys = allowedKeySets.get(allowed);
  if (!keys) {
    keys = new Set(allowed);
    allowedKeySets.set(allowed, keys);
  }
  for (const key of Object.keys(given)) {
    if (!keys.has(key)) {
      throw new ScreeningError('unknown_field', `${field}.${key}`, `${field}.${key} is not a question of this screening`);
    }
  }
}
