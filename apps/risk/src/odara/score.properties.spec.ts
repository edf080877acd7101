import fc from 'fast-check';
import {
  IMMEDIATE_DANGER_CRITICAL_KEYS,
  IMMEDIATE_DANGER_FURTHER_KEYS,
  ODARA_ITEM_KEYS,
  SUBSTANCE_INDICATOR_KEYS,
  SUPPORT_BARRIER_KEYS,
  type Answer,
  type DangerAnswer,
  type OdaraItemKey,
} from '@korgoo/contracts';
import { INDEX_INCIDENTS, RELATIONSHIPS, SEXES, type RoutingPriority } from '@korgoo/contracts';
import { priorityRank } from './policies';
import { assessOdara } from './score';
import type { OdaraScreening } from './screening';

const answer = fc.constantFrom<Answer>('yes', 'no', 'unknown');
const dangerAnswer = fc.constantFrom<DangerAnswer>('yes', 'no', 'not_answered');
const priority = fc.constantFrom<RoutingPriority>('urgent', 'high', 'standard');

function answersFor<K extends string, A>(keys: readonly K[], value: fc.Arbitrary<A>): fc.Arbitrary<Partial<Record<K, A>>> {
  return fc.record(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, fc.Arbitrary<A>>, { requiredKeys: [] });
}

/** Any valid screening: composites either answered directly or left to their indicators. */
const screening: fc.Arbitrary<OdaraScreening> = fc
  .record({
    items: fc.record(Object.fromEntries(ODARA_ITEM_KEYS.map((key) => [key, answer])) as Record<OdaraItemKey, fc.Arbitrary<Answer>>),
    substanceIndicators: fc.option(answersFor(SUBSTANCE_INDICATOR_KEYS, answer), { nil: undefined }),
    supportBarriers: fc.option(answersFor(SUPPORT_BARRIER_KEYS, answer), { nil: undefined }),
    context: fc.record({
      perpetratorSex: fc.constantFrom(...SEXES),
      victimSex: fc.constantFrom(...SEXES),
      relationship: fc.constantFrom(...RELATIONSHIPS),
      indexIncident: fc.constantFrom(...INDEX_INCIDENTS),
      policeRecordsChecked: fc.boolean(),
    }),
    immediateDanger: fc.record({
      critical: answersFor(IMMEDIATE_DANGER_CRITICAL_KEYS, dangerAnswer),
      further: answersFor(IMMEDIATE_DANGER_FURTHER_KEYS, dangerAnswer),
      officerBelievesHighDanger: fc.boolean(),
    }),
    override: fc.option(fc.record({ priority }), { nil: undefined }),
  })
  .map((s) => {
    // Given indicators replace the item, so the item and its indicators can never conflict.
    const items: OdaraScreening['items'] = { ...s.items };
    if (s.substanceIndicators) delete items.substanceAbuse;
    if (s.supportBarriers) delete items.barriersToSupport;
    return { ...s, items };
  });

function withItem(s: OdaraScreening, key: OdaraItemKey, value: Answer): OdaraScreening {
  return { ...s, items: { ...s.items, [key]: value } };
}

describe('ODARA scoring, for any valid screening', () => {
  it('never lowers the final score or the priority when an item turns from no to yes', () => {
    fc.assert(
      fc.property(screening, fc.constantFrom(...ODARA_ITEM_KEYS), (s, key) => {
        fc.pre(s.items[key] === 'no');
        const before = assessOdara(s);
        const after = assessOdara(withItem(s, key, 'yes'));
        expect(after.rawScore).toBe(before.rawScore + 1);
        expect(after.status).toBe(before.status);
        if (before.finalScore !== null) expect(after.finalScore).toBeGreaterThanOrEqual(before.finalScore);
        expect(priorityRank(after.priority)).toBeGreaterThanOrEqual(priorityRank(before.priority));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lowers the raw score, nor the final score while it stays scored, when an indicator turns from no to yes', () => {
    fc.assert(
      fc.property(screening, fc.constantFrom(...SUBSTANCE_INDICATOR_KEYS, ...SUPPORT_BARRIER_KEYS), (s, key) => {
        const group = (SUBSTANCE_INDICATOR_KEYS as readonly string[]).includes(key) ? 'substanceIndicators' : 'supportBarriers';
        const given = s[group] as Record<string, Answer> | undefined;
        fc.pre(given !== undefined && given[key] === 'no');
        const before = assessOdara(s);
        const after = assessOdara({ ...s, [group]: { ...given, [key]: 'yes' } });
        expect(after.rawScore).toBeGreaterThanOrEqual(before.rawScore);
        // One more yes can turn "cannot reach two" into "might": item 11 then becomes unknown, which may end the score.
        if (before.finalScore !== null && after.finalScore !== null) expect(after.finalScore).toBeGreaterThanOrEqual(before.finalScore);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the final score between the raw score and 13', () => {
    fc.assert(
      fc.property(screening, (s) => {
        const assessment = assessOdara(s);
        fc.pre(assessment.finalScore !== null);
        expect(assessment.finalScore).toBeGreaterThanOrEqual(assessment.rawScore);
        expect(assessment.finalScore).toBeLessThanOrEqual(13);
        expect(Number.isInteger(assessment.finalScore)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never gives a score, bin or norm when more than 5 items are unknown', () => {
    fc.assert(
      fc.property(screening, fc.integer({ min: 6, max: 13 }), (s, unknown) => {
        const items: OdaraScreening['items'] = {};
        ODARA_ITEM_KEYS.forEach((key, i) => (items[key] = i < unknown ? 'unknown' : (s.items[key] ?? 'yes')));
        const assessment = assessOdara({ ...s, items, substanceIndicators: undefined, supportBarriers: undefined });
        expect(assessment.unknownCount).toBeGreaterThan(5);
        expect(assessment).toMatchObject({ status: 'incomplete', finalScore: null, bin: null, norm: null });
        expect(priorityRank(assessment.priority)).toBeGreaterThanOrEqual(priorityRank('high'));
      }),
      { numRuns: 1000 },
    );
  });

  it('scores whenever 5 or fewer items are unknown', () => {
    fc.assert(
      fc.property(screening, (s) => {
        const assessment = assessOdara(s);
        expect(assessment.status === 'scored').toBe(assessment.unknownCount <= 5);
        expect(assessment.answeredCount + assessment.unknownCount).toBe(13);
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets an officer override lower the priority', () => {
    fc.assert(
      fc.property(screening, priority, (s, override) => {
        const without = assessOdara({ ...s, override: undefined });
        const withOverride = assessOdara({ ...s, override: { priority: override } });
        expect(priorityRank(withOverride.priority)).toBe(Math.max(priorityRank(without.priority), priorityRank(override)));
      }),
      { numRuns: 1000 },
    );
  });

  it('makes every referral with immediate danger urgent', () => {
    fc.assert(
      fc.property(screening, (s) => {
        const assessment = assessOdara(s);
        if (assessment.immediateDanger.present) expect(assessment.priority).toBe('urgent');
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the screening it was given untouched', () => {
    fc.assert(
      fc.property(screening, (s) => {
        const copy = structuredClone(s);
        assessOdara(s);
        expect(s).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });
});
