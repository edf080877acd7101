import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { ROUTING_PRIORITIES, RoutingPriority } from '../screening';
import { LANGUAGES, ProgrammeLanguage } from '../participant';

export const REFERRAL_NUMBER = /^R-\d{4}-\d{6}$/;

/** referral.routed.v1: a centre was chosen and its capacity is held until `acknowledgeBy`. */
export class ReferralRoutedV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsString() centreId: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsISO8601() acknowledgeBy: string;
  @IsISO8601() firstSessionAt: string;
  @IsIn(LANGUAGES) language: ProgrammeLanguage;
  @IsInt() @Min(0) travelMinutes: number;
  @IsIn(['osrm', 'road-graph', 'straight-line']) travelSource: string;
}

/** referral.unroutable.v1: no centre can deliver the programme in time; coordinators must decide. */
export class ReferralUnroutableV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsString({ each: true }) reasons: string[];
  @IsOptional() @IsISO8601() expiresAt?: string;
}
