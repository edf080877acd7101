import fc from 'fast-check';
import { bishkekInstant } from './bishkek-time';
import { canMerge, GroupMeeting, planMerges } from './group-merge';

const t = bishkekInstant;
const NOW = t('2026-12-07T09:00');
/** Members who may attend any time from 20 to 26 December. */
const flexible = (n: number) => Array.from({ length: n }, () => ({ earliest: t('2026-12-20'), latest: t('2026-12-26T18:00') }));

function meeting(id: string, at: string, members: GroupMeeting['members'], overrides: Partial<GroupMeeting> = {}): GroupMeeting {
  return { id, centreId: 'c1', sex: 'male', language: 'ky', startsAt: t(at), seats: 10, minParticipants: 3, members, ...overrides };
}

describe('merging small groups', () => {
  it('moves a group of one into a group of two that all its members can attend', () => {
    const one = meeting('one', '2026-12-22T14:00', flexible(1));
    const two = meeting('two', '2026-12-24T14:00', flexible(2));
    expect(planMerges([one, two], NOW)).toEqual([{ kind: 'merge', from: 'one', into: 'two' }]);
  });

  it('never merges men with women, Kyrgyz with Russian, or across centres', () => {
    const one = meeting('one', '2026-12-22T14:00', flexible(1));
    for (const other of [
      meeting('w', '2026-12-24T14:00', flexible(2), { sex: 'female' }),
      meeting('ru', '2026-12-24T14:00', flexible(2), { language: 'ru' }),
      meeting('c2', '2026-12-24T14:00', flexible(2), { centreId: 'c2' }),
    ]) {
      expect(canMerge(one, other, NOW)).toBe(false);
    }
  });

  it('never moves a member past the end of the order: the flexible group comes to him instead', () => {
    const one = meeting('one', '2026-12-22T14:00', [{ earliest: t('2026-12-20'), latest: t('2026-12-23T18:00') }]);
    const later = meeting('later', '2026-12-24T14:00', flexible(2));
    expect(planMerges([one, later], NOW)).toEqual([{ kind: 'merge', from: 'later', into: 'one' }]);
  });

  it('runs a small group anyway when no other meeting suits every member', () => {
    const fixed = (day: string) => [{ earliest: t(day), latest: t(`${day}T18:00`) }];
    const one = meeting('one', '2026-12-22T14:00', fixed('2026-12-22'));
    const two = meeting('two', '2026-12-24T14:00', [...fixed('2026-12-24'), ...fixed('2026-12-24')]);
    expect(planMerges([one, two], NOW)).toEqual([
      { kind: 'run', id: 'one' },
      { kind: 'run', id: 'two' },
    ]);
  });

  it('neither moves nor decides again a meeting decided before, but may bring members to it', () => {
    const decided = meeting('decided', '2026-12-22T14:00', flexible(1));
    const two = meeting('two', '2026-12-24T14:00', flexible(2));
    expect(planMerges([decided, two], NOW, new Set(['decided']))).toEqual([{ kind: 'merge', from: 'two', into: 'decided' }]);
    expect(planMerges([decided], NOW, new Set(['decided']))).toEqual([]);
  });

  it('moves nothing once a meeting is under way, nor beyond the seats', () => {
    const started = meeting('started', '2026-12-07T08:00', flexible(1));
    const full = meeting('full', '2026-12-24T14:00', flexible(9), { seats: 10 });
    const pair = meeting('pair', '2026-12-22T14:00', flexible(2));
    expect(canMerge(started, full, NOW)).toBe(false);
    expect(canMerge(pair, full, NOW)).toBe(false);
    expect(canMerge(meeting('one', '2026-12-22T14:00', flexible(1)), full, NOW)).toBe(true);
  });

  it('moves every member at most once and never past any meeting’s seats (property)', () => {
    const arbitraryMeeting = fc.record({
      day: fc.integer({ min: 20, max: 26 }),
      size: fc.integer({ min: 1, max: 6 }),
      seats: fc.integer({ min: 6, max: 10 }),
      sex: fc.constantFrom('male' as const, 'female' as const),
    });
    fc.assert(
      fc.property(fc.array(arbitraryMeeting, { maxLength: 8 }), (specs) => {
        const meetings = specs.map((s, i) =>
          meeting(`m${i}`, `2026-12-${s.day}T14:00`, flexible(s.size), { seats: s.seats, sex: s.sex }),
        );
        const decisions = planMerges(meetings, NOW);
        const byId = new Map(meetings.map((m) => [m.id, m]));
        const size = new Map(meetings.map((m) => [m.id, m.members.length]));
        const moved = new Set<string>();
        for (const d of decisions) {
          if (d.kind !== 'merge') continue;
          expect(moved.has(d.from)).toBe(false);
          expect(moved.has(d.into)).toBe(false);
          expect(byId.get(d.from)!.sex).toBe(byId.get(d.into)!.sex);
          moved.add(d.from);
          size.set(d.into, size.get(d.into)! + size.get(d.from)!);
          size.set(d.from, 0);
        }
        for (const m of meetings) expect(size.get(m.id)!).toBeLessThanOrEqual(m.seats);
      }),
    );
  });
});
