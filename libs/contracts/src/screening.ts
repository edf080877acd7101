import {
  IsBoolean,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  IsIn,
  IsOptional,
} from 'class-validator';
import { Nested } from './nested';
import {
  ANSWERS,
  COMPOSITE_ITEMS,
  DANGER_ANSWERS,
  deriveComposite,
  type Answer,
  type CompositeItemKey,
  type DangerAnswer,
} from './odara-items';
import {
  INDEX_INCIDENTS,
  RELATIONSHIPS,
  ROUTING_PRIORITIES,
  SEXES,
  type IndexIncident,
  type Relationship,
  type RoutingPriority,
  type Sex,
} from './vocabulary';

/**
 * The ODARA screening as it travels in order.registered.v1: answers and codes only. The intake form adds the
 * officer's free text (concern, override reason), which the gateway keeps with the order.
 */
const answer = IsIn(ANSWERS, { message: '$property must be one of yes, no, unknown' });
const dangerAnswer = IsIn(DANGER_ANSWERS, { message: '$property must be one of yes, no, not_answered' });

export class OdaraItems {
  @answer priorDomesticAssault: Answer;
  @answer priorNonDomesticAssault: Answer;
  @answer priorCustody30Days: Answer;
  @answer priorConditionalReleaseFailure: Answer;
  @answer threatToHarmOrKill: Answer;
  @answer confinement: Answer;
  @answer victimFearsFutureAssault: Answer;
  @answer moreThanOneChild: Answer;
  @answer victimChildFromPriorPartner: Answer;
  @answer violenceAgainstOthers: Answer;
  /** May be left out when the substance indicators are given. */
  @IsOptional() @answer substanceAbuse?: Answer;
  @answer assaultedVictimWhilePregnant: Answer;
  /** May be left out when the support barriers are given. */
  @IsOptional() @answer barriersToSupport?: Answer;
}

export class SubstanceIndicators {
  @IsOptional() @answer alcoholAtIndex?: Answer;
  @IsOptional() @answer drugsAtIndex?: Answer;
  @IsOptional() @answer historyOfUse?: Answer;
  @IsOptional() @answer increasedUse?: Answer;
  @IsOptional() @answer moreViolentWhenUsing?: Answer;
  @IsOptional() @answer substanceRelatedOffence?: Answer;
  @IsOptional() @answer alcoholProblem?: Answer;
  @IsOptional() @answer drugProblem?: Answer;
}

export class SupportBarriers {
  @IsOptional() @answer childrenInCare?: Answer;
  @IsOptional() @answer noPhone?: Answer;
  @IsOptional() @answer noTransport?: Answer;
  @IsOptional() @answer geographicIsolation?: Answer;
  @IsOptional() @answer ownSubstanceUse?: Answer;
}

export class ScreeningContext {
  @IsIn(SEXES) perpetratorSex: Sex;
  @IsIn(SEXES) victimSex: Sex;
  @IsIn(RELATIONSHIPS) relationship: Relationship;
  @IsIn(INDEX_INCIDENTS) indexIncident: IndexIncident;
  @IsBoolean() policeRecordsChecked: boolean;
}

export class CriticalDangerQuestions {
  @IsOptional() @dangerAnswer usedOrThreatenedWeapon?: DangerAnswer;
  @IsOptional() @dangerAnswer threatenedToKill?: DangerAnswer;
  @IsOptional() @dangerAnswer believesMightKill?: DangerAnswer;
}

export class FurtherDangerQuestions {
  @IsOptional() @dangerAnswer hasOrCanGetGun?: DangerAnswer;
  @IsOptional() @dangerAnswer triedToChoke?: DangerAnswer;
  @IsOptional() @dangerAnswer violentlyJealousOrControlling?: DangerAnswer;
  @IsOptional() @dangerAnswer separatedAfterLivingTogether?: DangerAnswer;
  @IsOptional() @dangerAnswer unemployed?: DangerAnswer;
  @IsOptional() @dangerAnswer attemptedSuicide?: DangerAnswer;
  @IsOptional() @dangerAnswer childNotTheirs?: DangerAnswer;
  @IsOptional() @dangerAnswer stalksOrThreatens?: DangerAnswer;
}

export class ImmediateDangerScreen {
  @Nested(() => CriticalDangerQuestions) critical: CriticalDangerQuestions;
  @Nested(() => FurtherDangerQuestions) further: FurtherDangerQuestions;
  @IsBoolean() officerBelievesHighDanger: boolean;
}

/** An officer's raised priority. Its written reason stays with the order in the gateway, like every free text. */
export class PriorityOverride {
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
}

/** When both an item and its indicators are given and the indicators settle the item, they must agree. */
@ValidatorConstraint({ name: 'compositeItems' })
class CompositeItemsAgree implements ValidatorConstraintInterface {
  private problem(items: OdaraItems | undefined, screening: OdaraScreeningContract): string | null {
    if (!items || typeof items !== 'object') return null;
    for (const item of Object.keys(COMPOSITE_ITEMS) as CompositeItemKey[]) {
      const { indicators } = COMPOSITE_ITEMS[item];
      const given = items[item];
      const detail = screening[indicators] as Record<string, Answer | undefined> | undefined;
      if (given === undefined && !detail) return `items.${item} is required unless ${indicators} are given`;
      if (given === undefined || !detail) continue;
      const derived = deriveComposite(item, detail);
      if (derived !== 'unknown' && derived !== given) {
        return `items.${item} is ${given} but ${indicators} make it ${derived}`;
      }
    }
    return null;
  }
  validate(items: OdaraItems | undefined, args: ValidationArguments): boolean {
    return this.problem(items, args.object as OdaraScreeningContract) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value, args.object as OdaraScreeningContract) ?? 'items are inconsistent';
  }
}

export class OdaraScreeningContract {
  @Validate(CompositeItemsAgree) @Nested(() => OdaraItems) items: OdaraItems;
  @Nested(() => SubstanceIndicators, { optional: true }) substanceIndicators?: SubstanceIndicators;
  @Nested(() => SupportBarriers, { optional: true }) supportBarriers?: SupportBarriers;
  @Nested(() => ScreeningContext) context: ScreeningContext;
  @Nested(() => ImmediateDangerScreen) immediateDanger: ImmediateDangerScreen;
  @Nested(() => PriorityOverride, { optional: true }) override?: PriorityOverride;
}
