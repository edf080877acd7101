import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_DIMENSIONS, INDICATOR_GROUPS, IndicatorDimension, IndicatorGroup } from '@korgoo/contracts';
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
