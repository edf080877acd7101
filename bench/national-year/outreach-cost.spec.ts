import { windows } from '../../apps/matching/src/directory/demo/demo-directory';
import { outreachHours, priced, rosteredHours, SOM_PER_FACILITATOR_HOUR } from './outreach-cost';

describe('pricing outreach against new facilitators', () => {
  it('counts a trip as its sessions plus the road both ways, for both of the pair', () => {
    // One four-hour session five hours away: (4 + 2 x 5) x 2 people.
    expect(outreachHours([{ sessions: 1, travelMinutesOneWay: 300 }])).toBe(28);
    // Two sessions on one trip share the road.
    expect(outreachHours([{ sessions: 2, travelMinutesOneWay: 300 }])).toBe(36);
    expect(outreachHours([{ sessions: 1, travelMinutesOneWay: 300 }, { sessions: 1, travelMinutesOneWay: 240 }])).toBe(28 + 24);
  });

  it('costs nothing for a day with nothing booked: the pair stays at its centre', () => {
    expect(outreachHours([{ sessions: 0, travelMinutesOneWay: 300 }])).toBe(0);
    expect(outreachHours([])).toBe(0);
  });

  it('pays new facilitators their whole rostered week, every week', () => {
    const typical = windows([1, 2, 3, 4, 5], '09:00', '18:00');
    expect(rosteredHours(1, typical, 1)).toBe(45);
    expect(rosteredHours(2, typical, 52)).toBe(2 * 45 * 52);
    // Overlapping windows on one day are one stretch of work.
    expect(rosteredHours(1, [...windows([1], '09:00', '13:00'), ...windows([1], '12:00', '14:00')], 1)).toBe(5);
    expect(rosteredHours(0, typical, 52)).toBe(0);
  });

  it('prices hours at 300 som per person, per order newly placed', () => {
    expect(SOM_PER_FACILITATOR_HOUR).toBe(300);
    expect(priced(28, 2)).toEqual({ hours: 28, som: 8400, somPerOrder: 4200 });
    expect(priced(100, 4, 250)).toEqual({ hours: 100, som: 25_000, somPerOrder: 6250 });
  });

  it('has no price per order when nothing is newly placed', () => {
    expect(priced(28, 0).somPerOrder).toBeNull();
    expect(priced(28, -3).somPerOrder).toBeNull();
    expect(priced(0, 0)).toEqual({ hours: 0, som: 0, somPerOrder: null });
  });
});
