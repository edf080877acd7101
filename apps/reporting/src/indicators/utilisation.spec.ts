import { bookedPairMinutes, PairSessionHold, RosteredFacilitator, rosteredPairMinutes, RosterSnapshot, utilisationPercent } from './utilisation';

// March 2026 in Bishkek: Sunday the 1st to Tuesday the 31st; five Sundays, Mondays and Tuesdays.
const MARCH = '2026-03';
const bishkek = (local: string) => new Date(`${local}+06:00`);

const person = (sex: RosteredFacilitator['sex'], weekly: RosteredFacilitator['weekly'], extra: Partial<RosteredFacilitator> = {}): RosteredFacilitator => ({
  sex,
  certifiedOn: '2025-01-10',
  weekly,
  absences: [],
  ...extra,
});
const monday = (start: string, end: string) => [{ weekday: 1, start, end }];
const roster = (facilitators: RosteredFacilitator[], extra: Partial<RosterSnapshot> = {}): RosterSnapshot => ({
  centreId: 'naryn-asylzat',
  oblast: 'Naryn',
  open: true,
  effectiveFrom: bishkek('2026-01-01T00:00'),
  facilitators,
  ...extra,
});

describe('rostered pair-hours of a centre in a month', () => {
  it('counts the time a man and a woman are rostered together, on every such weekday of the month', () => {
    const pair = [person('male', monday('09:00', '13:00')), person('female', monday('10:00', '14:00'))];
    expect(rosteredPairMinutes([roster(pair)], MARCH)).toBe(5 * 3 * 60);
  });

  it('makes as many pairs at a time as the smaller side has people', () => {
    const twoMen = [person('male', monday('09:00', '13:00')), person('male', monday('09:00', '13:00')), person('female', monday('09:00', '13:00'))];
    expect(rosteredPairMinutes([roster(twoMen)], MARCH)).toBe(5 * 4 * 60);
    const twoPairs = [...twoMen, person('female', monday('11:00', '15:00'))];
    expect(rosteredPairMinutes([roster(twoPairs)], MARCH)).toBe(5 * (4 + 2) * 60);
    expect(rosteredPairMinutes([roster([person('male', monday('09:00', '13:00'))])], MARCH)).toBe(0);
  });

  it('counts a facilitator’s overlapping windows once', () => {
    const overlapping = [person('male', [...monday('09:00', '12:00'), ...monday('10:00', '13:00')]), person('female', monday('09:00', '13:00'))];
    expect(rosteredPairMinutes([roster(overlapping)], MARCH)).toBe(5 * 4 * 60);
  });

  it('takes days by the Bishkek calendar: a window early on Sunday the 1st belongs to March', () => {
    const sundays = [{ weekday: 7, start: '00:00', end: '02:00' }];
    expect(rosteredPairMinutes([roster([person('male', sundays), person('female', sundays)])], MARCH)).toBe(5 * 2 * 60);
    const lateTuesday = [{ weekday: 2, start: '20:00', end: '24:00' }];
    expect(rosteredPairMinutes([roster([person('male', lateTuesday), person('female', lateTuesday)])], MARCH)).toBe(5 * 4 * 60);
  });

  it('leaves out an absence, and days before certification', () => {
    const leave = { from: bishkek('2026-03-09T00:00'), to: bishkek('2026-03-10T00:00') };
    const absent = [person('male', monday('09:00', '13:00')), person('female', monday('09:00', '13:00'), { absences: [leave] })];
    expect(rosteredPairMinutes([roster(absent)], MARCH)).toBe(4 * 4 * 60);
    const halfDay = { from: bishkek('2026-03-16T11:00'), to: bishkek('2026-03-16T12:00') };
    expect(rosteredPairMinutes([roster([absent[0], person('female', monday('09:00', '13:00'), { absences: [halfDay] })])], MARCH)).toBe(5 * 4 * 60 - 60);
    const lateCertified = [person('male', monday('09:00', '13:00')), person('female', monday('09:00', '13:00'), { certifiedOn: '2026-03-20' })];
    expect(rosteredPairMinutes([roster(lateCertified)], MARCH)).toBe(2 * 4 * 60);
  });

  it('follows each roster from when it took effect, in whatever order they arrived, and counts nothing while paused', () => {
    const pair = [person('male', monday('09:00', '13:00')), person('female', monday('09:00', '13:00'))];
    const womanLeft = roster([pair[0]], { effectiveFrom: bishkek('2026-03-16T00:00') });
    expect(rosteredPairMinutes([womanLeft, roster(pair)], MARCH)).toBe(2 * 4 * 60);
    // A change in the middle of a Monday's window.
    expect(rosteredPairMinutes([roster(pair), roster([pair[0]], { effectiveFrom: bishkek('2026-03-02T11:00') })], MARCH)).toBe(2 * 60);
    expect(rosteredPairMinutes([roster(pair, { open: false })], MARCH)).toBe(0);
    expect(rosteredPairMinutes([roster(pair, { effectiveFrom: bishkek('2026-04-01T00:00') })], MARCH)).toBe(0);
    expect(rosteredPairMinutes([], MARCH)).toBe(0);
  });
});

describe('booked pair-hours and utilisation', () => {
  const hold = (programmeId: string, sessionKey: string, startsAt: string, hours = 4): PairSessionHold => ({
    programmeId,
    centreId: 'naryn-asylzat',
    sessionKey,
    startsAt: bishkek(startsAt),
    endsAt: new Date(bishkek(startsAt).getTime() + hours * 3_600_000),
  });

  it('counts a group session shared by several programmes once, in the Bishkek month it starts', () => {
    const holds = [hold('p1', 's-ind', '2026-03-02T09:00'), hold('p1', 's-group', '2026-03-10T09:00'), hold('p2', 's-group', '2026-03-10T09:00'), hold('p2', 's-april', '2026-04-01T02:00')];
    expect(bookedPairMinutes(holds, new Map(), MARCH)).toBe(8 * 60);
    expect(bookedPairMinutes(holds, new Map(), '2026-04')).toBe(4 * 60);
  });

  it('drops the sessions a programme gave back when it ended, unless another programme still holds them', () => {
    const holds = [hold('p1', 's-a', '2026-03-02T09:00'), hold('p1', 's-group', '2026-03-20T09:00'), hold('p2', 's-group', '2026-03-20T09:00'), hold('p1', 's-b', '2026-03-23T09:00')];
    const ended = new Map([['p1', bishkek('2026-03-10T00:00')]]);
    expect(bookedPairMinutes(holds, ended, MARCH)).toBe(8 * 60);
    expect(bookedPairMinutes(holds, new Map([...ended, ['p2', bishkek('2026-03-10T00:00')]]), MARCH)).toBe(4 * 60);
  });

  it('puts booked against rostered in per cent, and has no figure where nothing was rostered', () => {
    expect(utilisationPercent(8 * 60, 15 * 60)).toBe(53.3);
    expect(utilisationPercent(0, 60)).toBe(0);
    expect(utilisationPercent(60, 0)).toBeNull();
  });
});
