/**
 * Newest-first lists that a service pages in SQL by (created_at, id), never loading more than one page. A
 * position is the last row's creation time to the microsecond (UTC) and its id, the form LIST_POSITION
 * checks; the gateway wraps it into an opaque cursor.
 */

/** The SQL expression of a row's position, for a table `alias` with `created_at` and a uuid `id`. */
export function positionSql(alias: string): string {
  return `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+' || ${alias}.id`;
}

/** The condition keeping rows after `position` (the SQL parameter `$n`), in the order `orderSql` gives. */
export function afterPositionSql(alias: string, param: string): string {
  return `(${param}::text IS NULL OR (${alias}.created_at, ${alias}.id) <
    ((split_part(${param}::text, '+', 1))::timestamp AT TIME ZONE 'UTC', (split_part(${param}::text, '+', 2))::uuid))`;
}

export function orderSql(alias: string): string {
  return `${alias}.created_at DESC, ${alias}.id DESC`;
}

/** Cuts rows fetched with one extra into a page and the position the next page starts after. */
export function pageOfRows<R extends { position: string }, T>(rows: R[], limit: number, view: (row: R) => T): { items: T[]; next: string | null } {
  const kept = rows.slice(0, limit);
  return { items: kept.map(view), next: rows.length > limit ? kept[kept.length - 1].position : null };
}
