/**
 * Group commit, without I/O so it can be tested directly: for consumed messages, and for the gateway's new orders.
 * Items arrive one by one; up to `concurrency` workers each take what has queued up since they last looked (at
 * most `batchSize`) and handle it as one unit. Under light load a worker takes a single item at once, so latency
 * does not wait for a batch to fill; under a burst the queue grows while the workers commit, and batches grow with it.
 * With `lingerMs`, a free worker that finds less than a batch waits that long for more first.
 */
export interface BatchIntakeOptions {
  concurrency: number;
  batchSize: number;
  /**
   * How long a free worker waits for a partial batch to grow, in milliseconds; 0 takes it at once. Between
   * light load and saturation messages come a few milliseconds apart, each alone pays a transaction of its own,
   * and that is most of what an event costs there.
   */
  lingerMs?: number;
}

export class BatchIntake<T> {
  private readonly queued: T[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** The wait of a free worker for its partial batch to grow, while it lasts. */
  private lingering?: { timer: NodeJS.Timeout; over: Promise<void>; end: () => void };

  constructor(
    private readonly handle: (batch: T[]) => Promise<void>,
    private readonly options: BatchIntakeOptions,
  ) {}

  /** Queues one item and starts a worker if one is free; resolves once the queue has room for more. */
  async push(item: T): Promise<void> {
    this.queued.push(item);
    this.pump();
    while (this.queued.length >= this.options.concurrency * this.options.batchSize && this.inFlight.size > 0) {
      await Promise.race(this.inFlight);
    }
  }

  /** Resolves when everything queued so far has been handled. */
  async drained(): Promise<void> {
    while (this.inFlight.size > 0 || this.lingering) {
      await this.lingering?.over;
      await Promise.all(this.inFlight);
    }
  }

  get size(): number {
    return this.queued.length + this.inFlight.size;
  }

  private pump(lingered = false): void {
    while (this.inFlight.size < this.options.concurrency && this.queued.length > 0) {
      if (!lingered && this.queued.length < this.options.batchSize && (this.options.lingerMs ?? 0) > 0) {
        this.linger();
        return;
      }
      if (this.lingering) this.stopLingering();
      const batch = this.queued.splice(0, this.options.batchSize);
      // `handle` reports its own failures; a rejection here must not stop the other workers.
      const work: Promise<void> = this.handle(batch)
        .catch(() => undefined)
        .finally(() => {
          this.inFlight.delete(work);
          this.pump();
        });
      this.inFlight.add(work);
    }
  }

  private linger(): void {
    if (this.lingering) return;
    let end!: () => void;
    const over = new Promise<void>((resolve) => (end = resolve));
    const timer = setTimeout(() => {
      this.stopLingering();
      this.pump(true);
    }, this.options.lingerMs);
    this.lingering = { timer, over, end };
  }

  private stopLingering(): void {
    if (!this.lingering) return;
    clearTimeout(this.lingering.timer);
    this.lingering.end();
    this.lingering = undefined;
  }
}

/**
 * Handles `items` together; if that fails, each item alone and in order, so one item that can never succeed
 * takes only itself down. Returns which way they went.
 */
export async function togetherOrAlone<T>(
  items: T[],
  together: (items: T[]) => Promise<void>,
  alone: (item: T) => Promise<void>,
): Promise<'together' | 'alone'> {
  if (items.length === 1) {
    await alone(items[0]);
    return 'alone';
  }
  try {
    await together(items);
    return 'together';
  } catch {
    for (const item of items) await alone(item);
    return 'alone';
  }
}
