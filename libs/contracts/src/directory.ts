import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsScope, type Scope } from './scope';
import { PROGRAMME_LANGUAGES, SEXES, Sex, type ProgrammeLanguage } from './vocabulary';

/**
 * The centre directory that matching owns (names after Open Referral HSDS: a centre is an organization at
 * a location offering the programme service). The gateway forwards admin and centre-staff edits here.
 */
export const DirectorySubjects = {
  CentreList: 'query.matching.directory-centres.v1',
  CentreDetail: 'query.matching.directory-centre.v1',
  CentreCreate: 'command.matching.directory-centre-create.v1',
  CentreUpdate: 'command.matching.directory-centre-update.v1',
  CentreDelete: 'command.matching.directory-centre-delete.v1',
  CentreStatus: 'command.matching.directory-centre-status.v1',
  FacilitatorCreate: 'command.matching.directory-facilitator-create.v1',
  FacilitatorUpdate: 'command.matching.directory-facilitator-update.v1',
  FacilitatorDelete: 'command.matching.directory-facilitator-delete.v1',
  AvailabilitySet: 'command.matching.directory-availability-set.v1',
  ExceptionAdd: 'command.matching.directory-exception-add.v1',
  ExceptionRemove: 'command.matching.directory-exception-remove.v1',
} as const;
export type DirectorySubject = (typeof DirectorySubjects)[keyof typeof DirectorySubjects];

export const CENTRE_STATUSES = ['open', 'paused'] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];
export const CONTACT_CHANNEL_KINDS = ['inbox', 'email', 'sms', 'telegram'] as const;
export const AVAILABILITY_EXCEPTION_REASONS = ['leave', 'holiday', 'other'] as const;
export type AvailabilityExceptionReason = (typeof AVAILABILITY_EXCEPTION_REASONS)[number];

/** A centre's directory id (`naryn-asylzat`): 2-60 lower-case letters and digits in dash-separated words. */
export const CENTRE_ID = /^(?=.{2,60}$)[a-z0-9]+(-[a-z0-9]+)*$/;
/** A police unit's directory code (`naryn-riib`): what events say instead of the unit's name. */
export const POLICE_UNIT_CODE = /^[a-z0-9-]{2,60}$/;
export const FACILITATOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** 'HH:MM' Asia/Bishkek wall clock; '24:00' closes a window at midnight. */
export const WALL_CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ContactChannelFields {
  @IsIn(CONTACT_CHANNEL_KINDS) kind: (typeof CONTACT_CHANNEL_KINDS)[number];
  @IsString() @MinLength(1) @MaxLength(200) address: string;
}

const centreId = Matches(CENTRE_ID, { message: '$property must be lower-case letters, digits and dashes, such as naryn-asylzat' });
const facilitatorId = Matches(FACILITATOR_ID, {
  message: '$property must be lower-case letters, digits and dashes, such as naryn-asylzat-4',
});
const settlementCode = Matches(/^[a-z][a-z-]{1,40}$/, { message: '$property must be a gazetteer code such as naryn' });

/** A new centre. Coordinates default to its settlement's; the oblast always follows the settlement. */
export class NewCentreFields {
  @centreId @MaxLength(60) id: string;
  @IsString() @MinLength(2) @MaxLength(200) name: string;
  @settlementCode settlementCode: string;
  @IsOptional() @IsLatitude() lat?: number;
  @IsOptional() @IsLongitude() lng?: number;
  @IsIn(CENTRE_STATUSES) status: CentreStatus;
  @IsInt() @Min(1) @Max(50) groupCapacity: number;
  @IsOptional() @IsBoolean() municipal?: boolean;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ContactChannelFields) @ArrayMaxSize(10)
  contactChannels?: ContactChannelFields[];
}

/**
 * A weekly group meeting the centre declares: one pair, one hour, men or women, one language. Routing puts
 * group sessions into these before it opens a group of its own. Matching checks the pair against the roster.
 */
export class GroupSlotFields {
  @IsOptional() @facilitatorId @MaxLength(90) id?: string;
  @IsInt() @Min(1) @Max(7) weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  @Matches(WALL_CLOCK, { message: '$property must be HH:MM Bishkek time' }) start: string;
  @IsInt() @Min(60) @Max(480) minutes: number;
  @IsIn(SEXES) sex: Sex;
  @IsIn(PROGRAMME_LANGUAGES) language: ProgrammeLanguage;
  @facilitatorId leadFacilitatorId: string;
  @facilitatorId coFacilitatorId: string;
  @IsInt() @Min(1) @Max(50) minParticipants: number;
  @IsInt() @Min(1) @Max(50) maxParticipants: number;
}

export interface GroupSlotView {
  id: string;
  weekday: number;
  start: string;
  minutes: number;
  sex: Sex;
  language: ProgrammeLanguage;
  leadFacilitatorId: string;
  coFacilitatorId: string;
  minParticipants: number;
  maxParticipants: number;
}

/**
 * A place far from the centre where one of its pairs holds sessions on weekly windows (Bishkek time, as held
 * there: the pair travels outside them), so a district town beyond every centre's reach can be served.
 * Matching checks the settlement against the gazetteer and the pair against the roster.
 */
export class OutreachPointFields {
  @IsOptional() @facilitatorId @MaxLength(90) id?: string;
  @settlementCode settlementCode: string;
  @Matches(FACILITATOR_ID, { each: true, message: '$property must be two facilitator ids such as naryn-asylzat-4' })
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  facilitatorIds: string[];
  @ValidateNested({ each: true }) @Type(() => WeeklyWindowFields) @ArrayMinSize(1) @ArrayMaxSize(14)
  windows: WeeklyWindowFields[];
}

export interface OutreachPointView {
  id: string;
  settlementCode: string;
  facilitatorIds: [string, string];
  windows: Array<{ weekday: number; start: string; end: string }>;
}

export class CentreChanges {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @IsOptional() @settlementCode settlementCode?: string;
  @IsOptional() @IsLatitude() lat?: number;
  @IsOptional() @IsLongitude() lng?: number;
  @IsOptional() @IsInt() @Min(1) @Max(50) groupCapacity?: number;
  @IsOptional() @IsBoolean() municipal?: boolean;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ContactChannelFields) @ArrayMaxSize(10)
  contactChannels?: ContactChannelFields[];
  /** Replaces every declared group slot; a slot keeps its id (and its booked meetings) when the id is given. */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => GroupSlotFields) @ArrayMaxSize(50)
  groupSlots?: GroupSlotFields[];
  /** Replaces every outreach point; a point keeps its id (and its booked sessions) when the id is given. */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => OutreachPointFields) @ArrayMaxSize(20)
  outreachPoints?: OutreachPointFields[];
}

export class WeeklyWindowFields {
  @IsInt() @Min(1) @Max(7) weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  @Matches(WALL_CLOCK, { message: '$property must be HH:MM Bishkek time' }) start: string;
  @Matches(WALL_CLOCK, { message: '$property must be HH:MM Bishkek time' }) end: string;
}

/** Leave, a holiday or another absence, as a half-open interval [from, to). */
export class AvailabilityExceptionFields {
  @IsISO8601({ strict: true }) from: string;
  @IsISO8601({ strict: true }) to: string;
  @IsIn(AVAILABILITY_EXCEPTION_REASONS) reason: AvailabilityExceptionReason;
}

export class NewFacilitatorFields {
  @IsOptional() @facilitatorId @MaxLength(80) id?: string;
  @IsString() @MinLength(1) @MaxLength(200) displayName: string;
  @IsIn(SEXES) sex: Sex;
  @IsIn(PROGRAMME_LANGUAGES, { each: true }) @ArrayMinSize(1) @ArrayUnique() languages: ProgrammeLanguage[];
  /** Programme certification date; null while still in training. */
  @ValidateIf((o: NewFacilitatorFields) => o.certifiedOn !== null)
  @Matches(CALENDAR_DATE, { message: 'certifiedOn must be a date YYYY-MM-DD or null' })
  certifiedOn: string | null;
  @IsBoolean() active: boolean;
  @ValidateNested({ each: true }) @Type(() => WeeklyWindowFields) @ArrayMaxSize(50) weekly: WeeklyWindowFields[];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => AvailabilityExceptionFields) @ArrayMaxSize(200)
  exceptions?: AvailabilityExceptionFields[];
}

export class FacilitatorChanges {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @IsOptional() @IsIn(SEXES) sex?: Sex;
  @IsOptional() @IsIn(PROGRAMME_LANGUAGES, { each: true }) @ArrayMinSize(1) @ArrayUnique() languages?: ProgrammeLanguage[];
  @IsOptional()
  @ValidateIf((o: FacilitatorChanges) => o.certifiedOn !== null)
  @Matches(CALENDAR_DATE, { message: 'certifiedOn must be a date YYYY-MM-DD or null' })
  certifiedOn?: string | null;
  @IsOptional() @IsBoolean() active?: boolean;
}

/** A centre scope makes the owner refuse anything outside that centre. */
abstract class Scoped {
  @IsScope() scope: Scope;
}

export class CentreListRequest extends Scoped {}

export class CentreRequest extends Scoped {
  @centreId centreId: string;
}

export class CreateCentreCommand {
  @ValidateNested() @Type(() => NewCentreFields) centre: NewCentreFields;
}

export class UpdateCentreCommand {
  @centreId centreId: string;
  @ValidateNested() @Type(() => CentreChanges) changes: CentreChanges;
}

export class SetCentreStatusCommand extends Scoped {
  @centreId centreId: string;
  @IsIn(CENTRE_STATUSES) status: CentreStatus;
}

export class CreateFacilitatorCommand {
  @centreId centreId: string;
  @ValidateNested() @Type(() => NewFacilitatorFields) facilitator: NewFacilitatorFields;
}

export class FacilitatorRequest extends Scoped {
  @facilitatorId facilitatorId: string;
}

export class UpdateFacilitatorCommand {
  @facilitatorId facilitatorId: string;
  @ValidateNested() @Type(() => FacilitatorChanges) changes: FacilitatorChanges;
}

export class SetWeeklyAvailabilityCommand extends Scoped {
  @facilitatorId facilitatorId: string;
  @ValidateNested({ each: true }) @Type(() => WeeklyWindowFields) @ArrayMaxSize(50) weekly: WeeklyWindowFields[];
}

export class AddAvailabilityExceptionCommand extends Scoped {
  @facilitatorId facilitatorId: string;
  @ValidateNested() @Type(() => AvailabilityExceptionFields) exception: AvailabilityExceptionFields;
}

export class RemoveAvailabilityExceptionCommand extends Scoped {
  @facilitatorId facilitatorId: string;
  @IsUUID() exceptionId: string;
}

export interface CentreSummaryView {
  id: string;
  name: string;
  settlementCode: string;
  oblast: string;
  lat: number;
  lng: number;
  status: CentreStatus;
  groupCapacity: number;
  municipal: boolean;
  demo: boolean;
  contactChannels: Array<{ kind: string; address: string }>;
  activeFacilitators: number;
  /** How many weekly group slots and outreach points it declares, so a list shows them without the details. */
  groupSlotCount: number;
  outreachPointCount: number;
  updatedAt: string;
}

export interface FacilitatorView {
  id: string;
  centreId: string;
  displayName: string;
  sex: Sex;
  languages: ProgrammeLanguage[];
  certifiedOn: string | null;
  active: boolean;
  weekly: Array<{ weekday: number; start: string; end: string }>;
  exceptions: Array<{ id: string; from: string; to: string; reason: AvailabilityExceptionReason }>;
  updatedAt: string;
  /** Answered to a change of the facilitator's time: what became of their booked sessions ahead. */
  sessionsCover?: FacilitatorSessionsCover;
}

/**
 * The booked sessions ahead a facilitator can no longer hold after a change to their time: how many went to a
 * colleague at the same time, and how many are being re-planned. Counts only.
 */
export interface FacilitatorSessionsCover {
  substituted: number;
  replanned: number;
}

export interface CentreDetailView extends CentreSummaryView {
  facilitators: FacilitatorView[];
  groupSlots: GroupSlotView[];
  outreachPoints: OutreachPointView[];
}

/** Each directory subject with its request class and reply type. */
export interface DirectoryContracts {
  [DirectorySubjects.CentreList]: { request: CentreListRequest; reply: { centres: CentreSummaryView[] } };
  [DirectorySubjects.CentreDetail]: { request: CentreRequest; reply: { centre: CentreDetailView } };
  [DirectorySubjects.CentreCreate]: { request: CreateCentreCommand; reply: { centre: CentreDetailView } };
  [DirectorySubjects.CentreUpdate]: { request: UpdateCentreCommand; reply: { centre: CentreDetailView } };
  [DirectorySubjects.CentreDelete]: { request: CentreRequest; reply: { deleted: true } };
  [DirectorySubjects.CentreStatus]: { request: SetCentreStatusCommand; reply: { centre: CentreDetailView } };
  [DirectorySubjects.FacilitatorCreate]: { request: CreateFacilitatorCommand; reply: { facilitator: FacilitatorView } };
  [DirectorySubjects.FacilitatorUpdate]: { request: UpdateFacilitatorCommand; reply: { facilitator: FacilitatorView } };
  [DirectorySubjects.FacilitatorDelete]: { request: FacilitatorRequest; reply: { deleted: true } };
  [DirectorySubjects.AvailabilitySet]: { request: SetWeeklyAvailabilityCommand; reply: { facilitator: FacilitatorView } };
  [DirectorySubjects.ExceptionAdd]: { request: AddAvailabilityExceptionCommand; reply: { facilitator: FacilitatorView } };
  [DirectorySubjects.ExceptionRemove]: {
    request: RemoveAvailabilityExceptionCommand;
    reply: { facilitator: FacilitatorView };
  };
}

export const DirectoryRequestClasses: { [S in DirectorySubject]: new () => DirectoryContracts[S]['request'] } = {
  [DirectorySubjects.CentreList]: CentreListRequest,
  [DirectorySubjects.CentreDetail]: CentreRequest,
  [DirectorySubjects.CentreCreate]: CreateCentreCommand,
  [DirectorySubjects.CentreUpdate]: UpdateCentreCommand,
  [DirectorySubjects.CentreDelete]: CentreRequest,
  [DirectorySubjects.CentreStatus]: SetCentreStatusCommand,
  [DirectorySubjects.FacilitatorCreate]: CreateFacilitatorCommand,
  [DirectorySubjects.FacilitatorUpdate]: UpdateFacilitatorCommand,
  [DirectorySubjects.FacilitatorDelete]: FacilitatorRequest,
  [DirectorySubjects.AvailabilitySet]: SetWeeklyAvailabilityCommand,
  [DirectorySubjects.ExceptionAdd]: AddAvailabilityExceptionCommand,
  [DirectorySubjects.ExceptionRemove]: RemoveAvailabilityExceptionCommand,
};
