import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * What part of the country a caller may see. Every list or lookup that crosses a service boundary carries
 * one, so a missing centre or unit id can never widen a query: there is no "optional filter" to forget.
 */
export type Scope =
  | { readonly kind: 'national' }
  | { readonly kind: 'centre'; readonly centreId: string }
  | { readonly kind: 'unit'; readonly unitId: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export function isScope(value: unknown): value is Scope {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const scope = value as Record<string, unknown>;
  const keys = Object.keys(scope).sort().join(',');
  if (scope.kind === 'national') return keys === 'kind';
  if (scope.kind === 'centre') return keys === 'centreId,kind' && typeof scope.centreId === 'string' && ID.test(scope.centreId);
  if (scope.kind === 'unit') return keys === 'kind,unitId' && typeof scope.unitId === 'string' && ID.test(scope.unitId);
  return false;
}

/** A required scope: a request without one is refused, never answered for the whole country. */
export function IsScope(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isScope',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be {kind: national} or {kind: centre, centreId} or {kind: unit, unitId}', ...options },
      validator: { validate: isScope },
    });
}
