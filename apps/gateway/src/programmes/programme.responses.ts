import { ApiProperty } from '@nestjs/swagger';
import {
  ATTENDANCE_MARKS,
  AttendanceMark,
  CLOSURE_REASONS,
  ClosureReason,
  EXCUSE_REASONS,
  ExcuseReason,
  PROGRAMME_STATES,
  PROGRAMME_TRACKS,
  ProgrammeState,
  ProgrammeTrack,
  REFUSAL_GROUNDS,
  RefusalGround,
  SESSION_KINDS,
  SessionKind,
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
}

export class CompletionResponse {
  @ApiProperty() referralNumber: string;
  @ApiProperty() centreId: string;
  @ApiProperty({ format: 'date-time' }) completedAt: string;
  @ApiProperty({ type: LocalizedText }) text: LocalizedText;
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
  @ApiProperty({ type: [ProgrammeSessionResponse] }) sessions: ProgrammeSessionResponse[];
  @ApiProperty({ required: false, type: ProgrammeOrderResponse, description: 'Present in the police view only' })
  order?: ProgrammeOrderResponse;
}

export class ProgrammeReply {
  @ApiProperty({ type: ProgrammeResponse }) programme: ProgrammeResponse;
}
