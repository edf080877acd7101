import { farEnoughApart } from '@korgoo/contracts';
import { bishkekInstant } from './bishkek-time';
import { memberWindow } from './member-window';

const t = bishkekInstant;
const session = (index: number, at: string) => ({ index, startsAt: t(at), endsAt: new Date(t(at).getTime() + 4 * 3_600_000) });
const endOf = (day: string) => new Date(t(day).getTime() + 24 * 3_600_000 - 1);

describe('when a member may meet instead', () => {
  it('keeps 6 to 8 Bishkek days from the session before and the session after', () => {
    const third = session(3, '2026-12-16T14:00');
    const window = memberWindow(third, [session(1, '2026-12-02T10:00'), session(2, '2026-12-09T10:00'), session(4, '2026-12-23T14:00')], t('2027-01-10'));
    expect(window.earliest).toEqual(t('2026-12-15'));
    expect(window.latest).toEqual(endOf('2026-12-17'));
    expect(farEnoughApart(t('2026-12-09T10:00'), window.earliest)).toBe(true);
    expect(farEnoughApart(window.latest, t('2026-12-23T14:00'))).toBe(true);
  });

  it('never leaves more than 8 days to a neighbour, however far the other one is', () => {
    const third = session(3, '2026-12-16T14:00');
    const window = memberWindow(third, [session(2, '2026-12-06T10:00'), session(4, '2026-12-30T14:00')], t('2027-01-10'));
    expect(window.earliest).toEqual(t('2026-12-22'));
    expect(window.latest).toEqual(endOf('2026-12-14'));
  });

  it('ends the last session by the order’s expiry', () => {
    const fourth = session(4, '2026-12-23T14:00');
    const window = memberWindow(fourth, [session(3, '2026-12-16T14:00')], t('2026-12-24T12:00'));
    expect(window.earliest).toEqual(t('2026-12-22'));
    expect(window.latest).toEqual(t('2026-12-24T08:00'));
  });
});
