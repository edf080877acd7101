import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Nested } from './nested';

/** The indicators the reporting service answers; it owns aggregate counts only, never a person. */
export const IndicatorSubjects = {
  Report: 'query.reporting.indicators.v1',
  /** The view anyone may read: national and oblast counts by month, small numbers suppressed. */
  PublicReport: 'query.reporting.public-indicators.v1',
  /** Drops the indicator read model and builds it again from the history stream. */
  Rebuild: 'command.reporting.indicators-rebuild.v1',
} as const;

export const INDICATOR_DIMENSIONS = ['month', 'oblast', 'unit', 'centre', 'sex', 'language', 'riskBin', 'priority'] as const;
export type IndicatorDimension = (typeof INDICATOR_DIMENSIONS)[number];

export const INDICATOR_GROUPS = ['orders', 'referrals', 'programmes', 'voluntary', 'follow_ups', 'repeats', 'utilisation'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Who asks decides what may be seen: the gateway sets it from the caller's role, never from a query string. */
export class IndicatorScope {
  @IsIn(['national', 'centre', 'unit']) kind: 'national' | 'centre' | 'unit';
  @ValidateIf((s: IndicatorScope) => s.kind === 'centre') @IsString() @MaxLength(100) centreId?: string;
  @ValidateIf((s: IndicatorScope) => s.kind === 'unit') @IsString() @MaxLength(200) unitId?: string;
}

export class IndicatorReportRequest {
  @Nested(() => IndicatorScope) scope: IndicatorScope;
  /** First and last month (inclusive) of the orders counted, by the month the order was issued. */
  @Matches(MONTH, { message: 'from must be a month such as 2026-01' }) from: string;
  @Matches(MONTH, { message: 'to must be a month such as 2026-12' }) to: string;
  @IsIn(INDICATOR_DIMENSIONS) groupBy: IndicatorDimension;
  @IsOptional() @IsString() @MaxLength(60) oblast?: string;
  @IsOptional() @IsString() @MaxLength(200) unit?: string;
  @IsOptional() @IsString() @MaxLength(100) centreId?: string;
}

export interface IndicatorLabel {
  ky: string;
  ru: string;
  en: string;
}

/** One indicator group as a table: a row per value of the chosen dimension, a column per indicator. */
export interface IndicatorSheet {
  group: IndicatorGroup;
  title: IndicatorLabel;
  dimension: { key: IndicatorDimension; label: IndicatorLabel };
  columns: Array<{ key: string; label: IndicatorLabel }>;
  rows: Array<{ key: string; values: Array<number | null> }>;
  total: Array<number | null>;
}

export interface IndicatorReport {
  from: string;
  to: string;
  groupBy: IndicatorDimension;
  sheets: IndicatorSheet[];
}

export class PublicIndicatorsRequest {
  @Matches(MONTH, { message: 'from must be a month such as 2026-01' }) from: string;
  @Matches(MONTH, { message: 'to must be a month such as 2026-12' }) to: string;
}

/** A published count: the number, `<5` for 1 to 4, or `x` where it is hidden so a `<5` cannot be recovered. */
export type PublicCount = number | '<5' | 'x';

/** One indicator as a month × oblast table with the national figure per month and the totals of the quarters shown. */
export interface PublicIndicatorTable {
  key: string;
  label: IndicatorLabel;
  /** One row per month, one value per oblast (the order of `oblasts`). */
  byMonthAndOblast: PublicCount[][];
  nationalByMonth: PublicCount[];
  byOblast: PublicCount[];
  national: PublicCount;
}

/** A quarter's public figures come out twice and never move in between: first provisional, then final. */
export const PUBLIC_EDITIONS = ['provisional', 'final'] as const;
export type PublicEdition = (typeof PUBLIC_EDITIONS)[number];

/** One calendar quarter of a public answer: the edition of its figures shown, if any yet, and the next one due. */
export interface PublicQuarter {
  /** First and last month of the quarter. */
  from: string;
  to: string;
  /** `null` while the quarter's first edition is not out: nothing of it is shown. */
  edition: PublicEdition | null;
  /** The edition counts what happened before this instant. */
  countedBefore: string | null;
  nextEdition: PublicEdition | null;
  nextEditionOn: string | null;
}

export interface PublicIndicators {
  from: string;
  to: string;
  quarters: PublicQuarter[];
  /** The months of the quarters shown; the tables have a row for each. */
  months: string[];
  /** The oblasts, then `unknown` for orders whose place was not given. */
  oblasts: string[];
  indicators: PublicIndicatorTable[];
}

export class RebuildIndicatorsRequest {
  /** Only a national scope (an admin) may rebuild. */
  @Nested(() => IndicatorScope) scope: IndicatorScope;
}

export interface IndicatorRebuild {
  /** Events read from the history stream. */
  events: number;
  /** Orders and counted facts in the rebuilt read model. */
  orders: number;
  facts: number;
}

export interface IndicatorContracts {
  [IndicatorSubjects.Report]: { request: IndicatorReportRequest; reply: { report: IndicatorReport } };
  [IndicatorSubjects.PublicReport]: { request: PublicIndicatorsRequest; reply: PublicIndicators };
  [IndicatorSubjects.Rebuild]: { request: RebuildIndicatorsRequest; reply: IndicatorRebuild };
}

export const IndicatorRequestClasses: { [S in keyof IndicatorContracts]: new () => IndicatorContracts[S]['request'] } = {
  [IndicatorSubjects.Report]: IndicatorReportRequest,
  [IndicatorSubjects.PublicReport]: PublicIndicatorsRequest,
  [IndicatorSubjects.Rebuild]: RebuildIndicatorsRequest,
};
