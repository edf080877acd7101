import { IsISO8601 } from 'class-validator';

/**
 * Rehearsals and tests only: every replica of every service started with KORGOO_TEST_CLOCK=true moves its
 * clock to `at` and answers, so weeks of deadlines and reminders pass without waiting. Production services
 * never listen, and no production NATS user may subscribe to it.
 */
export const TestClockSubjects = {
  Set: 'test.clock.set.v1',
} as const;

export class SetTestClockRequest {
  @IsISO8601({ strict: true }) at: string;
}

/** One answer per replica: which service moved, and the time it now reads. */
export interface SetTestClockReply {
  service: string;
  now: string;
}
