import { ProgrammeTimer } from '../domain';

/** What a timer watches: a programme, or an order still waiting for one; a row has exactly one of the two. */
export type TimerOwner = { programmeId: string } | { orderId: string };

const TIMER_COLUMNS = ['programme_id', 'order_id', 'kind', 'audience', 'session_index', 'days_before_expiry', 'meeting_number', 'due_at'];
const TIMER_TYPES = ['uuid', 'uuid', 'text', 'text', 'int', 'int', 'int', 'timestamptz'];

/** One timer row, its values numbered from `$first`: written alone, or folded into the statement that sets it. */
export function insertTimer(first: number): string {
  const values = TIMER_COLUMNS.map((_, i) => `$${first + i}`).join(', ');
  return `INSERT INTO programme.timer (${TIMER_COLUMNS.join(', ')}) VALUES (${values})`;
}

export function timerValues(owner: TimerOwner, timer: ProgrammeTimer): unknown[] {
  return [
    'programmeId' in owner ? owner.programmeId : null,
    'orderId' in owner ? owner.orderId : null,
    timer.kind,
    timer.audience,
    timer.sessionIndex,
    timer.daysBeforeExpiry,
    timer.meetingNumber,
    timer.dueAt,
  ];
}

/**
 * Timer rows given column by column (`columnsOf`), their arrays numbered from `$first`; with `onlyFor`, a row
 * source of the statement's `WITH` part, each written only where it returned the row's `order_id`.
 */
export function insertTimerRows(first = 1, onlyFor?: string): string {
  const arrays = TIMER_TYPES.map((type, i) => `$${first + i}::${type}[]`).join(', ');
  const rows = `unnest(${arrays}) AS t(${TIMER_COLUMNS.join(', ')})`;
  return `INSERT INTO programme.timer (${TIMER_COLUMNS.join(', ')})
    SELECT t.* FROM ${onlyFor ? `${rows} JOIN ${onlyFor} USING (order_id)` : rows}`;
}

/** Rows of values as the columns a statement takes with `unnest`: one array per column. */
export function columnsOf(rows: unknown[][]): unknown[][] {
  return rows.length === 0 ? [] : rows[0].map((_, i) => rows.map((row) => row[i]));
}
