import { exceptionProblems, settlementOf, weeklyProblems } from './directory-rules';

describe('directory rules', () => {
  it('accepts a plain week, including a window closing at midnight', () => {
    expect(
      weeklyProblems([
        { weekday: 1, start: '09:00', end: '13:00' },
        { weekday: 1, start: '14:00', end: '18:00' },
        { weekday: 6, start: '20:00', end: '24:00' },
      ]),
    ).toEqual([]);
  });

  it('names a window that ends before it starts', () => {
    expect(weeklyProblems([{ weekday: 2, start: '18:00', end: '09:00' }])).toEqual(['weekly[0].end must be after weekly[0].start']);
  });

  it('names overlapping windows of one weekday', () => {
    expect(
      weeklyProblems([
        { weekday: 3, start: '09:00', end: '13:00' },
        { weekday: 4, start: '09:00', end: '13:00' },
        { weekday: 3, start: '12:00', end: '16:00' },
      ]),
    ).toEqual(['weekly[2] overlaps weekly[0] on weekday 3']);
  });

  it('needs an exception to end after it starts', () => {
    expect(exceptionProblems({ from: '2026-12-30T00:00:00+06:00', to: '2027-01-03T00:00:00+06:00' })).toEqual([]);
    expect(exceptionProblems({ from: '2026-12-30T00:00:00+06:00', to: '2026-12-30T00:00:00+06:00' })).toEqual([
      'exception.to must be after exception.from',
    ]);
  });

  it('places a centre in a gazetteer settlement and its oblast', () => {
    expect(settlementOf('naryn')).toMatchObject({ code: 'naryn', oblast: 'Naryn' });
    expect(settlementOf('atlantis')).toBe('settlementCode atlantis is not in the gazetteer');
  });
});
