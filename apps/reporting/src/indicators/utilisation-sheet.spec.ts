import { IndicatorSheet } from '@korgoo/contracts';
import { IndicatorQuery } from './indicator-query';
import { RosterSnapshot } from './utilisation';
import { PairHoursInput, utilisationSheet } from './utilisation-sheet';

const bishkek = (local: string) => new Date(`${local}+06:00`);
// Mondays 09:00-13:00 for one man and one woman: five Mondays in March 2026 (20 h), four in April (16 h).
const mondays = [{ weekday: 1, start: '09:00', end: '13:00' }];
const pair = (centreId: string, oblast: string): RosterSnapshot => ({
  centreId,
  oblast,
  open: true,
  effectiveFrom: bishkek('2026-01-01T00:00'),
  facilitators: [
    { sex: 'male', certifiedOn: '2025-01-01', weekly: mondays, absences: [] },
    { sex: 'female', certifiedOn: '2025-01-01', weekly: mondays, absences: [] },
  ],
});
const session = (programmeId: string, centreId: string, sessionKey: string, startsAt: string) => ({
  programmeId,
  centreId,
  sessionKey,
  startsAt: bishkek(startsAt),
  endsAt: new Date(bishkek(startsAt).getTime() + 4 * 3_600_000),
});

const input: PairHoursInput = {
  rosters: [pair('naryn-a', 'Naryn'), pair('chuy-b', 'Chuy')],
  holds: [
    session('p1', 'naryn-a', 'g1', '2026-03-02T09:00'),
    session('p2', 'naryn-a', 'g1', '2026-03-02T09:00'),
    session('p2', 'naryn-a', 's2', '2026-04-06T09:00'),
    session('p3', 'chuy-b', 's3', '2026-03-09T09:00'),
  ],
  endedAt: new Map(),
};

const query = (extra: Partial<IndicatorQuery>): IndicatorQuery => ({ scope: { kind: 'national' }, from: '2026-03', to: '2026-04', groupBy: 'month', ...extra });
const table = (sheet: IndicatorSheet) => Object.fromEntries([...sheet.rows.map((r) => [r.key, r.values]), ['total', sheet.total]]);

describe('the facilitator utilisation sheet', () => {
  it('gives rostered and booked pair-hours and their ratio by the month the sessions fall in', () => {
    const sheet = utilisationSheet(input, query({}));
    expect(sheet.columns.map((c) => c.key)).toEqual(['pair_hours_rostered', 'pair_hours_booked', 'facilitator_utilisation_percent']);
    expect(table(sheet)).toEqual({ '2026-03': [40, 8, 20], '2026-04': [32, 4, 12.5], total: [72, 12, 16.7] });
  });

  it('breaks down by centre and by the centre’s oblast, and shows centre staff their centre alone', () => {
    expect(table(utilisationSheet(input, query({ groupBy: 'centre' })))).toEqual({ 'chuy-b': [36, 4, 11.1], 'naryn-a': [36, 8, 22.2], total: [72, 12, 16.7] });
    expect(table(utilisationSheet(input, query({ groupBy: 'oblast', oblast: 'Naryn' })))).toEqual({ Naryn: [36, 8, 22.2], total: [36, 8, 22.2] });
    expect(table(utilisationSheet(input, query({ groupBy: 'centre', scope: { kind: 'centre', centreId: 'chuy-b' } })))).toEqual({ 'chuy-b': [36, 4, 11.1], total: [36, 4, 11.1] });
  });

  it('has only its total by sex or risk, and nothing for a police unit', () => {
    expect(table(utilisationSheet(input, query({ groupBy: 'sex' })))).toEqual({ total: [72, 12, 16.7] });
    expect(table(utilisationSheet(input, query({ groupBy: 'unit', unit: 'naryn-riib' })))).toEqual({ total: [0, 0, null] });
  });
});
