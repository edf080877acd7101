import {
  isAnswer,
  ODARA_ITEM_KEYS,
  SUBSTANCE_ABUSE_MIN_INDICATORS,
  SUBSTANCE_INDICATOR_KEYS,
  SUPPORT_BARRIERS_MIN_PRESENT,
  SUPPORT_BARRIER_KEYS,
  type Answer,
  type OdaraItemKey,
} from './odara-items';
import { ScreeningError, rejectUnknownKeys, type OdaraScreening } from './screening';

export type ItemSource = 'substanceIndicators' | 'supportBarriers';

export interface ResolvedItem {
  key: OdaraItemKey;
  answer: Answer;
  derivedFrom?: ItemSource;
}

/** Present when at least `minYes` are yes; absent only when that cannot be reached even if every unknown were yes. */
function deriveFromIndicators(keys: readonly string[], given: Readonly<Record<string, Answer | undefined>>, minYes: number, field: string): Answer {
  if (given === null || typeof given !== 'object') {
    throw new ScreeningError('invalid_value', field, `${field} must be an object of yes / no / unknown answers`);
  }
  rejectUnknownKeys(given, keys, field);
  let yes = 0;
  let unknown = 0;
  for (const key of keys) {
    const answer = given[key] ?? 'unknown';
    if (!isAnswer(answer)) throw invalidAnswer(`${field}.${key}`, answer);
    if (answer === 'yes') yes++;
    else if (answer === 'unknown') unknown++;
  }
  if (yes >= minYes) return 'yes';
  return yes + unknown < minYes ? 'no' : 'unknown';
}

/** Item 11: two or more of the eight indicators; an omitted indicator counts as unknown. */
export function deriveSubstanceAbuse(indicators: OdaraScreening['substanceIndicators'] = {}): Answer {
  return deriveFromIndicators(SUBSTANCE_INDICATOR_KEYS, indicators, SUBSTANCE_ABUSE_MIN_INDICATORS, 'substanceIndicators');
}

/** Item 13: at least one of the five barriers; an omitted barrier counts as unknown. */
export function deriveSupportBarriers(barriers: OdaraScreening['supportBarriers'] = {}): Answer {
  return deriveFromIndicators(SUPPORT_BARRIER_KEYS, barriers, SUPPORT_BARRIERS_MIN_PRESENT, 'supportBarriers');
}

const COMPOSITES: Partial<Record<OdaraItemKey, { source: ItemSource; derive: (s: OdaraScreening) => Answer }>> = {
  substanceAbuse: { source: 'substanceIndicators', derive: (s) => deriveSubstanceAbuse(s.substanceIndicators) },
  barriersToSupport: { source: 'supportBarriers', derive: (s) => deriveSupportBarriers(s.supportBarriers) },
};

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
    const composite = COMPOSITES[key];
    const indicators = composite ? screening[composite.source] : undefined;
    if (composite && indicators != null) {
      const derived = composite.derive(screening);
      if (given === undefined) {
        resolved.push({ key, answer: derived, derivedFrom: composite.source });
        continue;
      }
      // Indicators that cannot decide leave the officer's own answer standing; any other disagreement must be corrected, not guessed.
      if (derived !== 'unknown' && derived !== given) {
        throw new ScreeningError(
          'conflicting_answers',
          `items.${key}`,
          `items.${key} is '${given}' but ${composite.source} make it '${derived}'; omit the item or correct one of them`,
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
