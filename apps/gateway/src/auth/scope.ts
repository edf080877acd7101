import { ForbiddenException } from '@nestjs/common';
import type { Actor, Scope } from '@korgoo/contracts';

/**
 * The one place the gateway decides what part of the country an account sees; every list and lookup it
 * sends to a service carries the result. Police see nationally until police units are recorded on accounts.
 */
export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'centre':
      return { kind: 'centre', centreId: actor.centreId };
    case 'police':
      return actor.unitId === null ? { kind: 'national' } : { kind: 'unit', unitId: actor.unitId };
    case 'coordinator':
    case 'admin':
    case 'probation':
    case 'auditor':
      return { kind: 'national' };
  }
}

/**
 * The scope for lookups about one order the gateway has already shown to be visible to the actor (police:
 * their unit's orders). The owning services know no police units, so police ask about that order nationally.
 */
export function orderLookupScope(actor: Actor): Scope {
  return actor.role === 'police' ? { kind: 'national' } : scopeOf(actor);
}

/**
 * Whose inbox an actor reads. An officer reads the unit's; one without a unit has no inbox, and must never
 * fall through to the coordinators' national one.
 */
export function inboxScope(actor: Actor): Scope {
  if (actor.role === 'police' && actor.unitId === null) throw new ForbiddenException('a police account without a unit has no inbox');
  return scopeOf(actor);
}

/** The centre an actor's scope names, for audit rows; null for a national or unit scope. */
export function scopedCentre(actor: Actor): string | null {
  return actor.role === 'centre' ? actor.centreId : null;
}

/** The centre a centre account acts for; the guard lets only centre accounts reach these routes. */
export function centreOf(actor: Actor): string {
  if (actor.role !== 'centre') throw new ForbiddenException('only a centre account may do this');
  return actor.centreId;
}
