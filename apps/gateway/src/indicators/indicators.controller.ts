import { Controller, Get, Headers, Inject, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import type { Response } from 'express';
import { IndicatorContracts, IndicatorReport, IndicatorRequestClasses, IndicatorSubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { AuditTrail } from '../audit/audit-trail';
import { EXPORT_LANGUAGES, ExportLanguage, indicatorsCsv, indicatorsXlsx } from './indicator-export';
import { IndicatorsQuery } from './indicators.dto';
import { IndicatorsReply } from './indicators.responses';

function languageOf(query: IndicatorsQuery, acceptLanguage: string | undefined): ExportLanguage {
  if (query.lang) return query.lang;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return EXPORT_LANGUAGES.find((language) => language === first) ?? 'ky';
}

@ApiTags('indicators')
@ApiBearerAuth()
@ApiProblems(400, 401, 403, 503)
@UseGuards(AuthGuard)
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Counts and durations by month, oblast, police unit, centre, sex, language, ODARA bin or priority: aggregates
   * only, no order or person. `format=csv|xlsx` downloads them with headers in the caller's language.
   */
  @ApiOperation({ summary: 'Indicators of orders, referrals and programmes, or their CSV / XLSX export' })
  @Get()
  @Roles('coordinator', 'admin', 'probation', 'centre')
  @ApiOkResponse({ description: 'The indicator tables, one per group (orders, referrals, programmes, voluntary, follow_ups, repeats)', type: IndicatorsReply })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async indicators(
    @Query() query: IndicatorsQuery,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ report: IndicatorReport } | string | StreamableFile> {
    const { report } = await this.messaging.client.requestFrom<IndicatorContracts, typeof IndicatorSubjects.Report>(
      IndicatorRequestClasses,
      IndicatorSubjects.Report,
      {
        scope: scopeOf(actor),
        from: query.from,
        to: query.to,
        groupBy: query.groupBy ?? 'month',
        oblast: query.oblast,
        unit: query.unit,
        centreId: query.centreId,
      },
    );
    await this.audit.record(actor, 'read', 'indicators', null);
    const language = languageOf(query, acceptLanguage);
    const name = `korgoo-indicators-${query.from}-${query.to}`;
    if (query.format === 'csv') {
      response.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
      return indicatorsCsv(report, language);
    }
    if (query.format === 'xlsx') {
      return new StreamableFile(await indicatorsXlsx(report, language), {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: `attachment; filename="${name}.xlsx"`,
      });
    }
    return { report };
  }
}
