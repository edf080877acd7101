import { ForbiddenException } from '@nestjs/common';
import type { Actor, Scope } from '@korgoo/contracts';
import { inboxScope } from './scope';

/** The caller's inbox scope; 403 for an officer whose account belongs to no unit yet. */
export function requireInboxScope(actor: Actor): Scope {
  const scope = inboxScope(actor);
  if (!scope) throw new ForbiddenException('a police account without a unit has no inbox; an admin must set its unit first');
  return scope;
}
