import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IndicatorContracts, IndicatorRebuild, IndicatorRequestClasses, IndicatorSubjects } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { AuditTrail } from '../audit/audit-trail';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { ApiProblems } from '../http/openapi';

/** A rebuild reads the whole history in one go: it may take minutes, not the seconds a query gets. */
const REBUILD_WAIT_MS = 10 * 60_000;

export class IndicatorRebuildResponse implements IndicatorRebuild {
  @ApiProperty({ description: 'Events read from the history stream' }) events: number;
  @ApiProperty({ description: 'Orders in the rebuilt read model' }) orders: number;
  @ApiProperty({ description: 'Counted facts in the rebuilt read model' }) facts: number;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Roles('admin')
@Controller('api/v1/admin/indicators')
export class IndicatorRebuildController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  /** After a change to how an indicator is counted, or when the read model is in doubt. */
  @ApiOperation({
    summary: 'Drop the indicator read model and rebuild it from the event history',
    description:
      'Reporting replays its history stream (every event it counts, kept without age limit) into an emptied read ' +
      'model in one transaction: the indicators keep answering with the old figures until it commits.',
  })
  @ApiOkResponse({ type: IndicatorRebuildResponse })
  @ApiProblems(401, 403, 503)
  @Post('rebuild')
  @HttpCode(200)
  async rebuild(@CurrentActor() actor: Actor): Promise<IndicatorRebuild> {
    await this.audit.record(actor, 'rebuild', 'indicators', null);
    return this.messaging.client.requestFrom<IndicatorContracts, typeof IndicatorSubjects.Rebuild>(
      IndicatorRequestClasses,
      IndicatorSubjects.Rebuild,
      { scope: scopeOf(actor) },
      undefined,
      REBUILD_WAIT_MS,
    );
  }
}
