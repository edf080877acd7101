import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import { SettableClock } from '@korgoo/platform/core';

export const PROGRAMME_CLOCK = Symbol('PROGRAMME_CLOCK');

export class SetClockRequest {
  @IsISO8601({ strict: true }) at: string;
}

/**
 * Rehearsals and tests only (PROGRAMME_TEST_CLOCK, refused in production): moves the programme service's
 * clock so four weeks of sessions and their timers can be walked through without waiting.
 */
@Controller('test/clock')
export class TestClockController {
  constructor(@Inject(PROGRAMME_CLOCK) private readonly clock: SettableClock) {}

  @Post()
  @HttpCode(200)
  set(@Body() body: SetClockRequest): { now: string } {
    this.clock.set(new Date(body.at));
    return { now: this.clock.now().toISOString() };
  }
}
