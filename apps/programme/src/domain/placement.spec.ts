import { expireUnplaced, noteRoutingReasons, Placement, takeExpiry, withdrawPlacement } from './placement';

const EXPIRY = new Date('2026-04-01T05:00:00Z');
const DAY = 24 * 3_600_000;

const waiting = (): Placement => ({ orderId: 'o1', expiresAt: EXPIRY, state: 'waiting', reasons: [] });

describe('an order waiting for a programme', () => {
  it('ends expired_unplaced at its expiry when no programme started, keeping the routing reasons', () => {
    const p = waiting();
    noteRoutingReasons(p, ['naryn-asylzat: no_free_slot_before_expiry', 'bishkek-shans: beyond_reach']);
    noteRoutingReasons(p, ['naryn-asylzat: no_free_slot_before_expiry']);
    expect(expireUnplaced(p, false, EXPIRY)).toBe(true);
    expect(p).toMatchObject({ state: 'expired_unplaced', reasons: ['naryn-asylzat: no_free_slot_before_expiry', 'bishkek-shans: beyond_reach'] });
  });

  it('ends once: a second firing, a placed order or a withdrawn one has no such outcome', () => {
    const p = waiting();
    expect(expireUnplaced(p, false, EXPIRY)).toBe(true);
    expect(expireUnplaced(p, false, EXPIRY)).toBe(false);
    expect(expireUnplaced(waiting(), true, EXPIRY)).toBe(false);
    const withdrawn = waiting();
    withdrawPlacement(withdrawn);
    expect(expireUnplaced(withdrawn, false, EXPIRY)).toBe(false);
  });

  it('takes an extension, so the timer of the old expiry says nothing; an earlier expiry seen late changes nothing', () => {
    const p = waiting();
    expect(takeExpiry(p, new Date(EXPIRY.getTime() + 14 * DAY))).toBe(true);
    expect(expireUnplaced(p, false, EXPIRY)).toBe(false);
    expect(takeExpiry(p, EXPIRY)).toBe(false);
    expect(expireUnplaced(p, false, new Date(EXPIRY.getTime() + 14 * DAY))).toBe(true);
  });

  it('waits for its expiry to be known before it can end', () => {
    const p: Placement = { orderId: 'o1', expiresAt: null, state: 'waiting', reasons: [] };
    expect(expireUnplaced(p, false, EXPIRY)).toBe(false);
    expect(takeExpiry(p, EXPIRY)).toBe(true);
  });
});
