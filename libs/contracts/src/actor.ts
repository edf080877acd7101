/**
 * Who is asking, as the gateway knows them from a verified token. Each role carries exactly what its
 * rules need: a centre's staff always belong to one centre; police belong to a unit once units exist.
 */
export type Actor =
  | { readonly role: 'police'; readonly accountId: string; readonly unitId: string | null }
  | { readonly role: 'centre'; readonly accountId: string; readonly centreId: string }
  | { readonly role: 'coordinator' | 'admin' | 'probation' | 'auditor'; readonly accountId: string };
