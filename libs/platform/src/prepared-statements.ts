/**
 * Which statements a process sends to PostgreSQL as named prepared statements. A named statement is parsed and
 * planned once per connection and then only bound and executed, which saves the server about 40% of its CPU on
 * a short statement. A text is named from its second use, so one-off statements (a migration, a batch of an
 * unusual size) stay unnamed; and at most `limit` texts are, since every connection keeps each one it has run
 * until it closes. Texts are remembered up to `watched` distinct ones; a text first seen after that stays unnamed.
 */
export class PreparedStatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly refused = new Set<string>();
  /** Never reused: a connection may still hold a forgotten name. */
  private issued = 0;

  constructor(
    private readonly limit = 256,
    private readonly watched = 4096,
  ) {}

  /** The name to send `text` under, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.refused.has(text)) return name;
    if (!this.seen.has(text)) {
      if (this.seen.size < this.watched) this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    if (this.names.size >= this.limit) return undefined;
    const named = `korgoo_${++this.issued}`;
    this.names.set(text, named);
    return named;
  }

  /**
   * A schema change altered the rows a prepared statement returns (a column added under `SELECT *`), which
   * PostgreSQL refuses for a prepared statement; sent unnamed from now on, it is planned afresh each time.
   */
  forget(text: string): void {
    this.names.delete(text);
    this.refused.add(text);
  }
}

/** PostgreSQL's answer to a prepared statement whose result columns changed under it: "cached plan must not change result type". */
export const PLAN_CHANGED_RESULT_TYPE = '0A000';
