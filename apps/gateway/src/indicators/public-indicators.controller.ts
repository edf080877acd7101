import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IndicatorContracts, IndicatorRequestClasses, IndicatorSubjects, PublicIndicators } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { ApiProblems } from '../http/openapi';
import { MonthRangeQuery } from './indicators.dto';
import { PublicIndicatorsReply } from './indicators.responses';

/** The only indicators anyone may read without signing in; throttled per address like every other read. */
@ApiTags('indicators')
@ApiProblems(400, 429, 503)
@Controller('api/v1/public/indicators')
export class PublicIndicatorsController {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingRuntime) {}

  /** Aggregates of no one: nothing here is personal, so reading it is not audited. */
  @ApiOperation({
    summary: 'National and oblast counts by month, small numbers suppressed',
    security: [],
    description:
      'Counts of orders, referrals and programme outcomes for the orders issued in the whole calendar quarters from ' +
      'the one holding `from` to the one holding `to` (at most 36 months asked; the answer’s `from` and `to` give ' +
      'the quarters), one month × oblast table per indicator with the national figure of each month and each ' +
      'oblast’s for the period. Each quarter is suppressed once, the same for every request: a count from 1 to 4 is ' +
      'shown as `<5`; `x` hides a further count so that no `<5` can be worked out from a row or column total, and ' +
      'a figure over several quarters is hidden when any of theirs is, so that overlapping requests cannot be ' +
      'subtracted. A quarter is published twice: counted 60 days after it ends (provisional) and 730 days after ' +
      '(final), each edition out the day after its count and never changing afterwards, so that two readings ' +
      'cannot be subtracted either; until its first edition nothing of a quarter is shown (`quarters` says when it ' +
      'comes). No centre, police unit, duration or person.',
  })
  @ApiOkResponse({ type: PublicIndicatorsReply })
  @Get()
  indicators(@Query() query: MonthRangeQuery): Promise<PublicIndicators> {
    return this.messaging.client.requestFrom<IndicatorContracts, typeof IndicatorSubjects.PublicReport>(
      IndicatorRequestClasses,
      IndicatorSubjects.PublicReport,
      { from: query.from, to: query.to },
    );
  }
}
