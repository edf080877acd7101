import { EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { retryingInSavepoint } from './lock-conflicts';

export interface DueDeadline {
  deadlineId: string;
  referralId: string;
}

export interface DeadlineStore {
  /** The earliest due deadline not in `passOver`, claimed for this transaction. */
  claimDueDeadline(tx: EntityManager, now: Date, passOver: string[]): Promise<DueDeadline | null>;
}

export interface DeadlinePollerLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Fires acknowledgement deadlines kept in Postgres. Each due deadline is claimed with its referral under
 * FOR UPDATE SKIP LOCKED and fired in that same transaction, so with any number of replicas, and after
 * any restart, each deadline fires exactly once: the commit that fires it is the one that closes it.
 */
export class DeadlinePoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private halted = false;

  constructor(
    private readonly transaction: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>,
    private readonly store: DeadlineStore,
    private readonly fire: (tx: EntityManager, due: DueDeadline) => Promise<void>,
    private readonly clock: Clock,
    private readonly pollMs: number,
    private readonly log: DeadlinePollerLog,
  ) {}

  start(): void {
    this.halted = false;
    this.schedule(0);
  }

  /** Lets the deadline in hand finish; nothing new is claimed afterwards. */
  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Fires every deadline due by the clock's now; answers how many fired. One that fails is passed over for
   * the rest of the round, so it cannot hold back the others; it is tried again at the next poll.
   */
  async fireDue(): Promise<number> {
    let fired = 0;
    const failed: string[] = [];
    while (!this.halted) {
      const now = this.clock.now();
      let claimed: DueDeadline | null;
      try {
        claimed = await this.transaction(async (tx) => {
          const due = await this.store.claimDueDeadline(tx, now, failed);
          if (!due) return null;
          try {
            await retryingInSavepoint(tx, () => this.fire(tx, due));
          } catch (error) {
            throw new DeadlineFailure(due, error);
          }
          return due;
        });
      } catch (error) {
        if (!(error instanceof DeadlineFailure)) throw error;
        failed.push(error.due.deadlineId);
        this.log.error({ deadlineId: error.due.deadlineId, err: String(error.cause) }, 'acknowledgement deadline could not fire');
        continue;
      }
      if (!claimed) break;
      fired++;
    }
    return fired;
  }

  private schedule(delayMs: number): void {
    if (this.halted) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.fireDue()
        .then(() => undefined)
        .catch((error) => this.log.warn({ err: String(error) }, 'acknowledgement deadlines could not fire; will retry'))
        .finally(() => {
          this.running = null;
          this.schedule(this.pollMs);
        });
    }, delayMs);
  }
}

class DeadlineFailure extends Error {
  constructor(
    readonly due: DueDeadline,
    override readonly cause: unknown,
  ) {
    super(`deadline ${due.deadlineId} could not fire`);
  }
}
