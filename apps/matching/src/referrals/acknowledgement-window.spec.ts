import { loadConfig } from '@korgoo/config';
import { loadMatchingSettings } from '../matching-settings';
import { acknowledgeBy, acknowledgeWindowMs, parseAcknowledgeWindows, shortenedDeadline } from './acknowledgement-window';

describe('acknowledgement windows', () => {
  it('follow the risk policy hours by default', () => {
    expect(acknowledgeWindowMs('urgent', 1)).toBe(3_600_000);
    expect(acknowledgeWindowMs('standard', 24, { urgent: 5_000 })).toBe(24 * 3_600_000);
  });

  it('can be shortened per priority for rehearsals and tests', () => {
    const windows = parseAcknowledgeWindows('urgent=3s, high=1.5m,standard=2h');
    expect(windows).toEqual({ urgent: 3_000, high: 90_000, standard: 7_200_000 });
    expect(acknowledgeWindowMs('urgent', 1, windows)).toBe(3_000);
  });

  it.each(['urgent=3', 'soon=3s', 'urgent=0.5s', 'urgent:3s'])('refuses %s', (text) => {
    expect(() => parseAcknowledgeWindows(text)).toThrow(RangeError);
  });

  it('are refused in production', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ACKNOWLEDGE_WINDOWS: 'urgent=3s' };
    expect(() => loadConfig('matching', env)).toThrow('production');
    const test = { NODE_ENV: 'test', ACKNOWLEDGE_WINDOWS: 'urgent=3s' };
    expect(loadMatchingSettings(loadConfig('matching', test))).toMatchObject({
      handOffLimit: 2,
      firstSessionMarginHours: 24,
      acknowledgeWindows: { urgent: 3_000 },
    });
  });
});

describe('a reassessment and the acknowledgement deadline', () => {
  const current = new Date('2026-12-01T12:00:00Z');
  const now = new Date('2026-12-01T08:00:00Z');

  it('brings the deadline forward when the new window ends sooner', () => {
    expect(shortenedDeadline(current, now, 3_600_000)).toEqual(new Date('2026-12-01T09:00:00Z'));
  });

  it('starts from the moment of the proposal', () => {
    expect(acknowledgeBy(now, 'high', 4)).toEqual(new Date('2026-12-01T12:00:00Z'));
    expect(acknowledgeBy(now, 'urgent', 1, { urgent: 30_000 })).toEqual(new Date('2026-12-01T08:00:30Z'));
  });

  it('never pushes it back', () => {
    expect(shortenedDeadline(current, now, 24 * 3_600_000)).toBeNull();
    expect(shortenedDeadline(current, now, 4 * 3_600_000)).toBeNull();
  });
});
