import { bishkekInstant } from './bishkek-time';
import { BookedSession, CentreCapacity, Facilitator, Sex } from './capacity-types';
import { coverAway, strandedSessions, substituteFor } from './facilitator-away';

const t = bishkekInstant;
const HOUR = 3_600_000;
const NOW = t('2026-12-07T08:00');

const OFFICE_WEEK = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
const CERTIFIED = t('2023-10-13');

/** Trained in Kyrgyz, certified, active, weekdays 09:00-18:00, unless said otherwise. */
const facilitator = (id: string, sex: Sex, overrides: Partial<Facilitator> = {}): Facilitator => ({
  ...{ id, sex, languages: ['ky'], certifiedOn: CERTIFIED, active: true, weekly: OFFICE_WEEK, exceptions: [] },
  ...overrides,
});

function booked(id: string, at: string, pair: [string, string], overrides: Partial<BookedSession> = {}): BookedSession {
  const startsAt = t(at);
  return { id, kind: 'individual', startsAt, endsAt: new Date(startsAt.getTime() + 4 * HOUR), facilitatorIds: pair, language: 'ky', participants: 1, ...overrides };
}

function centre(facilitators: Facilitator[], sessions: BookedSession[], more: Partial<CentreCapacity> = {}): CentreCapacity {
  return { centreId: 'c1', status: 'open', groupCapacity: 8, facilitators, booked: sessions, closures: [], groupSlots: [], ...more };
}

const leave = (from: string, to: string) => [{ from: t(from), to: t(to), reason: 'leave' as const }];
const tuesday = booked('s1', '2026-12-08T09:00', ['m1', 'f1']);

describe('strandedSessions', () => {
  it('finds a session ahead that an absence covers, naming only the one away', () => {
    const roster = [facilitator('m1', 'male', { exceptions: leave('2026-12-08', '2026-12-10') }), facilitator('f1', 'female')];
    const later = booked('s2', '2026-12-15T09:00', ['m1', 'f1']);
    expect(strandedSessions(centre(roster, [later, tuesday]), NOW)).toEqual([{ session: tuesday, awayIds: ['m1'] }]);
  });

  it('finds sessions of a facilitator made inactive or whose new week no longer holds the hour', () => {
    const inactive = [facilitator('m1', 'male', { active: false }), facilitator('f1', 'female')];
    expect(strandedSessions(centre(inactive, [tuesday]), NOW)[0].awayIds).toEqual(['m1']);
    const mornings = [facilitator('m1', 'male'), facilitator('f1', 'female', { weekly: [{ weekday: 2, start: '09:00', end: '12:00' }] })];
    expect(strandedSessions(centre(mornings, [tuesday]), NOW)[0].awayIds).toEqual(['f1']);
  });

  it('leaves alone sessions already begun, and the declared hours of group slots and outreach points', () => {
    const roster = [facilitator('m1', 'male', { weekly: [] }), facilitator('f1', 'female', { weekly: [] })];
    const begun = booked('s0', '2026-12-07T07:00', ['m1', 'f1']);
    const slotMeeting = booked('s2', '2026-12-08T09:00', ['m1', 'f1'], { kind: 'group', groupSlotId: 'c1-slot-1' });
    const atPoint = booked('s3', '2026-12-09T09:00', ['m1', 'f1'], { outreachPointId: 'c1-point-1' });
    expect(strandedSessions(centre(roster, [begun, slotMeeting, atPoint]), NOW)).toEqual([]);
  });
  it('refuses, naming the session, one neither of whose facilitators is on the roster, rather than guess a seat\'s sex', () => {
    const strangers = booked('s9', '2026-12-08T09:00', ['gone-1', 'gone-2']);
    const roster = [facilitator('m1', 'male'), facilitator('f1', 'female')];
    expect(() => strandedSessions(centre(roster, [strangers]), NOW)).toThrow('booked session s9 of centre c1: neither gone-1 nor gone-2 is on its roster');
    expect(() => substituteFor(centre(roster, [strangers]), strangers, 0)).toThrow(/booked session s9/);
  });
});

describe('substituteFor', () => {
  const away = facilitator('m1', 'male', { exceptions: leave('2026-12-08', '2026-12-09') });

  it('reads the lead seat\'s sex from the co-facilitator when only they are still on the roster', () => {
    const roster = [facilitator('m2', 'male'), facilitator('f1', 'female'), facilitator('f2', 'female')];
    const leadGone = booked('s1', '2026-12-08T09:00', ['gone', 'f1']);
    expect(substituteFor(centre(roster, [leadGone]), leadGone, 0)).toBe('m2');
  });

  it('takes a free colleague of the same sex and language, the first by id', () => {
    const roster = [away, facilitator('m3', 'male'), facilitator('m2', 'male'), facilitator('f1', 'female'), facilitator('f2', 'female')];
    expect(substituteFor(centre(roster, [tuesday]), tuesday, 0)).toBe('m2');
  });

  it('passes over a colleague of the wrong language, uncertified, inactive, away or outside their week', () => {
    const roster = [
      away,
      facilitator('f1', 'female'),
      facilitator('m2', 'male', { languages: ['ru'] }),
      facilitator('m3', 'male', { certifiedOn: null }),
      facilitator('m4', 'male', { active: false }),
      facilitator('m5', 'male', { exceptions: leave('2026-12-08T12:00', '2026-12-08T14:00') }),
      facilitator('m6', 'male', { weekly: [{ weekday: 2, start: '10:00', end: '18:00' }] }),
    ];
    expect(substituteFor(centre(roster, [tuesday]), tuesday, 0)).toBeNull();
  });

  it('passes over a colleague booked at an overlapping time, running a group slot then, or away at an outreach point that day', () => {
    const roster = [away, facilitator('f1', 'female'), facilitator('f2', 'female'), facilitator('m2', 'male'), facilitator('m3', 'male'), facilitator('m4', 'male')];
    const overlapping = booked('s9', '2026-12-08T12:00', ['m2', 'f2']);
    const slot = { id: 'c1-slot-1', weekday: 2 as const, start: '11:00', minutes: 120, sex: 'male' as const, language: 'ky' as const, leadFacilitatorId: 'm3', coFacilitatorId: 'f2', minParticipants: 3, maxParticipants: 8 };
    const point = { id: 'c1-point-1', settlementCode: '41711000000000', facilitatorIds: ['m4', 'f2'] as [string, string], windows: [{ weekday: 2 as const, start: '09:00', end: '18:00' }] };
    const calendar = centre(roster, [tuesday, overlapping], { groupSlots: [slot], outreachPoints: [point] });
    expect(substituteFor(calendar, tuesday, 0)).toBeNull();
  });

  it('treats an outreach day as a day away, for a session at a point and for one at the centre', () => {
    const roster = [away, facilitator('f1', 'female'), facilitator('f2', 'female'), facilitator('m2', 'male'), facilitator('m3', 'male'), facilitator('m4', 'male')];
    const atPoint = booked('p1', '2026-12-08T13:00', ['m1', 'f1'], { outreachPointId: 'c1-point-1' });
    // m2 has a morning session at the centre that day; m3 runs a slot that weekday, hours apart; m4 is free.
    const morning = booked('s5', '2026-12-08T08:00', ['m2', 'f2']);
    const slot = { id: 'c1-slot-1', weekday: 2 as const, start: '09:00', minutes: 60, sex: 'male' as const, language: 'ky' as const, leadFacilitatorId: 'm3', coFacilitatorId: 'f2', minParticipants: 3, maxParticipants: 8 };
    expect(substituteFor(centre(roster, [atPoint, morning], { groupSlots: [slot] }), atPoint, 0)).toBe('m4');
    // At the centre, a colleague booked at a point that day is away, however far apart the hours.
    const pointMorning = booked('p2', '2026-12-08T08:00', ['m2', 'f2'], { outreachPointId: 'c1-point-1' });
    const atCentre = booked('s6', '2026-12-08T14:00', ['m1', 'f1']);
    expect(substituteFor(centre(roster.filter((f) => f.id !== 'm4' && f.id !== 'm3'), [atCentre, pointMorning]), atCentre, 0)).toBeNull();
  });
});

describe('coverAway', () => {
  it('gives each stranded session a free colleague, who is then busy for an overlapping one, and displaces what nobody covers', () => {
    const roster = [
      facilitator('m1', 'male', { exceptions: leave('2026-12-08', '2026-12-09') }),
      facilitator('m2', 'male', { exceptions: leave('2026-12-08', '2026-12-09') }),
      facilitator('m3', 'male'),
      facilitator('f1', 'female'),
      facilitator('f2', 'female'),
    ];
    const other = booked('s2', '2026-12-08T10:00', ['m2', 'f2']);
    const cover = coverAway(centre(roster, [tuesday, other]), NOW);
    expect(cover.substituted).toEqual([{ session: tuesday, facilitatorIds: ['m3', 'f1'] }]);
    expect(cover.displaced).toEqual([other]);
  });

  it('replaces both of a pair away at once, each by a colleague of their own sex', () => {
    const away = { exceptions: leave('2026-12-08', '2026-12-09') };
    const roster = [facilitator('m1', 'male', away), facilitator('f1', 'female', away), facilitator('m2', 'male'), facilitator('f2', 'female')];
    expect(coverAway(centre(roster, [tuesday]), NOW).substituted).toEqual([{ session: tuesday, facilitatorIds: ['m2', 'f2'] }]);
  });

  it('considers only the changed facilitator’s sessions when asked', () => {
    const roster = [facilitator('m1', 'male', { active: false }), facilitator('m2', 'male', { active: false }), facilitator('f1', 'female'), facilitator('f2', 'female')];
    const other = booked('s2', '2026-12-09T09:00', ['m2', 'f2']);
    expect(coverAway(centre(roster, [tuesday, other]), NOW, 'm2').displaced).toEqual([other]);
  });
});
