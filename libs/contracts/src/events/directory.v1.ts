import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CALENDAR_DATE, CENTRE_ID, WALL_CLOCK } from '../directory';
import { OBLASTS, type Oblast } from '../kg-gazetteer';
import { SEXES, type Sex } from '../vocabulary';

/** A weekly window of one rostered facilitator, Bishkek wall clock. */
export class RosterWindowV1 {
  @IsInt() @Min(1) @Max(7) weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  @Matches(WALL_CLOCK) start: string;
  @Matches(WALL_CLOCK) end: string;
}

/** Leave, a holiday or another absence of one facilitator: [from, to), without its reason. */
export class RosterAbsenceV1 {
  @IsISO8601() from: string;
  @IsISO8601() to: string;
}

/**
 * One active, certified facilitator as rostered time: which side of a pair they can take (their sex), since
 * when they may lead sessions, their weekly windows and absences. No id, name or contact.
 */
export class RosteredFacilitatorV1 {
  @IsIn(SEXES) sex: Sex;
  @Matches(CALENDAR_DATE) certifiedOn: string;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RosterWindowV1) weekly: RosterWindowV1[];
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RosterAbsenceV1) absences: RosterAbsenceV1[];
}

/**
 * directory.roster_changed.v1: a centre's roster as it stands from `effectiveFrom` on, whole (not a
 * difference), sent by matching whenever a facilitator, a window, an absence or the centre's status changes.
 * A removed centre is announced once with no facilitators.
 */
export class DirectoryRosterChangedV1 {
  @Matches(CENTRE_ID) centreId: string;
  @IsOptional() @IsIn(OBLASTS) oblast?: Oblast;
  /** A paused centre takes nobody: its roster offers no time meanwhile. */
  @IsBoolean() open: boolean;
  @IsISO8601() effectiveFrom: string;
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RosteredFacilitatorV1) facilitators: RosteredFacilitatorV1[];
}
