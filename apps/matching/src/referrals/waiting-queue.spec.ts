import { compareWaiting, queuePlacementReason, servingOrder, WaitingReferral } from './waiting-queue';

const waiting = (referralNumber: string, priority: WaitingReferral['priority'], expiresAt: string): WaitingReferral => ({
  referralNumber,
  priority,
  expiresAt,
});

describe('the queue of orders waiting for capacity', () => {
  const now = new Date('2027-01-10T00:00:00Z');

  it('serves urgent before high before standard, whatever the arrival order', () => {
    const queue = [
      waiting('R-1', 'standard', '2027-01-12T00:00:00Z'),
      waiting('R-2', 'high', '2027-02-01T00:00:00Z'),
      waiting('R-3', 'urgent', '2027-02-05T00:00:00Z'),
    ];
    expect(servingOrder(queue, now).map((w) => w.referralNumber)).toEqual(['R-3', 'R-2', 'R-1']);
  });

  it('serves the order with the fewest days left first within one priority', () => {
    const queue = ['2027-02-01', '2027-01-20', '2027-01-25'].map((day, i) => waiting(`R-${i + 1}`, 'urgent', `${day}T00:00:00Z`));
    expect(servingOrder(queue, now).map((w) => w.referralNumber)).toEqual(['R-2', 'R-3', 'R-1']);
  });

  it('leaves out orders that have already ended', () => {
    const queue = [waiting('R-1', 'urgent', '2027-01-09T23:59:00Z'), waiting('R-2', 'standard', '2027-01-30T00:00:00Z')];
    expect(servingOrder(queue, now).map((w) => w.referralNumber)).toEqual(['R-2']);
  });

  it('breaks exact ties by referral number so every replica serves the same order', () => {
    const a = waiting('R-1', 'high', '2027-01-20T00:00:00Z');
    const b = waiting('R-2', 'high', '2027-01-20T00:00:00Z');
    expect(compareWaiting(a, b)).toBeLessThan(0);
    expect(compareWaiting(b, a)).toBeGreaterThan(0);
    expect(compareWaiting(a, a)).toBe(0);
  });

  it('does not change the list it is given', () => {
    const queue = [waiting('R-1', 'standard', '2027-01-20T00:00:00Z'), waiting('R-2', 'urgent', '2027-01-20T00:00:00Z')];
    servingOrder(queue, now);
    expect(queue.map((w) => w.referralNumber)).toEqual(['R-1', 'R-2']);
  });

  it('records a placement after an extension as the extension, every other one as capacity freed', () => {
    expect(queuePlacementReason('order_extended')).toBe('order_extended');
    expect(queuePlacementReason('declined')).toBe('capacity_freed');
    expect(queuePlacementReason('directory_changed')).toBe('capacity_freed');
  });
});
