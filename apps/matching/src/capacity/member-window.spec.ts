import { farEnoughApart } from '@korgoo/contracts';
import { bishkekInstant } from './bishkek-time';
import { memberWindow } from './member-window';

const t = bishkekInstant;
const session = (index: number, at: string) => ({ index, startsAt: t(at), endsAt: new Date(t(at).getTime() + 4 * 3_600_000) });

describe('when a member may meet instead', () => {
  it('keeps a week from the session before and the session after, counted in Bishkek days', () => {
    const third = session(3, '2026-12-16T14:00');
    const window = memberWindow(third, [session(1, '2026-12-02T10:00'), session(2, '2026-12-09T10:00'), session(4, '2026-12-23T14:00')], t('2027-01-10'));
    expect(window.earliest).toEqual(t('2026-12-15'));
    expect(window.latest).toEqual(new Date(t('2026-12-18').getTime() - 1));
    expect(farEnoughApart(t('2026-12-09T10:00'), window.earliest)).toBe(true);
    expect(farEnoughApart(window.latest, t('2026-12-23T14:00'))).toBe(true);
  });

  it('ends the last session by the order’s expiry', () => {
    const fourth = session(4, '2026-12-23T14:00');
    const window = memberWindow(fourth, [session(3, '2026-12-16T14:00')], t('2026-12-26T12:00'));
    expect(window.earliest).toEqual(t('2026-12-22'));
    expect(window.latest).toEqual(t('2026-12-26T08:00'));
  });
});
