import { ODARA_ITEM_KEYS, type Answer, type OdaraItemKey } from '@korgoo/contracts';
import { IN_POPULATION_CONTEXT, NO_DANGER_SIGNS } from '../../../../libs/contracts/src/screening.spec-fixture';
import { ScreeningError, type OdaraScreening } from './screening';

/** All 13 items set to one answer. */
export function allItems(answer: Answer): Record<OdaraItemKey, Answer> {
  const items = {} as Record<OdaraItemKey, Answer>;
  for (const key of ODARA_ITEM_KEYS) items[key] = answer;
  return items;
}

/** A complete in-population screening scoring 0 with no danger signs; tests change only what they are about. */
export function aScreening(changes: Partial<OdaraScreening> = {}): OdaraScreening {
  return {
    items: allItems('no'),
    context: { ...IN_POPULATION_CONTEXT },
    immediateDanger: { ...NO_DANGER_SIGNS },
    ...changes,
  };
}

/** The first `count` items (instrument order) answered `answer`, the rest `rest`. */
export function itemsWith(count: number, answer: Answer, rest: Answer = 'no'): Record<OdaraItemKey, Answer> {
  const items = allItems(rest);
  ODARA_ITEM_KEYS.slice(0, count).forEach((key) => (items[key] = answer));
  return items;
}

/** The refusal `run` throws; any other error, or none, fails the test. */
export function errorOf(run: () => unknown): ScreeningError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScreeningError) return error;
    throw error;
  }
  throw new Error('expected a ScreeningError');
}
