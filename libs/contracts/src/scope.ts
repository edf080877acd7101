/**
 * What part of the country a caller may see. Every list or lookup that crosses a service boundary carries
 * one, so a missing centre or unit id can never widen a query: there is no "optional filter" to forget.
 */
export type Scope =
  | { readonly kind: 'national' }
  | { readonly kind: 'centre'; readonly centreId: string }
  | { readonly kind: 'unit'; readonly unitId: string };
