import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@korgoo/contracts';

/** The centre a centre account acts for; the guard lets only centre accounts reach these routes. */
export function centreOf(actor: Actor): string {
  if (actor.role !== 'centre') throw new ForbiddenException('only a centre account may do this');
  return actor.centreId;
}
