import { meanConnectionWaits, readingOf } from './connection-waits';

describe('connection waits', () => {
  it('names the service and what an active connection waits for, or that it runs', () => {
    expect(readingOf({ application_name: 'korgoo-gateway', state: 'active', wait_event_type: 'Lock', wait_event: 'advisory' })).toEqual({
      service: 'gateway',
      doing: 'Lock:advisory',
    });
    expect(readingOf({ application_name: 'korgoo-risk', state: 'active', wait_event_type: null, wait_event: null })).toEqual({
      service: 'risk',
      doing: 'running',
    });
  });

  it('tells a connection holding a transaction open between statements by its state, whatever it waits for', () => {
    const row = { application_name: 'korgoo-matching', state: 'idle in transaction', wait_event_type: 'Client', wait_event: 'ClientRead' };
    expect(readingOf(row)).toEqual({ service: 'matching', doing: 'idle in transaction' });
  });

  it('averages each service’s connections per reading over every reading, empty ones included', () => {
    const lock = { service: 'gateway', doing: 'Lock:advisory' };
    const sync = { service: 'gateway', doing: 'IO:WALSync' };
    const risk = { service: 'risk', doing: 'running' };
    expect(meanConnectionWaits([[lock, lock, sync], [lock, risk], [], []])).toEqual({
      gateway: { 'Lock:advisory': 0.75, 'IO:WALSync': 0.25 },
      risk: { running: 0.25 },
    });
  });

  it('gives nothing, not a division by zero, when nothing was read', () => {
    expect(meanConnectionWaits([])).toEqual({});
  });
});
