import { Clock } from './clock';
import { failureDetails } from './pg-failure';

/** What a poller needs of a durable set of due items (deadlines, timers) kept in one store. */
export interface DueWork<Tx, Due> {
  /**
   * The earliest item due by `now` and not in `passOver`, claimed for this transaction so no other replica
   * takes it (FOR UPDATE SKIP LOCKED in Postgres); null when none is due.
   */
  claimDue(tx: Tx, now: Date, passOver: readonly string[]): Promise<Due | null>;
  /** Fires one claimed item in the claiming transaction, so the commit that fires it is the one that closes it. */
  fire(tx: Tx, due: Due): Promise<void>;
  idOf(due: Due): string;
}

/** Runs work in a transaction, or, for a peek, on a connection outside any (each statement its own). */
export type DueRunner<Tx> = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export interface DuePollerSettings {
  /** What fires, as the logs name it: "acknowledgement deadline", "programme timer". */
  name: string;
  pollMs: number;
}

export interface DuePollerLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Fires due items kept in a store, by the injected clock. Each is claimed and fired in one transaction, so
 * with any number of replicas and across restarts each fires once. Rounds never overlap: a round asked for
 * while one runs starts after it. An item that fails to fire is passed over for the rest of the round, so it
 * cannot hold the others back, and is tried again next round. A round first looks outside a transaction
 * (`peek`): most find nothing due, and that look is one statement where a claim costs BEGIN, it and COMMIT;
 * its lock, if it found something, ends with the statement, and the claim that fires is taken again inside.
 */
export class DuePoller<Tx, Due> {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> = Promise.resolve();
  private halted = false;

  constructor(
    private readonly transaction: DueRunner<Tx>,
    private readonly peek: DueRunner<Tx>,
    private readonly work: DueWork<Tx, Due>,
    private readonly clock: Clock,
    private readonly settings: DuePollerSettings,
    private readonly log: DuePollerLog,
  ) {}

  start(): void {
    this.halted = false;
    this.schedule(0);
  }

  /** Lets the round in hand finish; nothing is claimed afterwards. */
  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  /** Fires everything due by the clock's now, after any round still running; answers how many fired. */
  fireDue(): Promise<number> {
    const next = this.round.then(() => this.fireRound());
    this.round = next.catch(() => undefined);
    return next;
  }

  private async fireRound(): Promise<number> {
    let fired = 0;
    const passOver: string[] = [];
    if (this.halted || !(await this.peek((db) => this.work.claimDue(db, this.clock.now(), passOver)))) return fired;
    while (!this.halted) {
      const now = this.clock.now();
      let claimed: Due | null;
      try {
        claimed = await this.transaction(async (tx) => {
          const due = await this.work.claimDue(tx, now, passOver);
          if (!due) return null;
          try {
            await this.work.fire(tx, due);
          } catch (error) {
            throw new FireFailure(this.work.idOf(due), error);
          }
          return due;
        });
      } catch (error) {
        if (!(error instanceof FireFailure)) throw error;
        passOver.push(error.dueId);
        this.log.error({ dueId: error.dueId, ...failureDetails(error.cause) }, `${this.settings.name} could not fire`);
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
      this.fireDue()
        .catch((error) => this.log.warn(failureDetails(error), `${this.settings.name}s could not be claimed; will retry`))
        .finally(() => this.schedule(this.settings.pollMs));
    }, delayMs);
  }
}

class FireFailure extends Error {
  constructor(
    readonly dueId: string,
    override readonly cause: unknown,
  ) {
    super(`${dueId} could not fire`);
  }
}
