import {
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  Matches,
} from 'class-validator';
import { PROGRAMME_LANGUAGES, SEXES, Sex, type ProgrammeLanguage } from './vocabulary';
import { Nested } from './nested';

export class ParticipantLocation {
  /** A gazetteer code (`naryn`); coordinates are then looked up by matching. */
  @IsOptional() @Matches(/^[a-z][a-z-]{1,40}$/, { message: 'settlementCode must be a gazetteer code such as naryn' })
  settlementCode?: string;
  @IsOptional() @IsLatitude() lat?: number;
  @IsOptional() @IsLongitude() lng?: number;
}

/** What routing needs about the person the order is against: no name, no address, no contact. */
export class ProgrammeParticipant {
  @IsIn(SEXES) sex: Sex;
  @IsIn(PROGRAMME_LANGUAGES, { message: 'language must be ky or ru' }) language: ProgrammeLanguage;
  @Nested(() => ParticipantLocation) location: ParticipantLocation;
}

export class OrderPeriod {
  @IsISO8601({ strict: true }) issuedAt: string;
  @IsISO8601({ strict: true }) expiresAt: string;
}
