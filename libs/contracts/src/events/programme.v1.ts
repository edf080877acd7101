import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PROGRAMME_LANGUAGES, ProgrammeLanguage } from '../vocabulary';
import {
  ATTENDANCE_MARKS,
  AttendanceMark,
  CLOSURE_REASONS,
  ClosureReason,
  EXCUSE_REASONS,
  ExcuseReason,
  FOLLOW_UP_OUTCOMES,
  FollowUpOutcome,
  MAX_VOLUNTARY_SESSIONS,
  PROGRAMME_TRACKS,
  ProgrammeTrack,
  REFUSAL_GROUNDS,
  RefusalGround,
  SESSION_KINDS,
  SessionKind,
} from '../programme/programme-vocabulary';
import { REFERRAL_NUMBER } from './referral.v1';
import { CALENDAR_DATE, CENTRE_ID } from '../directory';

/** A named policy, such as `second-unexcused-or-cannot-finish`: a code, never prose. */
export const POLICY_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every programme event names the programme, its referral and the centre that runs it: ids and codes only. */
class ProgrammeFacts {
  @IsUUID() programmeId: string;
  @IsUUID() orderId: string;
  @IsUUID() referralId: string;
  @Matches(REFERRAL_NUMBER) referralNumber: string;
  @Matches(CENTRE_ID) centreId: string;
}

export class ProgrammeSessionPlanV1 {
  @IsInt() @Min(1) @Max(4) index: number;
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  /** Matching's booked session, shared by everyone in a group; absent from events published before it was sent. */
  @IsOptional() @IsUUID() bookedSessionId?: string;
}

/** programme.started.v1: an accepted referral became a programme of four booked sessions. */
export class ProgrammeStartedV1 extends ProgrammeFacts {
  @IsIn(PROGRAMME_TRACKS) track: ProgrammeTrack;
  @IsIn(PROGRAMME_LANGUAGES) language: ProgrammeLanguage;
  @IsISO8601() expiresAt: string;
  @IsArray() @ArrayMinSize(4) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => ProgrammeSessionPlanV1)
  sessions: ProgrammeSessionPlanV1[];
}

/** programme.session_recorded.v1: centre staff recorded how one session went. */
export class ProgrammeSessionRecordedV1 extends ProgrammeFacts {
  @IsInt() @Min(1) @Max(4) sessionIndex: number;
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @IsIn(ATTENDANCE_MARKS) mark: AttendanceMark;
  @IsOptional() @IsIn(EXCUSE_REASONS) excuseReason?: ExcuseReason;
  @IsISO8601() sessionStartsAt: string;
}

/** programme.completed.v1: all four sessions attended before the order expired. */
export class ProgrammeCompletedV1 extends ProgrammeFacts {
  @IsISO8601() completedAt: string;
}

export class MissedSessionV1 {
  @IsInt() @Min(1) @Max(4) index: number;
  @IsISO8601() startsAt: string;
  @IsIn(ATTENDANCE_MARKS) mark: AttendanceMark;
}

/**
 * programme.refusal_reported.v1: the Article 72 notice to the issuing police unit. The sessions offered and
 * missed, their dates and the centre; the person's name stays in the gateway's authenticated police view.
 */
export class ProgrammeRefusalReportedV1 extends ProgrammeFacts {
  @IsUUID() noticeId: string;
  @IsIn(REFUSAL_GROUNDS) ground: RefusalGround;
  @Matches(POLICY_NAME, { message: 'refusalPolicy must be a policy name such as second-unexcused-or-cannot-finish' }) refusalPolicy: string;
  @IsInt() @Min(0) @Max(4) sessionsOffered: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MissedSessionV1) missed: MissedSessionV1[];
  @IsISO8601() expiresAt: string;
  @IsISO8601() reportedAt: string;
}

/** programme.closed_by_decision.v1: a coordinator closed the programme with a coded reason. */
export class ProgrammeClosedByDecisionV1 extends ProgrammeFacts {
  @IsIn(CLOSURE_REASONS) reason: ClosureReason;
  @IsUUID() decidedBy: string;
  @IsISO8601() decidedAt: string;
  /** With `treatment_first`: the day the coordinators look at the person again. */
  @IsOptional() @Matches(CALENDAR_DATE) recheckOn?: string;
}

/** programme.cancelled.v1: the order was withdrawn; the sessions left were released. */
export class ProgrammeCancelledV1 extends ProgrammeFacts {
  @IsISO8601() cancelledAt: string;
}

/**
 * Why sessions moved: an excused absence, matching merged a small group meeting into another, or a facilitator
 * is away over a booked session and no colleague could take it (no absence counts against the participant).
 */
export const RESCHEDULE_CAUSES = ['excused', 'group_merge', 'facilitator_away'] as const;
export type RescheduleCause = (typeof RESCHEDULE_CAUSES)[number];

/**
 * programme.sessions_rescheduled.v1: an excused session and those after it moved to new slots before expiry,
 * or a group session took the time of the meeting its small group was merged into.
 */
export class ProgrammeSessionsRescheduledV1 extends ProgrammeFacts {
  /** Absent from events published before group merges were followed: those were all excused. */
  @IsOptional() @IsIn(RESCHEDULE_CAUSES) cause?: RescheduleCause;
  /** The excused (or, for `facilitator_away`, displaced) session the move starts from; a group merge has none. */
  @ValidateIf((e: ProgrammeSessionsRescheduledV1) => e.cause !== 'group_merge') @IsInt() @Min(1) @Max(4) excusedIndex?: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => ProgrammeSessionPlanV1)
  sessions: ProgrammeSessionPlanV1[];
  @IsISO8601() expiresAt: string;
}

/** `reschedule_needed`: an excused session found no slot before expiry and the programme waits for a coordinator. */
export const PROGRAMME_ALERTS = ['attendance_missing', 'cannot_complete_before_expiry', 'reschedule_needed'] as const;
export type ProgrammeAlertKind = (typeof PROGRAMME_ALERTS)[number];

/** programme.alert.v1: a waiting state ran past its timer; the centre or the coordinators must act. */
export class ProgrammeAlertV1 extends ProgrammeFacts {
  @IsIn(PROGRAMME_ALERTS) kind: ProgrammeAlertKind;
  @IsIn(['centre', 'coordinators']) audience: 'centre' | 'coordinators';
  @IsOptional() @IsInt() @Min(1) @Max(4) sessionIndex?: number;
  @IsOptional() @IsInt() @Min(0) daysBeforeExpiry?: number;
  @IsISO8601() expiresAt: string;
}

/**
 * programme.expired_unplaced.v1: the order reached its expiry and no centre ever took it (never accepted,
 * unroutable, or escalated without a decision). Its one outcome, with routing's reasons; no personal data.
 */
export class ProgrammeExpiredUnplacedV1 {
  @IsUUID() orderId: string;
  @IsISO8601() expiresAt: string;
  @IsISO8601() expiredAt: string;
  /** Routing's own explanations, composed from codes and centre ids. */
  @IsArray() @IsString({ each: true }) reasons: string[];
}

/** programme.voluntary_enrolled.v1: after completing, the person joined the voluntary component of their track. */
export class ProgrammeVoluntaryEnrolledV1 extends ProgrammeFacts {
  @IsIn(PROGRAMME_TRACKS) track: ProgrammeTrack;
  @IsInt() @Min(0) individualSessions: number;
  @IsInt() @Min(0) groupSessions: number;
  @IsISO8601() enrolledAt: string;
  @IsISO8601() plannedEnd: string;
}

/** programme.voluntary_session_recorded.v1: the centre recorded a voluntary session it held, with its date. */
export class ProgrammeVoluntarySessionRecordedV1 extends ProgrammeFacts {
  @IsInt() @Min(1) @Max(MAX_VOLUNTARY_SESSIONS) sessionNumber: number;
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @IsIn(ATTENDANCE_MARKS) mark: AttendanceMark;
  @IsOptional() @IsIn(EXCUSE_REASONS) excuseReason?: ExcuseReason;
  @IsISO8601() heldAt: string;
}

/** programme.voluntary_completed.v1: every session of the voluntary plan was attended. */
export class ProgrammeVoluntaryCompletedV1 extends ProgrammeFacts {
  @IsISO8601() completedAt: string;
}

/** programme.voluntary_left.v1: the person left the voluntary component; being voluntary, nothing is reported. */
export class ProgrammeVoluntaryLeftV1 extends ProgrammeFacts {
  @IsInt() @Min(1) @Max(MAX_VOLUNTARY_SESSIONS) sessionNumber: number;
  @IsISO8601() leftAt: string;
}

/** programme.follow_up_due.v1: a monitoring meeting after completion is due and not yet recorded; the centre is reminded. */
export class ProgrammeFollowUpDueV1 extends ProgrammeFacts {
  @IsInt() @Min(1) @Max(18) meetingNumber: number;
  @IsInt() @Min(1) @Max(18) monthsAfterCompletion: number;
  @IsISO8601() dueAt: string;
}

/** programme.follow_up_recorded.v1: the centre recorded a monitoring meeting as held or missed. */
export class ProgrammeFollowUpRecordedV1 extends ProgrammeFacts {
  @IsInt() @Min(1) @Max(18) meetingNumber: number;
  @IsIn(FOLLOW_UP_OUTCOMES) outcome: FollowUpOutcome;
  @IsISO8601() recordedAt: string;
}

/** programme.treatment_recheck_due.v1: a programme closed for treatment first reached its re-check day. */
export class ProgrammeTreatmentRecheckDueV1 extends ProgrammeFacts {
  @Matches(CALENDAR_DATE) recheckOn: string;
  @IsISO8601() closedAt: string;
}
