/** Active referrals per centre, the ranking's last tie-breaker between equally near centres with equal plans. */
export interface ActiveLoad<Db> {
  counts(db: Db): Promise<ReadonlyMap<string, number>>;
  /** This replica has just proposed one more referral to the centre. */
  added(centreId: string): void;
}

/**
 * Counts read at most once per `maxAgeMs`, with this replica's own proposals added in between. A count a
 * second old breaks a tie as well as a fresh one, and routing no longer scans every active referral on each
 * order, a scan that grows with the backlog during a burst. `maxAgeMs` 0 reads on every routing.
 */
export class RecentActiveLoad<Db> implements ActiveLoad<Db> {
  private counted: Map<string, number> | null = null;
  private countedAt = 0;

  constructor(
    private readonly read: (db: Db) => Promise<Map<string, number>>,
    private readonly maxAgeMs: number,
    /** A monotonic time in milliseconds: the age of a count, not a moment of the domain. */
    private readonly elapsedMs: () => number = () => performance.now(),
  ) {}

  async counts(db: Db): Promise<ReadonlyMap<string, number>> {
    const now = this.elapsedMs();
    if (this.counted === null || now - this.countedAt >= this.maxAgeMs) {
      this.counted = await this.read(db);
      this.countedAt = now;
    }
    return this.counted;
  }

  added(centreId: string): void {
    this.counted?.set(centreId, (this.counted.get(centreId) ?? 0) + 1);
  }
}
