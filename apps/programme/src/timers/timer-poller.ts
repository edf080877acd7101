import { Logger } from 'pino';
import { Clock } from '@korgoo/platform/core';
import { Outbox } from '@korgoo/messaging';
import { ProgrammeStore } from '../programmes/programme-store';
import { FireTimer } from './fire-timer';

/**
 * Polls for due programme timers by the injected clock. Each is claimed and fired in one transaction
 * (FOR UPDATE SKIP LOCKED), so with any number of replicas and across restarts each fires once.
 */
export class TimerPoller {
  private handle: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private halted = true;

  constructor(
    private readonly outbox: Outbox,
    private readonly store: ProgrammeStore,
    private readonly fire: FireTimer,
    private readonly clock: Clock,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.halted = false;
    this.next(0);
  }

  async stop(): Promise<void> {
    this.halted = true;
    if (this.handle) clearTimeout(this.handle);
    await this.round;
  }

  /** Fires everything due now; a timer that fails is passed over until the next round. */
  async fireDue(): Promise<number> {
    const failed: string[] = [];
    let fired = 0;
    while (!this.halted) {
      const now = this.clock.now();
      const outcome = await this.outbox
        .transaction(async (tx) => {
          const due = await this.store.claimDueTimer(tx, now, failed);
          if (due) await this.fire.execute(tx, due);
          return due ? 'fired' : 'none';
        })
        .catch((error: unknown) => {
          this.log.error({ err: String(error) }, 'programme timer could not fire; retried next round');
          return 'failed' as const;
        });
      if (outcome === 'none' || outcome === 'failed') break;
      fired++;
    }
    return fired;
  }

  private next(delayMs: number): void {
    if (this.halted) return;
    this.handle = setTimeout(() => {
      this.round = this.fireDue()
        .then(() => undefined)
        .finally(() => {
          this.round = null;
          this.next(this.pollMs);
        });
    }, delayMs);
  }
}
