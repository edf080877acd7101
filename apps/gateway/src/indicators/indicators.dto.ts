import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INDICATOR_DIMENSIONS, IndicatorDimension, MONTH } from '@korgoo/contracts';
import { EXPORT_LANGUAGES, ExportLanguage } from './indicator-export';

/** The months of issue the indicators count, for the public view and the signed-in one alike. */
export class MonthRangeQuery {
  @ApiProperty({ example: '2026-01', description: 'First month (orders issued from then), Bishkek time' })
  @Matches(MONTH, { message: 'from must be a month such as 2026-01' })
  from: string;

  @ApiProperty({ example: '2026-12', description: 'Last month, inclusive' })
  @Matches(MONTH, { message: 'to must be a month such as 2026-12' })
  to: string;
}

export class IndicatorsQuery extends MonthRangeQuery {
  @ApiPropertyOptional({ enum: INDICATOR_DIMENSIONS, default: 'month' })
  @IsOptional()
  @IsIn(INDICATOR_DIMENSIONS)
  groupBy?: IndicatorDimension;

  @ApiPropertyOptional({ example: 'Naryn' }) @IsOptional() @IsString() @MaxLength(60) oblast?: string;
  @ApiPropertyOptional({ description: 'Issuing police unit as registered' }) @IsOptional() @IsString() @MaxLength(200) unit?: string;
  @ApiPropertyOptional({ example: 'naryn-asylzat' }) @IsOptional() @IsString() @MaxLength(100) centreId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'Language of export headers; else Accept-Language; else Kyrgyz' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}

