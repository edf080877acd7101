import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CENTRE_ID, FACILITATOR_ID } from '../directory';
import { PROGRAMME_LANGUAGES, ROUTING_PRIORITIES, type ProgrammeLanguage, type RoutingPriority } from '../vocabulary';

export const REFERRAL_NUMBER = /^R-\d{4}-\d{6}$/;

/** referral.routed.v1: a centre was chosen and its capacity is held until `acknowledgeBy`. */
export class ReferralRoutedV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsISO8601() acknowledgeBy: string;
  @IsISO8601() firstSessionAt: string;
  @IsIn(PROGRAMME_LANGUAGES) language: ProgrammeLanguage;
  @IsInt() @Min(0) travelMinutes: number;
  @IsIn(['osrm', 'road-graph', 'straight-line']) travelSource: string;
  /**
   * The gazetteer settlement of the centre's outreach point where the sessions are held (travel is to it);
   * absent when they are held at the centre, and from events published before outreach points.
   */
  @IsOptional() @Matches(/^[a-z][a-z-]{1,40}$/) outreachSettlementCode?: string;
}

/**
 * Why routing placed an order nowhere, as codes to count: the whole place out of reach, or what stopped each
 * centre (no certified male-female pair, none speaking the language, no free slot before expiry, a road closed
 * on a session's date, ...). An unroutable referral carries each code that applied to some centre once.
 */
export const UNROUTABLE_REASONS = [
  'no_centre_open',
  'no_programme_within_reach',
  'beyond_reach',
  'road_closed',
  'centre_paused',
  'no_facilitator_pair',
  'language',
  'no_slot_before_expiry',
  'group_full',
  'declined_before',
  'not_acknowledged_before',
  'taken_meanwhile',
] as const;
export type UnroutableReason = (typeof UNROUTABLE_REASONS)[number];

/** referral.unroutable.v1: no centre can deliver the programme in time; coordinators must decide. */
export class ReferralUnroutableV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  /** Composed by routing from codes and centre ids, never from anything a person typed: for the coordinators. */
  @IsString({ each: true }) reasons: string[];
  /** The same reasons as codes, for counting; absent from events published before routing sent them. */
  @IsOptional() @IsArray() @IsIn(UNROUTABLE_REASONS, { each: true }) reasonCodes?: UnroutableReason[];
  @IsOptional() @IsISO8601() expiresAt?: string;
}

export const DECLINE_REASONS = [
  'at_capacity',
  'out_of_area',
  'language',
  'no_facilitator_pair',
  'conflict_of_interest',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** A group session an acceptance booked a place in, and how many places it then held: group fill. */
export class GroupPlaceV1 {
  @IsUUID() sessionId: string;
  @IsInt() @Min(1) participants: number;
}

/** referral.accepted.v1: the centre confirmed; the held sessions are booked for good. */
export class ReferralAcceptedV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsISO8601() firstSessionAt: string;
  /** Absent from events published before matching sent it, and for an assignment that booked nothing. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => GroupPlaceV1) groupSessions?: GroupPlaceV1[];
}

/** referral.declined.v1: the centre said no, with a reason code; capacity is released. */
export class ReferralDeclinedV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsIn(DECLINE_REASONS) reason: DeclineReason;
}

/** referral.expired.v1: the centre did not acknowledge before the deadline; capacity is released. */
export class ReferralExpiredV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsISO8601() acknowledgeBy: string;
}

/** Why matching itself took a referral back from the centre it was proposed to, before the centre answered. */
export const CENTRE_WITHDRAWAL_REASONS = ['facilitator_away'] as const;
export type CentreWithdrawalReason = (typeof CENTRE_WITHDRAWAL_REASONS)[number];

/**
 * referral.withdrawn_from_centre.v1: the centre the referral was proposed to can no longer run its sessions (a
 * facilitator is away over one, no colleague is free and nothing fits before expiry); its held sessions are
 * released, and it moves on as after a decline: to the next centre, or to the coordinators.
 */
export class ReferralWithdrawnFromCentreV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsIn(CENTRE_WITHDRAWAL_REASONS) reason: CentreWithdrawalReason;
}

/**
 * referral.rerouted.v1: after a decline, a missed deadline or a withdrawal from the centre, the referral was
 * proposed to the next centre.
 */
export class ReferralReroutedV1 extends ReferralRoutedV1 {
  @Matches(CENTRE_ID) previousCentreId: string;
  @IsInt() @Min(1) handOff: number;
}

/** referral.escalated.v1: rules could not place it (or hand-offs ran out); a coordinator must decide. */
export class ReferralEscalatedV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  /** Composed by routing from codes and centre ids, never from anything a person typed. */
  @IsString({ each: true }) reasons: string[];
}

/**
 * referral.decision_reminder_due.v1: an escalated or unroutable referral still waits for a coordinator's
 * decision; one per reminder period, numbered from 1. Ids and codes only.
 */
export class ReferralDecisionReminderDueV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsIn(ROUTING_PRIORITIES) priority: RoutingPriority;
  @IsIn(['escalated', 'unroutable']) status: 'escalated' | 'unroutable';
  @IsInt() @Min(1) reminder: number;
  /** When the referral began waiting for the coordinators. */
  @IsISO8601() waitingSince: string;
}

/** referral.cancelled.v1: the order was withdrawn; held capacity is released. */
export class ReferralCancelledV1 {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @IsOptional() @Matches(CENTRE_ID) centreId?: string;
}

/** One member's group session as a decision about a small group meeting names it: ids, an index and times. */
class GroupSessionFacts {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsInt() @Min(3) @Max(4) sessionIndex: number;
  /** How many the meeting had and needs when it was decided, a set time before it. */
  @IsInt() @Min(1) participants: number;
  @IsInt() @Min(1) minParticipants: number;
  @IsISO8601() decidedAt: string;
}

/**
 * referral.group_session_moved.v1: the member's group meeting was below its minimum, so its members moved
 * to another meeting of the same centre, sex and language that fits each member's spacing and expiry.
 */
export class ReferralGroupSessionMovedV1 extends GroupSessionFacts {
  @IsUUID() fromBookedSessionId: string;
  @IsISO8601() previousStartsAt: string;
  @IsUUID() bookedSessionId: string;
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(2) @Matches(FACILITATOR_ID, { each: true }) facilitatorIds: string[];
}

/** referral.group_session_runs_small.v1: the member's group meeting stays below its minimum and runs anyway. */
export class ReferralGroupSessionRunsSmallV1 extends GroupSessionFacts {
  @IsUUID() bookedSessionId: string;
  @IsISO8601() startsAt: string;
}

/** One member's booked session as a facilitator's absence touches it: ids, an index and its start. */
class AwayFacilitatorFacts {
  @IsUUID() referralId: string;
  @IsUUID() orderId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
  @IsInt() @Min(1) @Max(4) sessionIndex: number;
  @IsUUID() bookedSessionId: string;
  @IsISO8601() startsAt: string;
}

/**
 * referral.session_facilitator_changed.v1: a facilitator of the member's booked session is away (absent,
 * inactive or no longer working then), and a colleague of the same sex and centre takes their place; the
 * session keeps its time. `facilitatorIds` is the new pair, lead first.
 */
export class ReferralSessionFacilitatorChangedV1 extends AwayFacilitatorFacts {
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(2) @Matches(FACILITATOR_ID, { each: true }) facilitatorIds: string[];
}

/**
 * referral.session_displaced.v1: a facilitator of the member's booked session is away and no colleague is
 * free to take it, so that session and the later ones are to be re-planned as for an excused absence, without
 * counting one against the participant. `startsAt` is the displaced start, so a redelivery moves nothing twice.
 */
export class ReferralSessionDisplacedV1 extends AwayFacilitatorFacts {}
