import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The ODARA screening as police complete it; the same shape travels in order.registered.v1. */
export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const DANGER_ANSWERS = ['yes', 'no', 'not_answered'] as const;
export type DangerAnswer = (typeof DANGER_ANSWERS)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const RELATIONSHIPS = [
  'married',
  'cohabiting',
  'formerly_cohabiting',
  'dating_never_cohabited',
  'other_family_member',
] as const;
export const INDEX_INCIDENTS = ['physical_contact', 'weapon_death_threat', 'other'] as const;
export const ROUTING_PRIORITIES = ['urgent', 'high', 'standard'] as const;
export type RoutingPriority = (typeof ROUTING_PRIORITIES)[number];

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
  @IsIn(RELATIONSHIPS) relationship: (typeof RELATIONSHIPS)[number];
  @IsIn(INDEX_INCIDENTS) indexIncident: (typeof INDEX_INCIDENTS)[number];
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
  @ValidateNested() @Type(() => CriticalDangerQuestions) critical: CriticalDangerQuestions;
  @ValidateNested() @Type(() => FurtherDangerQuestions) further: FurtherDangerQuestions;
  @IsBoolean() officerBelievesHighDanger: boolean;
  /** Free text stays with risk: it never leaves in an event. */
  @IsOptional() @IsString() @MaxLength(2000) officerConcern?: string;
}

export class PriorityOverride {
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class OdaraScreeningContract {
  @ValidateNested() @Type(() => OdaraItems) items: OdaraItems;
  @IsOptional() @ValidateNested() @Type(() => SubstanceIndicators) substanceIndicators?: SubstanceIndicators;
  @IsOptional() @ValidateNested() @Type(() => SupportBarriers) supportBarriers?: SupportBarriers;
  @ValidateNested() @Type(() => ScreeningContext) context: ScreeningContext;
  @ValidateNested() @Type(() => ImmediateDangerScreen) immediateDanger: ImmediateDangerScreen;
  @IsOptional() @ValidateNested() @Type(() => PriorityOverride) override?: PriorityOverride;
}
