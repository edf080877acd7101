import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_DIMENSIONS, INDICATOR_GROUPS, IndicatorDimension, IndicatorGroup, PUBLIC_EDITIONS, PublicCount, PublicEdition } from '@korgoo/contracts';
import { LocalizedText } from '../referrals/referral.responses';

// The classes below only describe the reporting service's reply for the OpenAPI document.

export class IndicatorDimensionResponse {
  @ApiProperty({ enum: INDICATOR_DIMENSIONS }) key: IndicatorDimension;
  @ApiProperty({ type: LocalizedText }) label: LocalizedText;
}

export class IndicatorColumnResponse {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedText }) label: LocalizedText;
}

export class IndicatorRowResponse {
  @ApiProperty({ description: 'The value of the dimension, e.g. 2026-03 or naryn-asylzat' }) key: string;
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } }) values: Array<number | null>;
}

/** One indicator group as a table: a row per value of the chosen dimension, a column per indicator. */
export class IndicatorSheetResponse {
  @ApiProperty({ enum: INDICATOR_GROUPS }) group: IndicatorGroup;
  @ApiProperty({ type: LocalizedText }) title: LocalizedText;
  @ApiProperty({ type: IndicatorDimensionResponse }) dimension: IndicatorDimensionResponse;
  @ApiProperty({ type: [IndicatorColumnResponse] }) columns: IndicatorColumnResponse[];
  @ApiProperty({ type: [IndicatorRowResponse] }) rows: IndicatorRowResponse[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } }) total: Array<number | null>;
}

export class IndicatorReportResponse {
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ enum: INDICATOR_DIMENSIONS }) groupBy: IndicatorDimension;
  @ApiProperty({ type: [IndicatorSheetResponse] }) sheets: IndicatorSheetResponse[];
}

export class IndicatorsReply {
  @ApiProperty({ type: IndicatorReportResponse }) report: IndicatorReportResponse;
}

/** A published count: the number, `<5` for 1 to 4, or `x` where it is hidden to protect a `<5`. */
const PUBLIC_COUNT = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5', 'x'] }] };

export class PublicIndicatorTableResponse {
  @ApiProperty({ example: 'orders_registered' }) key: string;
  @ApiProperty({ type: LocalizedText }) label: LocalizedText;
  @ApiProperty({ type: 'array', items: { type: 'array', items: PUBLIC_COUNT }, description: 'A row per month, a value per oblast' })
  byMonthAndOblast: PublicCount[][];
  @ApiProperty({ type: 'array', items: PUBLIC_COUNT, description: 'The national figure of each month' }) nationalByMonth: PublicCount[];
  @ApiProperty({ type: 'array', items: PUBLIC_COUNT, description: 'Each oblast’s figure for the quarters shown' }) byOblast: PublicCount[];
  @ApiProperty(PUBLIC_COUNT) national: PublicCount;
}

export class PublicQuarterResponse {
  @ApiProperty({ example: '2026-01', description: 'The quarter’s first month' }) from: string;
  @ApiProperty({ example: '2026-03', description: 'The quarter’s last month' }) to: string;
  @ApiProperty({ enum: PUBLIC_EDITIONS, nullable: true, type: String, description: 'The edition shown; null until the first is out, and nothing of the quarter is shown' })
  edition: PublicEdition | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The edition counts what happened before this instant' })
  countedBefore: string | null;
  @ApiProperty({ enum: PUBLIC_EDITIONS, nullable: true, type: String }) nextEdition: PublicEdition | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextEditionOn: string | null;
}

export class PublicIndicatorsReply {
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ type: [PublicQuarterResponse], description: 'Every quarter asked, with the edition of its figures shown' }) quarters: PublicQuarterResponse[];
  @ApiProperty({ type: [String], example: ['2026-01', '2026-02'], description: 'The months of the quarters shown; the tables have a row for each' }) months: string[];
  @ApiProperty({ type: [String], description: 'The oblasts, then `unknown` for orders whose place was not given' }) oblasts: string[];
  @ApiProperty({ type: [PublicIndicatorTableResponse] }) indicators: PublicIndicatorTableResponse[];
}
