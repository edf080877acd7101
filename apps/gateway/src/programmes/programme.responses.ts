import { ApiProperty } from '@nestjs/swagger';
import {
  ATTENDANCE_MARKS,
  AttendanceMark,
  CLOSURE_REASONS,
  ClosureReason,
  EXCUSE_REASONS,
  ExcuseReason,
  FOLLOW_UP_OUTCOMES,
  FollowUpOutcome,
  PROGRAMME_STATES,
  PROGRAMME_TRACKS,
  ProgrammeState,
  ProgrammeTrack,
  REFUSAL_GROUNDS,
  RefusalGround,
  SESSION_KINDS,
  SessionKind,
  VOLUNTARY_STATES,
  VoluntaryState,
} from '@korgoo/contracts';
import { LocalizedText } from '../referrals/referral.responses';

// The classes below only describe the programme service's replies for the OpenAPI document.

/** One of the four sessions; police get index, kind, time and mark only, so the rest is optional. */
export class ProgrammeSessionResponse {
  @ApiProperty({ minimum: 1, maximum: 4 }) index: number;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: ATTENDANCE_MARKS, nullable: true }) mark: AttendanceMark | null;
  @ApiProperty({ required: false, format: 'date-time' }) endsAt?: string;
  @ApiProperty({ required: false }) centreId?: string;
  @ApiProperty({ required: false, type: [String] }) facilitatorIds?: string[];
  @ApiProperty({ required: false }) language?: string;
  @ApiProperty({ required: false, enum: EXCUSE_REASONS, nullable: true }) excuseReason?: ExcuseReason | null;
  @ApiProperty({ required: false, type: String, nullable: true }) excuseNote?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true }) facilitatorNote?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true }) signedBy?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true, format: 'date-time' }) recordedAt?: string | null;
}

export class MissedSessionResponse {
  @ApiProperty() index: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: ATTENDANCE_MARKS }) mark: AttendanceMark;
}

/** The Article 72 notice sent to the issuing police unit. */
export class RefusalNoticeResponse {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty({ enum: REFUSAL_GROUNDS }) ground: RefusalGround;
  @ApiProperty() refusalPolicy: string;
  @ApiProperty() sessionsOffered: number;
  @ApiProperty({ type: [MissedSessionResponse] }) missed: MissedSessionResponse[];
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}

export class ClosureResponse {
  @ApiProperty({ enum: CLOSURE_REASONS }) reason: ClosureReason;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The re-check day of a treatment_first closure' })
  recheckOn: string | null;
}

export class CompletionResponse {
  @ApiProperty() referralNumber: string;
  @ApiProperty() centreId: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
  @ApiProperty({ type: LocalizedText }) text: LocalizedText;
}

/** A voluntary session as the centre recorded it; police get number, kind, date and mark only. */
export class VoluntarySessionResponse {
  @ApiProperty({ minimum: 1 }) number: number;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty({ enum: ATTENDANCE_MARKS }) mark: AttendanceMark;
  @ApiProperty({ required: false, enum: EXCUSE_REASONS, nullable: true }) excuseReason?: ExcuseReason | null;
  @ApiProperty({ required: false, type: String, nullable: true }) excuseNote?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true }) facilitatorNote?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true }) signedBy?: string | null;
  @ApiProperty({ required: false, format: 'date-time' }) recordedAt?: string;
}

export class VoluntaryPlanResponse {
  @ApiProperty({ example: 2 }) individual: number;
  @ApiProperty({ example: 24 }) group: number;
  @ApiProperty({ example: 6 }) months: number;
}

/** The voluntary component after completion: its plan, the sessions recorded and its outcome. */
export class VoluntaryResponse {
  @ApiProperty({ enum: VOLUNTARY_STATES }) state: VoluntaryState;
  @ApiProperty({ format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ format: 'date-time' }) plannedEnd: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) outcomeAt: string | null;
  @ApiProperty({ type: VoluntaryPlanResponse }) plan: VoluntaryPlanResponse;
  @ApiProperty({ type: [VoluntarySessionResponse] }) sessions: VoluntarySessionResponse[];
}

/** A monitoring meeting after completion. */
export class FollowUpMeetingResponse {
  @ApiProperty({ minimum: 1 }) number: number;
  @ApiProperty({ minimum: 1, maximum: 18 }) monthsAfterCompletion: number;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, nullable: true }) outcome: FollowUpOutcome | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) recordedAt: string | null;
}

/** What police add to their view: the order as they registered it. */
export class ProgrammeOrderResponse {
  @ApiProperty() orderNumber: string;
  @ApiProperty() issuingUnit: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once erased at the end of the retention term' }) personName: string | null;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty() referralNumber: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty() centreId: string;
  @ApiProperty({ enum: PROGRAMME_TRACKS }) track: ProgrammeTrack;
  @ApiProperty() language: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: PROGRAMME_STATES }) state: ProgrammeState;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) outcomeAt: string | null;
  @ApiProperty({ type: ClosureResponse, nullable: true }) closure: ClosureResponse | null;
  @ApiProperty({ type: CompletionResponse, nullable: true }) completion: CompletionResponse | null;
  @ApiProperty({ type: [RefusalNoticeResponse] }) notices: RefusalNoticeResponse[];
  @ApiProperty({ type: VoluntaryResponse, nullable: true, description: 'Once enrolled in the voluntary component after completion' })
  voluntary: VoluntaryResponse | null;
  @ApiProperty({ type: [FollowUpMeetingResponse], description: 'The monitoring meetings scheduled at completion' })
  monitoring: FollowUpMeetingResponse[];
  @ApiProperty({ type: [ProgrammeSessionResponse] }) sessions: ProgrammeSessionResponse[];
  @ApiProperty({ required: false, type: ProgrammeOrderResponse, description: 'Present in the police view only' })
  order?: ProgrammeOrderResponse;
}

export class ProgrammeReply {
  @ApiProperty({ type: ProgrammeResponse }) programme: ProgrammeResponse;
}
