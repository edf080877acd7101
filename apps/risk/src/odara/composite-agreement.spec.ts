import {
  ANSWERS,
  COMPOSITE_ITEMS,
  ContractViolation,
  OdaraScreeningContract,
  parseContract,
  type Answer,
  type CompositeItemKey,
} from '@korgoo/contracts';
import { resolveOdaraItems } from './resolve-items';
import { ScreeningError, type OdaraScreening } from './screening';
import { aScreening } from './screening-examples';

type Given = Answer | 'omitted';
const GIVEN: readonly Given[] = [...ANSWERS, 'omitted'];

/** Every way to answer `size` indicators with yes / no / unknown / left out, up to order (the rule counts). */
function indicatorCases(keys: readonly string[]): Array<Record<string, Answer>> {
  const cases: Array<Record<string, Answer>> = [];
  const size = keys.length;
  for (let yes = 0; yes <= size; yes++) {
    for (let no = 0; yes + no <= size; no++) {
      for (let unknown = 0; yes + no + unknown <= size; unknown++) {
        const answers: Answer[] = [
          ...Array<Answer>(yes).fill('yes'),
          ...Array<Answer>(no).fill('no'),
          ...Array<Answer>(unknown).fill('unknown'),
        ];
        cases.push(Object.fromEntries(answers.map((answer, i) => [keys[i], answer])));
      }
    }
  }
  return cases;
}

function gatewayAccepts(screening: OdaraScreening): boolean {
  try {
    parseContract(OdaraScreeningContract, JSON.parse(JSON.stringify(screening)));
    return true;
  } catch (error) {
    if (error instanceof ContractViolation) return false;
    throw error;
  }
}

function riskAnswer(screening: OdaraScreening, item: CompositeItemKey): Answer | 'refused' {
  try {
    return resolveOdaraItems(screening).find((resolved) => resolved.key === item)!.answer;
  } catch (error) {
    if (error instanceof ScreeningError) return 'refused';
    throw error;
  }
}

describe('the gateway and risk agree on items 11 and 13', () => {
  for (const item of Object.keys(COMPOSITE_ITEMS) as CompositeItemKey[]) {
    const { indicators: group, keys } = COMPOSITE_ITEMS[item];
    const cases = [undefined, ...indicatorCases(keys)];

    it(`${item}: every screening the gateway accepts is scored by risk, and every one it refuses is refused by risk`, () => {
      let compared = 0;
      for (const indicators of cases) {
        for (const given of GIVEN) {
          const items = { ...aScreening().items } as OdaraScreening['items'];
          if (given === 'omitted') delete items[item];
          else items[item] = given;
          const screening: OdaraScreening = { ...aScreening(), items, ...(indicators ? { [group]: indicators } : {}) };

          const accepted = gatewayAccepts(screening);
          const scored = riskAnswer(screening, item);
          expect({ item, given, indicators, accepted }).toEqual({ item, given, indicators, accepted: scored !== 'refused' });
          if (accepted && given !== 'omitted') expect(scored).toBe(given);
          compared++;
        }
      }
      expect(compared).toBe(cases.length * GIVEN.length);
    });
  }

  it('derives the item from its indicators when the item is left out', () => {
    const screening = aScreening({ substanceIndicators: { alcoholAtIndex: 'yes', historyOfUse: 'yes' } });
    delete screening.items.substanceAbuse;
    expect(gatewayAccepts(screening)).toBe(true);
    expect(riskAnswer(screening, 'substanceAbuse')).toBe('yes');
  });
});
