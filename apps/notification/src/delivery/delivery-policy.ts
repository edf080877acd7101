import { ExternalChannel } from '@korgoo/contracts';

/** Tries of one channel for one intent before the next channel is used. */
export const ATTEMPTS_PER_CHANNEL = 3;

export type NotificationStatus = 'pending' | 'sent' | 'delivered' | 'failed' | 'undelivered';

/** How the last attempt made in this run ended, when it failed. */
export type FailureKind = 'transient' | 'rejected' | 'breaker_open';

export interface ChannelProgress {
  channel: ExternalChannel;
  /** A provider is configured for the channel in this deployment. */
  available: boolean;
  /** Null until the channel's turn comes. */
  status: NotificationStatus | null;
  failures: number;
  /** An attempt reserved before a send whose result was never recorded (the process stopped). */
  inDoubt: { attemptId: string; queuedAt: Date } | null;
  failedThisRun: FailureKind | null;
}

export interface DispatchState {
  acknowledged: boolean;
  /** In the recipient's order. */
  channels: ChannelProgress[];
  /** Whether the event may still be redelivered for a retry without running out of deliveries. */
  mayRetryLater: boolean;
}

export interface DispatchLimits {
  attemptsPerChannel: number;
  /** After this, a send that was in flight when the process stopped is certainly over. */
  inDoubtAfterMs: number;
}

export type Decision =
  | { kind: 'close'; outcome: 'acknowledged' | 'reached' | 'inbox_only' }
  | { kind: 'unreachable'; attempted: ExternalChannel[] }
  | { kind: 'send'; channel: ExternalChannel }
  | { kind: 'settle_in_doubt'; channel: ExternalChannel; attemptId: string; waitMs: number }
  | { kind: 'retry_later'; channel: ExternalChannel }
  | { kind: 'give_up'; channel: ExternalChannel; reason: 'breaker_open' | 'rejected' | 'retries_spent' };

/**
 * The next step for one intent: the first channel that has not succeeded or been given up gets the turn;
 * a transient failure waits for a redelivery while retries are left, an open breaker or a rejection moves
 * straight on to the next channel, and when none is left the recipient is unreachable.
 */
export function decide(state: DispatchState, now: Date, limits: DispatchLimits): Decision {
  // A send left in doubt is settled first, whatever happened since: no attempt may stay queued for ever.
  const inDoubt = state.channels.find((progress) => progress.inDoubt);
  if (inDoubt?.inDoubt) {
    const waitMs = Math.max(0, inDoubt.inDoubt.queuedAt.getTime() + limits.inDoubtAfterMs - now.getTime());
    return { kind: 'settle_in_doubt', channel: inDoubt.channel, attemptId: inDoubt.inDoubt.attemptId, waitMs };
  }
  if (state.acknowledged) return { kind: 'close', outcome: 'acknowledged' };
  const available = state.channels.filter((progress) => progress.available);
  for (const progress of available) {
    const { channel } = progress;
    if (progress.status === 'sent' || progress.status === 'delivered') return { kind: 'close', outcome: 'reached' };
    if (progress.status === 'failed' || progress.status === 'undelivered') continue;
    if (progress.failedThisRun === 'breaker_open') return { kind: 'give_up', channel, reason: 'breaker_open' };
    if (progress.failedThisRun === 'rejected') return { kind: 'give_up', channel, reason: 'rejected' };
    if (progress.failures >= limits.attemptsPerChannel) return { kind: 'give_up', channel, reason: 'retries_spent' };
    if (progress.failedThisRun === 'transient') {
      return state.mayRetryLater ? { kind: 'retry_later', channel } : { kind: 'give_up', channel, reason: 'retries_spent' };
    }
    return { kind: 'send', channel };
  }
  if (available.length === 0) return { kind: 'close', outcome: 'inbox_only' };
  return { kind: 'unreachable', attempted: available.map((progress) => progress.channel) };
}

/**
 * Redeliveries are bounded by the consumer's max deliveries, counted as JetStream counts them (earlier
 * deliveries that failed before any dispatch included, as the consumer counts them when it chooses the dead
 * letters); one is kept in reserve so that a run never asks for a retry the consumer would turn into a dead
 * letter instead.
 */
export function mayRetryLater(deliveriesSoFar: number, maxDeliver: number): boolean {
  return deliveriesSoFar < maxDeliver - 1;
}
