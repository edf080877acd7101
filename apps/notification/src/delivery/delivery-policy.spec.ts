import { ChannelProgress, decide, DispatchState, mayRetryLater } from './delivery-policy';

const limits = { attemptsPerChannel: 3, inDoubtAfterMs: 6_000 };
const now = new Date('2026-03-01T10:00:00Z');

function channel(overrides: Partial<ChannelProgress> & Pick<ChannelProgress, 'channel'>): ChannelProgress {
  return { available: true, status: null, failures: 0, inDoubt: null, failedThisRun: null, ...overrides };
}

function state(channels: ChannelProgress[], overrides: Partial<DispatchState> = {}): DispatchState {
  return { acknowledged: false, channels, mayRetryLater: true, ...overrides };
}

describe('delivery policy', () => {
  it('sends through the first channel in the recipient’s order', () => {
    expect(decide(state([channel({ channel: 'sms' }), channel({ channel: 'email' })]), now, limits)).toEqual({
      kind: 'send',
      channel: 'sms',
    });
  });

  it('skips channels whose provider is not configured, and uses only the inbox when none is', () => {
    const channels = [channel({ channel: 'sms', available: false }), channel({ channel: 'email' })];
    expect(decide(state(channels), now, limits)).toEqual({ kind: 'send', channel: 'email' });
    expect(decide(state([channel({ channel: 'sms', available: false })]), now, limits)).toEqual({
      kind: 'close',
      outcome: 'inbox_only',
    });
    expect(decide(state([]), now, limits)).toEqual({ kind: 'close', outcome: 'inbox_only' });
  });

  it('stops as soon as one channel got through', () => {
    const channels = [channel({ channel: 'sms', status: 'failed', failures: 3 }), channel({ channel: 'email', status: 'sent' })];
    expect(decide(state(channels), now, limits)).toEqual({ kind: 'close', outcome: 'reached' });
    expect(decide(state([channel({ channel: 'sms', status: 'delivered' })]), now, limits).kind).toBe('close');
  });

  it('stops sending once the centre acknowledged the referral', () => {
    expect(decide(state([channel({ channel: 'sms' })], { acknowledged: true }), now, limits)).toEqual({
      kind: 'close',
      outcome: 'acknowledged',
    });
  });

  it('waits for a redelivery after a transient failure while retries are left', () => {
    const failed = channel({ channel: 'sms', status: 'pending', failures: 1, failedThisRun: 'transient' });
    expect(decide(state([failed, channel({ channel: 'email' })]), now, limits)).toEqual({ kind: 'retry_later', channel: 'sms' });
  });

  it('tries the channel again on the redelivery', () => {
    const retried = channel({ channel: 'sms', status: 'pending', failures: 1 });
    expect(decide(state([retried]), now, limits)).toEqual({ kind: 'send', channel: 'sms' });
  });

  it('fails over at once when the breaker is open or the provider rejected the message', () => {
    const open = channel({ channel: 'sms', status: 'pending', failures: 1, failedThisRun: 'breaker_open' });
    expect(decide(state([open, channel({ channel: 'email' })]), now, limits)).toEqual({
      kind: 'give_up',
      channel: 'sms',
      reason: 'breaker_open',
    });
    const rejected = channel({ channel: 'telegram', status: 'pending', failures: 1, failedThisRun: 'rejected' });
    expect(decide(state([rejected]), now, limits)).toMatchObject({ kind: 'give_up', reason: 'rejected' });
  });

  it('fails over when the channel’s retries or the event’s redeliveries are spent', () => {
    const spent = channel({ channel: 'sms', status: 'pending', failures: 3, failedThisRun: 'transient' });
    expect(decide(state([spent]), now, limits)).toMatchObject({ kind: 'give_up', reason: 'retries_spent' });
    const noMoreDeliveries = channel({ channel: 'sms', status: 'pending', failures: 1, failedThisRun: 'transient' });
    expect(decide(state([noMoreDeliveries], { mayRetryLater: false }), now, limits)).toMatchObject({
      kind: 'give_up',
      reason: 'retries_spent',
    });
  });

  it('declares the recipient unreachable when every available channel failed', () => {
    const channels = [
      channel({ channel: 'sms', status: 'failed', failures: 2 }),
      channel({ channel: 'telegram', available: false }),
      channel({ channel: 'email', status: 'undelivered', failures: 0 }),
    ];
    expect(decide(state(channels), now, limits)).toEqual({ kind: 'unreachable', attempted: ['sms', 'email'] });
  });

  it('settles an attempt left in doubt by a crash, after any send in flight must have ended', () => {
    const queuedAt = new Date(now.getTime() - 2_000);
    const inDoubt = channel({ channel: 'email', status: 'pending', inDoubt: { attemptId: 'a1', queuedAt } });
    expect(decide(state([inDoubt]), now, limits)).toEqual({
      kind: 'settle_in_doubt',
      channel: 'email',
      attemptId: 'a1',
      waitMs: 4_000,
    });
    const old = channel({ channel: 'email', status: 'pending', inDoubt: { attemptId: 'a2', queuedAt: new Date(0) } });
    expect(decide(state([old]), now, limits)).toMatchObject({ kind: 'settle_in_doubt', waitMs: 0 });
  });

  it('settles a send in doubt even after the centre acknowledged, so no attempt stays queued', () => {
    const inDoubt = channel({ channel: 'sms', status: 'pending', inDoubt: { attemptId: 'a3', queuedAt: new Date(0) } });
    expect(decide(state([channel({ channel: 'email', status: 'failed' }), inDoubt], { acknowledged: true }), now, limits)).toMatchObject({
      kind: 'settle_in_doubt',
      channel: 'sms',
    });
  });

  it('keeps one delivery in reserve', () => {
    expect(mayRetryLater(1, 5)).toBe(true);
    expect(mayRetryLater(3, 5)).toBe(true);
    expect(mayRetryLater(4, 5)).toBe(false);
    expect(mayRetryLater(1, 1)).toBe(false);
  });
});
