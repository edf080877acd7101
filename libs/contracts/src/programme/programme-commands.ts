import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CALENDAR_DATE, CENTRE_ID } from '../directory';
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
  ProgrammeState,
  ProgrammeTrack,
  RefusalGround,
  SessionKind,
  VoluntaryState,
} from './programme-vocabulary';

/** What the gateway asks the programme service, and what the programme service asks matching's calendar. */
export const ProgrammeSubjects = {
  ProgrammeByReferral: 'query.programme.by-referral.v1',
  /** The programmes of a page of referrals at once, so a list of orders costs one request. */
  ProgrammesByReferrals: 'query.programme.by-referrals.v1',
  RecordAttendance: 'command.programme.record-attendance.v1',
  CloseByDecision: 'command.programme.close-by-decision.v1',
  EnrolVoluntary: 'command.programme.enrol-voluntary.v1',
  RecordVoluntarySession: 'command.programme.record-voluntary-session.v1',
  RecordFollowUp: 'command.programme.record-follow-up.v1',
} as const;
export type ProgrammeSubject = (typeof ProgrammeSubjects)[keyof typeof ProgrammeSubjects];

export const ProgrammeSessionSubjects = {
  Book: 'command.matching.programme-sessions-book.v1',
  Release: 'command.matching.programme-sessions-release.v1',
  Move: 'command.matching.programme-sessions-move.v1',
} as const;
export type ProgrammeSessionSubject = (typeof ProgrammeSessionSubjects)[keyof typeof ProgrammeSessionSubjects];

/** Who reads: centre staff (their own centre only), coordinators, or police (outcome and notice only). */
export const PROGRAMME_READERS = ['centre', 'coordinator', 'police'] as const;
export type ProgrammeReader = (typeof PROGRAMME_READERS)[number];

export class ProgrammeLookup {
  @IsUUID() referralId: string;
  @IsIn(PROGRAMME_READERS) reader: ProgrammeReader;
  @ValidateIf((lookup: ProgrammeLookup) => lookup.reader === 'centre') @Matches(CENTRE_ID) centreId?: string;
}

/** The referrals of one page of a list (at most 200), each read as `ProgrammeLookup` would read it. */
export class ProgrammesLookup {
  @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) referralIds: string[];
  @IsIn(PROGRAMME_READERS) reader: ProgrammeReader;
  @ValidateIf((lookup: ProgrammesLookup) => lookup.reader === 'centre') @Matches(CENTRE_ID) centreId?: string;
}

/** How a session went, as centre staff record it, mandatory or voluntary alike. */
class AttendanceFields {
  @Matches(CENTRE_ID) centreId: string;
  @IsUUID() actorId: string;
  @IsIn(ATTENDANCE_MARKS) mark: AttendanceMark;
  @ValidateIf((c: AttendanceFields) => c.mark === 'excused_absence') @IsIn(EXCUSE_REASONS) excuseReason?: ExcuseReason;
  @ValidateIf((c: AttendanceFields) => c.excuseReason === 'other') @IsString() @IsNotEmpty() @MaxLength(1000)
  excuseNote?: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) facilitatorNote: string;
  @IsString() @IsNotEmpty() @MaxLength(200) signedBy: string;
}

export class RecordAttendanceCommand extends AttendanceFields {
  @IsUUID() referralId: string;
  @IsInt() @Min(1) @Max(4) sessionIndex: number;
}

export class CloseProgrammeCommand {
  @IsUUID() referralId: string;
  @IsUUID() actorId: string;
  @IsIn(CLOSURE_REASONS) reason: ClosureReason;
  @ValidateIf((c: CloseProgrammeCommand) => c.reason === 'other') @IsString() @IsNotEmpty() @MaxLength(1000) note?: string;
  /** With `treatment_first` only: the day the person comes back to the coordinators. */
  @ValidateIf((c: CloseProgrammeCommand) => c.reason === 'treatment_first') @Matches(CALENDAR_DATE) recheckOn?: string;
}

/** After a completed programme, the centre that ran it or a coordinator enrols the person in the voluntary part. */
export class EnrolVoluntaryCommand {
  @IsUUID() referralId: string;
  @IsUUID() actorId: string;
  /** Set when centre staff ask: only the centre that ran the programme enrols. */
  @IsOptional() @Matches(CENTRE_ID) centreId?: string;
}

/** A voluntary session the centre held, numbered in order and dated: no booking through matching. */
export class RecordVoluntarySessionCommand extends AttendanceFields {
  @IsUUID() referralId: string;
  @IsInt() @Min(1) @Max(MAX_VOLUNTARY_SESSIONS) sessionNumber: number;
  @IsISO8601({ strict: true }) heldAt: string;
}

export class RecordFollowUpCommand {
  @IsUUID() referralId: string;
  @IsInt() @Min(1) @Max(18) meetingNumber: number;
  @Matches(CENTRE_ID) centreId: string;
  @IsUUID() actorId: string;
  @IsIn(FOLLOW_UP_OUTCOMES) outcome: FollowUpOutcome;
}

export class ProgrammeSessionsRequest {
  @IsUUID() referralId: string;
}

export class ReleaseProgrammeSessionsRequest {
  @IsUUID() referralId: string;
  /** Sessions from this index on are given back; earlier ones already happened. */
  @IsInt() @Min(1) @Max(4) fromIndex: number;
}

/**
 * Move an excused session and the ones after it to the earliest slots that keep the order, a week apart,
 * before `mustFinishBy`. `excusedStartsAt` names the session as the programme last saw it, so a repeated
 * request finds the move already made and answers it again instead of moving twice.
 */
export class MoveProgrammeSessionsRequest {
  @IsUUID() referralId: string;
  @IsInt() @Min(1) @Max(4) fromIndex: number;
  @IsISO8601({ strict: true }) excusedStartsAt: string;
  @IsISO8601({ strict: true }) notBefore: string;
  /** Start of the last session held before the moved ones: the next must come a week after it. */
  @IsOptional() @IsISO8601({ strict: true }) previousStartsAt?: string;
  @IsISO8601({ strict: true }) mustFinishBy: string;
}

/** The sessions from `fromIndex` on at their new times, or why no slot fits before the deadline. */
export type MovedProgrammeSessions = { moved: true; sessions: BookedProgrammeSession[] } | { moved: false; reason: string };

export interface BookedProgrammeSession {
  index: number;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  facilitatorIds: string[];
  /** Matching's booked session: one pair-session, shared by everyone in a group. */
  bookedSessionId?: string;
}

/** The accepted booking as matching's calendar holds it. */
export interface ProgrammeBooking {
  referralId: string;
  orderId: string;
  referralNumber: string;
  centreId: string;
  participantSex: 'male' | 'female';
  language: 'ky' | 'ru';
  expiresAt: string;
  sessions: BookedProgrammeSession[];
}

export interface SessionView {
  index: number;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  centreId: string;
  facilitatorIds: string[];
  language: string;
  mark: AttendanceMark | null;
  excuseReason: ExcuseReason | null;
  excuseNote: string | null;
  facilitatorNote: string | null;
  signedBy: string | null;
  recordedAt: string | null;
}

export interface RefusalNoticeView {
  noticeId: string;
  ground: RefusalGround;
  refusalPolicy: string;
  sessionsOffered: number;
  missed: Array<{ index: number; startsAt: string; mark: AttendanceMark }>;
  reportedAt: string;
}

/** A completion record the centre and the police unit can read and print, in Kyrgyz, Russian and English. */
export interface CompletionRecord {
  referralNumber: string;
  centreId: string;
  completedAt: string;
  text: { ky: string; ru: string; en: string };
}

export interface VoluntarySessionView {
  number: number;
  kind: SessionKind;
  heldAt: string;
  mark: AttendanceMark;
  excuseReason: ExcuseReason | null;
  excuseNote: string | null;
  facilitatorNote: string | null;
  signedBy: string | null;
  recordedAt: string;
}

export interface VoluntaryView {
  state: VoluntaryState;
  enrolledAt: string;
  plannedEnd: string;
  outcomeAt: string | null;
  plan: { individual: number; group: number; months: number };
  /** Police see the number, kind, date and mark only. */
  sessions: Array<VoluntarySessionView | Pick<VoluntarySessionView, 'number' | 'kind' | 'heldAt' | 'mark'>>;
}

export interface FollowUpMeetingView {
  number: number;
  monthsAfterCompletion: number;
  dueAt: string;
  outcome: FollowUpOutcome | null;
  recordedAt: string | null;
}

export interface ProgrammeView {
  programmeId: string;
  referralId: string;
  referralNumber: string;
  orderId: string;
  centreId: string;
  track: ProgrammeTrack;
  language: string;
  expiresAt: string;
  state: ProgrammeState;
  outcomeAt: string | null;
  closure: { reason: ClosureReason; note: string | null; decidedBy: string; decidedAt: string; recheckOn: string | null } | null;
  completion: CompletionRecord | null;
  /** The voluntary component, once the person was enrolled after completing. */
  voluntary: VoluntaryView | null;
  /** The monitoring meetings scheduled at completion (none before). */
  monitoring: FollowUpMeetingView[];
  notices: RefusalNoticeView[];
  /** Police see whether each session was attended, without the notes. */
  sessions: Array<SessionView | Pick<SessionView, 'index' | 'kind' | 'startsAt' | 'mark'>>;
}

export interface ProgrammeContracts {
  [ProgrammeSubjects.ProgrammeByReferral]: { request: ProgrammeLookup; reply: { programme: ProgrammeView | null } };
  /** Keyed by referral id; a referral without a programme has no key. */
  [ProgrammeSubjects.ProgrammesByReferrals]: { request: ProgrammesLookup; reply: { programmes: Record<string, ProgrammeView> } };
  [ProgrammeSubjects.RecordAttendance]: { request: RecordAttendanceCommand; reply: { programme: ProgrammeView } };
  [ProgrammeSubjects.CloseByDecision]: { request: CloseProgrammeCommand; reply: { programme: ProgrammeView } };
  [ProgrammeSubjects.EnrolVoluntary]: { request: EnrolVoluntaryCommand; reply: { programme: ProgrammeView } };
  [ProgrammeSubjects.RecordVoluntarySession]: { request: RecordVoluntarySessionCommand; reply: { programme: ProgrammeView } };
  [ProgrammeSubjects.RecordFollowUp]: { request: RecordFollowUpCommand; reply: { programme: ProgrammeView } };
}

export const ProgrammeRequestClasses: { [S in ProgrammeSubject]: new () => ProgrammeContracts[S]['request'] } = {
  [ProgrammeSubjects.ProgrammeByReferral]: ProgrammeLookup,
  [ProgrammeSubjects.ProgrammesByReferrals]: ProgrammesLookup,
  [ProgrammeSubjects.RecordAttendance]: RecordAttendanceCommand,
  [ProgrammeSubjects.CloseByDecision]: CloseProgrammeCommand,
  [ProgrammeSubjects.EnrolVoluntary]: EnrolVoluntaryCommand,
  [ProgrammeSubjects.RecordVoluntarySession]: RecordVoluntarySessionCommand,
  [ProgrammeSubjects.RecordFollowUp]: RecordFollowUpCommand,
};

export interface ProgrammeSessionContracts {
  [ProgrammeSessionSubjects.Book]: { request: ProgrammeSessionsRequest; reply: { booking: ProgrammeBooking } };
  [ProgrammeSessionSubjects.Release]: { request: ReleaseProgrammeSessionsRequest; reply: { released: number } };
  [ProgrammeSessionSubjects.Move]: { request: MoveProgrammeSessionsRequest; reply: MovedProgrammeSessions };
}

export const ProgrammeSessionRequestClasses: {
  [S in ProgrammeSessionSubject]: new () => ProgrammeSessionContracts[S]['request'];
} = {
  [ProgrammeSessionSubjects.Book]: ProgrammeSessionsRequest,
  [ProgrammeSessionSubjects.Release]: ReleaseProgrammeSessionsRequest,
  [ProgrammeSessionSubjects.Move]: MoveProgrammeSessionsRequest,
};
