import { AttendanceMark } from '@korgoo/contracts';
import { addMonths, enrolVoluntary, recordVoluntarySession, VOLUNTARY_PLANS, VoluntaryComponent } from './index';
import { DAY, HOUR, START } from './weekly-programme.spec-fixture';

const completed = (track: 'men' | 'women' = 'men') => ({ state: 'completed' as const, track });
const week = (n: number) => new Date(START.getTime() + n * 7 * DAY);

/** Records the next session a week after the one before, an hour after it began. */
function record(component: VoluntaryComponent, mark: AttendanceMark) {
  const number = component.sessions.length + 1;
  return recordVoluntarySession(component, { number, heldAt: week(number), mark, excuseReason: null }, new Date(week(number).getTime() + HOUR));
}

describe('the voluntary component', () => {
  it('follows the decree: men 2 individual + 24 group over 6 months, women 2 individual + 16 group over 4', () => {
    expect(VOLUNTARY_PLANS).toEqual({ men: { individual: 2, group: 24, months: 6 }, women: { individual: 2, group: 16, months: 4 } });
    expect(enrolVoluntary(completed('men'), null, START).plannedEnd).toEqual(new Date('2026-09-02T05:00:00Z'));
    expect(enrolVoluntary(completed('women'), null, START).plannedEnd).toEqual(new Date('2026-07-02T05:00:00Z'));
  });

  it('takes only a completed mandatory programme, and only once', () => {
    expect(() => enrolVoluntary({ state: 'in_progress', track: 'men' }, null, START)).toThrow(/only a completed one/);
    expect(() => enrolVoluntary({ state: 'refused', track: 'men' }, null, START)).toThrow(/refused/);
    const enrolled = enrolVoluntary(completed(), null, START);
    expect(() => enrolVoluntary(completed(), enrolled, START)).toThrow(/already enrolled/);
  });

  it('completes once the individual sessions and then every group session were attended, absences kept along the way', () => {
    const c = enrolVoluntary(completed('women'), null, START);
    expect(record(c, 'attended').kind).toBe('individual');
    // An individual session missed is held again before the groups begin.
    expect(record(c, 'excused_absence').kind).toBe('individual');
    expect(record(c, 'unexcused_absence').kind).toBe('individual');
    expect(record(c, 'attended').kind).toBe('individual');
    for (let i = 0; i < 15; i++) expect(record(c, 'attended').kind).toBe('group');
    expect(c.state).toBe('enrolled');
    record(c, 'attended');
    expect(c.state).toBe('voluntary_completed');
    expect(c.sessions).toHaveLength(20);
    expect(() => record(c, 'attended')).toThrow(/already ended as voluntary_completed/);
  });

  it('is left by a refusal, with no Article 72 consequence: it only ends', () => {
    const c = enrolVoluntary(completed(), null, START);
    record(c, 'attended');
    record(c, 'refused');
    expect(c.state).toBe('voluntary_left');
  });

  it('records sessions in order, once, after they were held and after the enrolment', () => {
    const c = enrolVoluntary(completed(), null, START);
    const entry = { heldAt: week(1), mark: 'attended' as const, excuseReason: null };
    expect(() => recordVoluntarySession(c, { ...entry, number: 2 }, week(2))).toThrow(/record voluntary session 1 first/);
    expect(() => recordVoluntarySession(c, { ...entry, number: 1 }, week(0))).toThrow(/not been held yet/);
    expect(() => recordVoluntarySession(c, { ...entry, number: 1, heldAt: new Date(START.getTime() - DAY) }, week(1))).toThrow(/after the enrolment/);
    recordVoluntarySession(c, { ...entry, number: 1 }, week(2));
    expect(() => recordVoluntarySession(c, { ...entry, number: 1 }, week(2))).toThrow(/already recorded/);
    expect(() => recordVoluntarySession(c, { ...entry, number: 2 }, week(2))).toThrow(/the session before it/);
  });

  it('keeps the excuse reason only for an excused absence', () => {
    const c = enrolVoluntary(completed(), null, START);
    const at = new Date(week(1).getTime() + HOUR);
    expect(recordVoluntarySession(c, { number: 1, heldAt: week(1), mark: 'attended', excuseReason: 'detention' }, at).excuseReason).toBeNull();
  });
});

describe('calendar months', () => {
  it('keep the day, or take the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T05:00:00Z'), 1)).toEqual(new Date('2026-02-28T05:00:00Z'));
    expect(addMonths(new Date('2026-08-31T05:00:00Z'), 18)).toEqual(new Date('2028-02-29T05:00:00Z'));
    expect(addMonths(new Date('2026-03-02T05:00:00Z'), 6)).toEqual(new Date('2026-09-02T05:00:00Z'));
  });
});
