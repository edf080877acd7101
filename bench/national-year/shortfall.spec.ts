import { DEMO_DIRECTORY } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber, bishkekInstant } from '../../apps/matching/src/capacity/bishkek-time';
import { programmeLimit } from './optimum';
import { generateOrders } from './orders';
import { sessionsOnDay, slotsOnDay } from './roster-capacity';
import { ADDED_PER_CENTRE, facilitatorShortfall, withAddedStaff } from './shortfall';
import { DEFAULT_SETTINGS } from './world';

const centre = (id: string) => DEMO_DIRECTORY.find((c) => c.id === id)!;
const day = (date: string) => bishkekDayNumber(bishkekInstant(date));

describe('roster capacity', () => {
  it('counts the sessions a roster can run on a day, each needing a man and a woman on duty', () => {
    // Аялзат: T.B. Mon/Wed/Fri 09-18 gives two sessions; S.I. only Tuesday 13-18, one session.
    expect(sessionsOnDay(centre('bishkek-ayalzat'), day('2027-03-01'))).toBe(2);
    expect(sessionsOnDay(centre('bishkek-ayalzat'), day('2027-03-02'))).toBe(1);
    // Сезим has no man: its women's time counts for nothing.
    expect(slotsOnDay(centre('bishkek-sezim'), day('2027-03-01'), 'female')).toBe(0);
    expect(sessionsOnDay(centre('bishkek-sezim'), day('2027-03-01'))).toBe(0);
    // Аялзат's women are more than its men can pair with.
    expect(slotsOnDay(centre('bishkek-ayalzat'), day('2027-03-01'), 'female')).toBe(6);
    // Weekends: nobody at Аялзат.
    expect(sessionsOnDay(centre('bishkek-ayalzat'), day('2027-03-06'))).toBe(0);
  });

  it('limits programmes to what individual sessions and full groups need', () => {
    expect(programmeLimit(228, 6)).toBe(97); // 194 individual + 33 group = 227
    expect(programmeLimit(0, 8)).toBe(0);
    expect(programmeLimit(3, 8)).toBe(1);
    expect(programmeLimit(2, 8)).toBe(0);
  });
});

describe('withAddedStaff', () => {
  it('fills existing centres first, then opens teams of the same size at the site', () => {
    const naryn = DEMO_DIRECTORY.filter((c) => c.oblast === 'Naryn');
    expect(naryn).toHaveLength(3);
    const staffed = withAddedStaff('Naryn', naryn, 'naryn', 3 * ADDED_PER_CENTRE + 3, 3);
    const added = (id: string, sex: 'male' | 'female') =>
      staffed.find((c) => c.id === id)!.facilitators.filter((f) => f.sex === sex && f.id.startsWith('added-')).length;
    for (const { id } of naryn) expect(added(id, 'male')).toBe(ADDED_PER_CENTRE);
    expect(naryn.reduce((n, { id }) => n + added(id, 'female'), 0)).toBe(3);
    const teams = staffed.filter((c) => c.id.startsWith('added-'));
    expect(teams).toHaveLength(1);
    expect(teams[0].facilitators).toHaveLength(3);
    expect(teams[0].settlementCode).toBe('naryn');
    // The directory itself is untouched.
    expect(naryn[0].facilitators.some((f) => f.id.startsWith('added-'))).toBe(false);
  });

  it('opens a new centre where the oblast has none', () => {
    const staffed = withAddedStaff('Chuy', [], 'kant', 5, 6);
    expect(staffed.map((c) => c.facilitators.length)).toEqual([6, 5]);
    expect(staffed.every((c) => c.oblast === 'Chuy' && c.settlementCode === 'kant')).toBe(true);
  });
});

describe('facilitatorShortfall', () => {
  it('finds staff that reach the target for an oblast, and no fewer men would', () => {
    const orders = generateOrders({ count: 4_000, seed: 3 }).filter((o) => o.oblast === 'Talas');
    const [talas] = facilitatorShortfall(orders, DEMO_DIRECTORY, { target: 0.9, settings: DEFAULT_SETTINGS });
    expect(talas.oblast).toBe('Talas');
    expect(talas.reached).toBe(true);
    expect(talas.addMen).toBeGreaterThan(0);
    expect(talas.coverage * talas.orders).toBeGreaterThanOrEqual(Math.ceil(0.9 * talas.canFit));
    const fewer = facilitatorShortfall(orders, DEMO_DIRECTORY.filter((c) => c.oblast !== 'Talas'), {
      target: 0.9,
      settings: DEFAULT_SETTINGS,
    })[0];
    // Without its own centre the oblast needs a new one, so at least as many people.
    expect(fewer.newCentre).toBe(true);
    expect(fewer.addMen + fewer.addWomen).toBeGreaterThanOrEqual(talas.addMen + talas.addWomen);
  });
});
