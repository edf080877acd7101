import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WITHDRAWAL_REASONS } from '@korgoo/contracts';

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
