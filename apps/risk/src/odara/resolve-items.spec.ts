import { ODARA_ITEM_KEYS, type Answer, type SubstanceIndicatorKey, type SupportBarrierKey } from '@korgoo/contracts';
import { deriveSubstanceAbuse, deriveSupportBarriers, resolveOdaraItems } from './resolve-items';
import type { OdaraScreening } from './screening';
import { aScreening, allItems, errorOf } from './screening-examples';

function withoutItem(key: 'substanceAbuse' | 'barriersToSupport'): OdaraScreening['items'] {
  const items: OdaraScreening['items'] = allItems('no');
  delete items[key];
  return items;
}

describe('item 11, substance abuse, from its eight indicators', () => {
  it.each<[string, Partial<Record<SubstanceIndicatorKey, Answer>>, Answer]>([
    ['two yes is present', { alcoholAtIndex: 'yes', historyOfUse: 'yes' }, 'yes'],
    ['two yes is present even with the rest unknown', { drugsAtIndex: 'yes', drugProblem: 'yes' }, 'yes'],
    ['all eight yes is present', { alcoholAtIndex: 'yes', drugsAtIndex: 'yes', historyOfUse: 'yes', increasedUse: 'yes', moreViolentWhenUsing: 'yes', substanceRelatedOffence: 'yes', alcoholProblem: 'yes', drugProblem: 'yes' }, 'yes'],
    ['all eight no is absent', { alcoholAtIndex: 'no', drugsAtIndex: 'no', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' }, 'no'],
    ['one yes and seven no is absent', { alcoholAtIndex: 'yes', drugsAtIndex: 'no', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' }, 'no'],
    ['one unknown and seven no is absent (cannot reach two)', { alcoholAtIndex: 'unknown', drugsAtIndex: 'no', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' }, 'no'],
    ['one yes, one unknown and six no is unknown', { alcoholAtIndex: 'yes', drugsAtIndex: 'unknown', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' }, 'unknown'],
    ['two unknown and six no is unknown', { alcoholAtIndex: 'unknown', drugsAtIndex: 'unknown', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' }, 'unknown'],
    ['one yes with the rest omitted is unknown', { alcoholAtIndex: 'yes' }, 'unknown'],
    ['seven no with the last omitted is absent', { alcoholAtIndex: 'no', drugsAtIndex: 'no', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no' }, 'no'],
    ['nothing answered is unknown', {}, 'unknown'],
  ])('%s', (_case, indicators, expected) => {
    expect(deriveSubstanceAbuse(indicators)).toBe(expected);
  });
});

describe('item 13, barriers to support, from its five barriers', () => {
  it.each<[string, Partial<Record<SupportBarrierKey, Answer>>, Answer]>([
    ['one yes is present', { noPhone: 'yes' }, 'yes'],
    ['one yes is present with the others no', { childrenInCare: 'no', noPhone: 'no', noTransport: 'no', geographicIsolation: 'yes', ownSubstanceUse: 'no' }, 'yes'],
    ['one yes is present with the others unknown', { ownSubstanceUse: 'yes', noPhone: 'unknown' }, 'yes'],
    ['all five no is absent', { childrenInCare: 'no', noPhone: 'no', noTransport: 'no', geographicIsolation: 'no', ownSubstanceUse: 'no' }, 'no'],
    ['four no and one unknown is unknown', { childrenInCare: 'no', noPhone: 'no', noTransport: 'no', geographicIsolation: 'no', ownSubstanceUse: 'unknown' }, 'unknown'],
    ['four no and one omitted is unknown', { childrenInCare: 'no', noPhone: 'no', noTransport: 'no', geographicIsolation: 'no' }, 'unknown'],
    ['nothing answered is unknown', {}, 'unknown'],
  ])('%s', (_case, barriers, expected) => {
    expect(deriveSupportBarriers(barriers)).toBe(expected);
  });
});

describe('resolving the 13 items', () => {
  it('returns the 13 items in instrument order', () => {
    const keys = resolveOdaraItems(aScreening()).map((item) => item.key);
    expect(keys).toEqual(ODARA_ITEM_KEYS);
  });

  it('derives an omitted substance-abuse item from its indicators and says so', () => {
    const resolved = resolveOdaraItems(
      aScreening({ items: withoutItem('substanceAbuse'), substanceIndicators: { alcoholAtIndex: 'yes', moreViolentWhenUsing: 'yes' } }),
    );
    expect(resolved.find((item) => item.key === 'substanceAbuse')).toEqual({ key: 'substanceAbuse', answer: 'yes', derivedFrom: 'substanceIndicators' });
  });

  it('derives an omitted barriers item from the barriers and says so', () => {
    const resolved = resolveOdaraItems(aScreening({ items: withoutItem('barriersToSupport'), supportBarriers: { noTransport: 'yes' } }));
    expect(resolved.find((item) => item.key === 'barriersToSupport')).toEqual({ key: 'barriersToSupport', answer: 'yes', derivedFrom: 'supportBarriers' });
  });

  it('keeps the officer answer when the indicators agree with it', () => {
    const resolved = resolveOdaraItems(
      aScreening({ items: { ...allItems('no'), substanceAbuse: 'yes' }, substanceIndicators: { alcoholAtIndex: 'yes', drugsAtIndex: 'yes' } }),
    );
    expect(resolved.find((item) => item.key === 'substanceAbuse')).toEqual({ key: 'substanceAbuse', answer: 'yes' });
  });

  it('keeps the officer answer when the indicators cannot decide', () => {
    const resolved = resolveOdaraItems(aScreening({ items: { ...allItems('no'), barriersToSupport: 'yes' }, supportBarriers: { noPhone: 'no' } }));
    expect(resolved.find((item) => item.key === 'barriersToSupport')?.answer).toBe('yes');
  });

  it.each<[string, Partial<OdaraScreening>, string]>([
    ['item says no but two indicators are yes', { items: { ...allItems('no'), substanceAbuse: 'no' }, substanceIndicators: { alcoholAtIndex: 'yes', drugProblem: 'yes' } }, 'items.substanceAbuse'],
    ['item says yes but all indicators are no', { items: { ...allItems('no'), substanceAbuse: 'yes' }, substanceIndicators: { alcoholAtIndex: 'no', drugsAtIndex: 'no', historyOfUse: 'no', increasedUse: 'no', moreViolentWhenUsing: 'no', substanceRelatedOffence: 'no', alcoholProblem: 'no', drugProblem: 'no' } }, 'items.substanceAbuse'],
    ['item says unknown but indicators settle it', { items: { ...allItems('no'), substanceAbuse: 'unknown' }, substanceIndicators: { alcoholAtIndex: 'yes', drugProblem: 'yes' } }, 'items.substanceAbuse'],
    ['item says no but a barrier is yes', { items: { ...allItems('no'), barriersToSupport: 'no' }, supportBarriers: { childrenInCare: 'yes' } }, 'items.barriersToSupport'],
  ])('refuses conflicting answers when %s', (_case, changes, field) => {
    const error = errorOf(() => resolveOdaraItems(aScreening(changes)));
    expect(error.code).toBe('conflicting_answers');
    expect(error.field).toBe(field);
  });

  it.each(ODARA_ITEM_KEYS)('refuses a screening without %s, naming the field', (key) => {
    const items: OdaraScreening['items'] = allItems('no');
    delete items[key];
    const error = errorOf(() => resolveOdaraItems(aScreening({ items })));
    expect(error.code).toBe('missing_item');
    expect(error.field).toBe(`items.${key}`);
    expect(error.message).toContain(key);
  });

  it('refuses an answer that is not yes, no or unknown', () => {
    const items = { ...allItems('no'), confinement: 'maybe' } as unknown as OdaraScreening['items'];
    const error = errorOf(() => resolveOdaraItems(aScreening({ items })));
    expect([error.code, error.field]).toEqual(['invalid_value', 'items.confinement']);
  });

  it('refuses a misspelt indicator rather than reading it as unanswered', () => {
    const substanceIndicators = { alcoholAtIndx: 'yes' } as unknown as OdaraScreening['substanceIndicators'];
    const error = errorOf(() => resolveOdaraItems(aScreening({ items: withoutItem('substanceAbuse'), substanceIndicators })));
    expect([error.code, error.field]).toEqual(['unknown_field', 'substanceIndicators.alcoholAtIndx']);
  });

  it('refuses a misspelt item rather than reading it as unanswered', () => {
    const items = { ...allItems('no'), confinment: 'yes' } as unknown as OdaraScreening['items'];
    const error = errorOf(() => resolveOdaraItems(aScreening({ items })));
    expect([error.code, error.field]).toEqual(['unknown_field', 'items.confinment']);
  });
});
