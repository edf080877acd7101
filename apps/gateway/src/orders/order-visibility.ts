import type { Scope } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';

/** Police see their unit's orders; coordinators and admins the country's; anyone else, or an officer without a unit, none. */
export function orderScope(actor: Actor): Scope | null {
  if (actor.role === 'coordinator' || actor.role === 'admin') return { kind: 'national' };
  if (actor.role === 'police' && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  return null;
}

export function inScope(order: { unitCode: string | null }, scope: Scope): boolean {
  return scope.kind === 'national' || (scope.kind === 'unit' && order.unitCode === scope.unitId);
}
