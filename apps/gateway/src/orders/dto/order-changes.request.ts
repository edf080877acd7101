import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { POLICE_UNIT_CODE, WITHDRAWAL_REASONS } from '@korgoo/contracts';

export class WithdrawOrderRequest {
  @ApiProperty({ enum: WITHDRAWAL_REASONS })
  @IsIn(WITHDRAWAL_REASONS)
  reason: (typeof WITHDRAWAL_REASONS)[number];

  @ApiProperty({ description: 'Why, for the record; no personal data' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  note: string;
}

export class ExtendOrderRequest {
  @ApiProperty({ format: 'date-time', description: 'The new expiry; later than the current one' })
  @IsISO8601({ strict: true })
  expiresAt: string;
}

export class CourtDecisionRequest {
  @ApiProperty({ format: 'date', description: 'Day of the decision, from the order\'s issue to 70 days after it' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decidedOn must be a date YYYY-MM-DD' })
  decidedOn: string;

  @ApiProperty({ description: 'The court\'s case reference; no personal data' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N} ./№#-]+$/u, { message: 'reference may hold letters, digits, spaces and . / № # -' })
  reference: string;
}

export class AssignOrderUnitRequest {
  @ApiProperty({ example: 'naryn-riib', description: 'The code of a registered police unit' })
  @IsString()
  @Matches(POLICE_UNIT_CODE, { message: 'unitCode must be a police unit code (2-60 lowercase letters, digits or -)' })
  unitCode: string;
}
