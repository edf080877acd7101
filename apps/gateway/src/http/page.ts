import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LIST_POSITION } from '@korgoo/contracts';
import { invalidField } from './problems';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

/** `?cursor=…&limit=…` on every list: the cursor is opaque, the page size bounded. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page; omit for the first page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must be at most ${MAX_PAGE_SIZE}` })
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function pageSize(query: PageQuery): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/** The position after which the next page starts, from a cursor this gateway made. */
export function afterCursor(query: PageQuery): string | null {
  if (!query.cursor) return null;
  const position = Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9:.+-]{1,120}$/.test(position)) throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
  return position;
}

/** Cuts a result fetched with one extra row into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], size: number, position: (last: T) => string): Page<T> {
  const items = rows.slice(0, size);
  const more = rows.length > size;
  return { items, nextCursor: more ? cursorOf(position(items[items.length - 1])) : null };
}

/**
 * The position a service's list starts after (see LIST_POSITION), from a cursor this gateway made: the
 * owning service applies it in SQL. A cursor of another shape is refused before any service is asked.
 */
export function listAfter(query: PageQuery): string | undefined {
  const position = afterCursor(query);
  if (position === null) return undefined;
  if (!LIST_POSITION.test(position)) throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
  return position;
}

/** A page a service cut itself: its items, and the cursor wrapping where the next page starts. */
export function servicePage<T>(items: T[], next: string | null): Page<T> {
  return { items, nextCursor: next === null ? null : cursorOf(next) };
}

function cursorOf(position: string): string {
  return Buffer.from(position).toString('base64url');
}
