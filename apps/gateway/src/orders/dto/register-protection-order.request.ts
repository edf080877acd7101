import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isPersonalNumber } from '../person-pseudonym';
import { ORDER_NUMBER, PROGRAMME_LANGUAGES, Nested, ParticipantLocation, SEXES } from '@korgoo/contracts';
import { ScreeningRequest } from './screening.request';

@ValidatorConstraint({ name: 'isPersonalNumber' })
class PersonalNumberRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isPersonalNumber(value);
  }
  defaultMessage(): string {
    return 'pin must be a 14-digit personal number (ПИН) starting with 1 or 2 and a valid birth date';
  }
}

/** The person the order is issued against. The name stays in the gateway; services see only routing facts. */
export class PerpetratorDetails {
  @ApiProperty({ example: 'Асанов Бакыт' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  // Letters of any script (Kyrgyz ң ө ү included), spaces, hyphens, apostrophes and dots.
  @Matches(/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u, { message: 'fullName must contain letters, spaces, hyphens or apostrophes only' })
  fullName: string;

  @ApiPropertyOptional({ example: 1988 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2015)
  birthYear?: number;

  @ApiPropertyOptional({
    example: '21505198600123',
    description: 'Personal number (ПИН), optional: only a keyed hash of it leaves the gateway, to count repeat orders',
  })
  @IsOptional()
  @IsString()
  @Validate(PersonalNumberRule)
  pin?: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex: (typeof SEXES)[number];

  @ApiProperty({ enum: PROGRAMME_LANGUAGES, description: 'Programme language chosen by the participant' })
  @IsIn(PROGRAMME_LANGUAGES, { message: 'language must be ky or ru' })
  language: (typeof PROGRAMME_LANGUAGES)[number];

  @ApiProperty({ type: ParticipantLocation, description: 'A gazetteer settlement code, or coordinates' })
  @Nested(() => ParticipantLocation)
  location: ParticipantLocation;
}

export class RegisterProtectionOrderRequest {
  @ApiProperty({ example: 'TPO-2026-000123', description: 'The number the police gave the order' })
  // The same pattern the registration event promises, so every registered number travels.
  @Matches(ORDER_NUMBER, {
    message: 'orderNumber must be 3-40 characters: letters, digits, / or -',
  })
  orderNumber: string;

  @ApiProperty({ example: 'Октябрь РИИБ' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  issuingUnit: string;

  @ApiProperty({ example: '2026-11-25T09:00:00+06:00' })
  @IsISO8601({ strict: true }, { message: 'issuedAt must be an ISO 8601 date-time' })
  issuedAt: string;

  @ApiProperty({ example: '2026-12-25T09:00:00+06:00', description: 'At most 30 days after issuedAt' })
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt: string;

  @ApiProperty({ type: PerpetratorDetails })
  @Nested(() => PerpetratorDetails)
  perpetrator: PerpetratorDetails;

  @ApiProperty({ type: ScreeningRequest, description: 'The ODARA screening (13 items) and immediate-danger screen; the officer\'s concern and override reason are kept with the order and never sent on' })
  @Nested(() => ScreeningRequest)
  screening: ScreeningRequest;
}

export class RegisteredOrderResponse {
  @ApiProperty() orderId: string;
  @ApiProperty() orderNumber: string;
  @ApiProperty({ description: 'false when the same order was posted before and this is its record' })
  created: boolean;
}
