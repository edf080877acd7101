import { rosterOf, RosterFacilitator, sameRoster } from './roster';

const facilitator = (overrides: Partial<RosterFacilitator> = {}): RosterFacilitator => ({
  sex: 'female',
  certifiedOn: '2025-02-01',
  active: true,
  weekly: [{ weekday: 1, start: '09:00', end: '13:00' }],
  exceptions: [],
  ...overrides,
});
const centre = { id: 'naryn-asylzat', oblast: 'Naryn' as const, status: 'open' as const };

describe('a centre roster as announced', () => {
  it('keeps only facilitators who may run sessions, as sex, certification, windows and absences', () => {
    const roster = rosterOf('naryn-asylzat', centre, [
      facilitator({ exceptions: [{ from: '2026-03-09T00:00:00+06:00', to: '2026-03-10T00:00:00+06:00' }] }),
      facilitator({ active: false }),
      facilitator({ certifiedOn: null }),
    ]);
    expect(roster).toEqual({
      centreId: 'naryn-asylzat',
      oblast: 'Naryn',
      open: true,
      facilitators: [
        {
          sex: 'female',
          certifiedOn: '2025-02-01',
          weekly: [{ weekday: 1, start: '09:00', end: '13:00' }],
          absences: [{ from: '2026-03-08T18:00:00.000Z', to: '2026-03-09T18:00:00.000Z' }],
        },
      ],
    });
  });

  it('compares equal whatever the order of facilitators, windows or keys, and differs when time changes', () => {
    const man = facilitator({ sex: 'male', weekly: [{ weekday: 2, start: '10:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '13:00' }] });
    const a = rosterOf('c', centre, [facilitator(), man]);
    const b = rosterOf('c', centre, [man, facilitator()]);
    const stored = JSON.parse(JSON.stringify({ open: a.open, facilitators: a.facilitators, oblast: a.oblast, centreId: a.centreId }));
    expect(sameRoster(b, stored)).toBe(true);
    expect(sameRoster(a, null)).toBe(false);
    expect(sameRoster(rosterOf('c', { ...centre, status: 'paused' }, [facilitator(), man]), a)).toBe(false);
    expect(sameRoster(rosterOf('c', centre, [facilitator()]), a)).toBe(false);
  });

  it('is empty for a centre that no longer exists', () => {
    expect(rosterOf('gone', null, [facilitator()])).toEqual({ centreId: 'gone', open: false, facilitators: [] });
  });
});
