import type { Actor, Scope } from '@korgoo/contracts';

// Plain TypeScript, tested directly in scope.spec.ts: every rule of who sees what lives in this file.

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
 * Which protection orders an account reads in the gateway's own table: police their unit's, coordinators the
 * country's. Admins (who run accounts, the directory and the machinery, not cases), centre staff, auditors
 * and probation read none, nor does an officer without a unit (unlike `scopeOf`, which lets that officer's
 * service requests stay national until units are recorded).
 */
export function orderScope(actor: Actor): Scope | null {
  switch (actor.role) {
    case 'police':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : null;
    case 'coordinator':
      return scopeOf(actor);
    default:
      return null;
  }
}

export function inScope(order: { unitCode: string | null }, scope: Scope): boolean {
  return scope.kind === 'national' || (scope.kind === 'unit' && order.unitCode === scope.unitId);
}

/**
 * Whose inbox an actor reads. An officer reads the unit's; one without a unit has no inbox, and must never
 * fall through to the coordinators' national one.
 */
export function inboxScope(actor: Actor): Scope | null {
  return actor.role === 'police' && actor.unitId === null ? null : scopeOf(actor);
}

/** The centre an actor's scope names, for audit rows; null for a national or unit scope. */
export function scopedCentre(actor: Actor): string | null {
  return actor.role === 'centre' ? actor.centreId : null;
}
