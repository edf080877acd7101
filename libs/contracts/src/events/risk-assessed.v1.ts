import {
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { RISK_FLAG_CODES, ROUTING_PRIORITIES, RoutingPriority, type RiskFlagCode } from '../vocabulary';
import { Nested } from '../nested';

/**
 * risk.assessed.v1: the order is scored and ready to route. It carries the routing facts of the order
 * forward so matching needs no second event to join.
 */
export class RiskAssessedV1 {
  @IsUUID() orderId: string;
  @IsUUID() assessmentId: string;
  @IsInt() @Min(1) assessmentVersion: number;
  @IsIn(['scored', 'incomplete']) status: 'scored' | 'incomplete';
  @IsInt() @Min(0) @Max(13) rawScore: number;
  @IsInt() @Min(0) @Max(13) unknownCount: number;
  @ValidateIf((o: RiskAssessedV1) => o.finalScore !== null) @IsInt() @Min(0) @Max(13) finalScore: number | null;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsInt() @Min(1) acknowledgeWithinHours: number;
  @IsBoolean() immediateDanger: boolean;
  @IsIn(RISK_FLAG_CODES, { each: true }) flags: RiskFlagCode[];
  @Nested(() => OrderPeriod) period: OrderPeriod;
  @Nested(() => ProgrammeParticipant) participant: ProgrammeParticipant;
}

/** risk.reassessed.v1: a corrected screening produced a new assessment version; routing follows its priority. */
export class RiskReassessedV1 extends RiskAssessedV1 {
  @IsIn(ROUTING_PRIORITIES) previousPriority: RoutingPriority;
}
