import {
  COMPOSITE_ITEMS,
  deriveComposite,
  isAnswer,
  isCompositeItem,
  ODARA_ITEM_KEYS,
  type Answer,
  type CompositeItemKey,
  type CompositeIndicatorList,
  type OdaraItemKey,
} from '@korgoo/contracts';
import { ScreeningError, rejectUnknownKeys, type OdaraScreening } from './screening';

export type ItemSource = CompositeIndicatorList;

export interface ResolvedItem {
  key: OdaraItemKey;
  answer: Answer;
  derivedFrom?: ItemSource;
}

/** Checks the indicators as risk must (a typo would silently lower the score), then applies the shared rule. */
function deriveChecked(item: CompositeItemKey, given: unknown = {}): Answer {
  const { indicators: field, keys } = COMPOSITE_ITEMS[item];
  if (given === null || typeof given !== 'object') {
    throw new ScreeningError('invalid_value', field, `${field} must be an object of yes / no / unknown answers`);
  }
  rejectUnknownKeys(given, keys, field);
  const answers = given as Readonly<Record<string, unknown>>;
  for (const key of keys) {
    if (answers[key] !== undefined && !isAnswer(answers[key])) throw invalidAnswer(`${field}.${key}`, answers[key]);
  }
  return deriveComposite(item, answers);
}

/** Item 11: two or more of the eight indicators; an omitted indicator counts as unknown. */
export function deriveSubstanceAbuse(indicators: OdaraScreening['substanceIndicators'] = {}): Answer {
  return deriveChecked('substanceAbuse', indicators);
}

/** Item 13: at least one of the five barriers; an omitted barrier counts as unknown. */
export function deriveSupportBarriers(barriers: OdaraScreening['supportBarriers'] = {}): Answer {
  return deriveChecked('barriersToSupport', barriers);
}

/** The 13 answers in instrument order, composites settled from their indicators; throws on anything it cannot settle. */
export function resolveOdaraItems(screening: OdaraScreening): ResolvedItem[] {
  const items = screening.items;
  if (items === null || typeof items !== 'object') {
    throw new ScreeningError('missing_field', 'items', 'the screening has no ODARA items');
  }
  rejectUnknownKeys(items, ODARA_ITEM_KEYS, 'items');
  const resolved: ResolvedItem[] = [];
  for (const key of ODARA_ITEM_KEYS) {
    const given = items[key];
    if (given !== undefined && !isAnswer(given)) throw invalidAnswer(`items.${key}`, given);
    const source = isCompositeItem(key) ? COMPOSITE_ITEMS[key].indicators : undefined;
    const indicators = source ? screening[source] : undefined;
    if (isCompositeItem(key) && source && indicators != null) {
      const derived = deriveChecked(key, indicators);
      if (given === undefined) {
        resolved.push({ key, answer: derived, derivedFrom: source });
        continue;
      }
      // Indicators that cannot decide leave the officer's own answer standing; any other disagreement must be corrected, not guessed.
      if (derived !== 'unknown' && derived !== given) {
        throw new ScreeningError(
          'conflicting_answers',
          `items.${key}`,
          `items.${key} is '${given}' but ${source} make it '${derived}'; omit the item or correct one of them`,
        );
      }
      resolved.push({ key, answer: given });
      continue;
    }
    if (given === undefined) {
      throw new ScreeningError('missing_item', `items.${key}`, `ODARA item ${key} is missing; answer yes, no or unknown`);
    }
    resolved.push({ key, answer: given });
  }
  return resolved;
}

function invalidAnswer(field: string, value: unknown): ScreeningError {
  return new ScreeningError('invalid_value', field, `${field} must be yes, no or unknown, got ${JSON.stringify(value)}`);
}
