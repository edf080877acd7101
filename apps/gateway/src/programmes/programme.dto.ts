import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  ATTENDANCE_MARKS,
  AttendanceMark,
  CALENDAR_DATE,
  CLOSURE_REASONS,
  ClosureReason,
  EXCUSE_REASONS,
  ExcuseReason,
  FOLLOW_UP_OUTCOMES,
  FollowUpOutcome,
} from '@korgoo/contracts';

export class RecordAttendanceRequest {
  @ApiProperty({ enum: ATTENDANCE_MARKS })
  @IsIn(ATTENDANCE_MARKS, { message: `mark must be one of ${ATTENDANCE_MARKS.join(', ')}` })
  mark: AttendanceMark;

  @ApiPropertyOptional({ enum: EXCUSE_REASONS, description: 'Required for an excused absence' })
  @ValidateIf((o: RecordAttendanceRequest) => o.mark === 'excused_absence' || o.excuseReason !== undefined)
  @IsIn(EXCUSE_REASONS, { message: `excuseReason must be one of ${EXCUSE_REASONS.join(', ')} for an excused absence` })
  excuseReason?: ExcuseReason;

  @ApiPropertyOptional({ description: 'Required when the excuse is other; stays with the programme, never sent on' })
  @ValidateIf((o: RecordAttendanceRequest) => o.excuseReason === 'other' || o.excuseNote !== undefined)
  @IsString({ message: 'excuseNote must be text' })
  @IsNotEmpty({ message: 'excuseNote is required when the excuse is other' })
  @MaxLength(1000, { message: 'excuseNote must be at most 1000 characters' })
  excuseNote?: string;

  @ApiProperty({ description: "The facilitators' note on the session; read by the centre and coordinators, never by police" })
  @IsString({ message: 'facilitatorNote must be text' })
  @IsNotEmpty({ message: 'facilitatorNote must not be empty' })
  @MaxLength(4000, { message: 'facilitatorNote must be at most 4000 characters' })
  facilitatorNote: string;

  @ApiProperty({ description: 'The facilitator who signs the note' })
  @IsString({ message: 'signedBy must be text' })
  @IsNotEmpty({ message: 'signedBy must name the facilitator who signs' })
  @MaxLength(200, { message: 'signedBy must be at most 200 characters' })
  signedBy: string;
}

export class CloseProgrammeRequest {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS, { message: `reason must be one of ${CLOSURE_REASONS.join(', ')}` })
  reason: ClosureReason;

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @ValidateIf((o: CloseProgrammeRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required when the reason is other' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-09-01',
    description: 'Required with treatment_first, and only with it: the day (still to come) the coordinators are reminded to look again',
  })
  @ValidateIf((o: CloseProgrammeRequest) => o.reason === 'treatment_first' || o.recheckOn !== undefined)
  @Matches(CALENDAR_DATE, { message: 'recheckOn must be a date YYYY-MM-DD, required with treatment_first' })
  recheckOn?: string;
}

/** A voluntary session the centre held: the same record as a mandatory one, with the date it was held. */
export class RecordVoluntarySessionRequest extends RecordAttendanceRequest {
  @ApiProperty({ format: 'date-time', description: 'When the centre held the session: after the enrolment and the session before, not in the future' })
  @IsISO8601({ strict: true }, { message: 'heldAt must be an ISO 8601 date-time' })
  heldAt: string;
}

export class RecordFollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES })
  @IsIn(FOLLOW_UP_OUTCOMES, { message: `outcome must be one of ${FOLLOW_UP_OUTCOMES.join(', ')}` })
  outcome: FollowUpOutcome;
}
