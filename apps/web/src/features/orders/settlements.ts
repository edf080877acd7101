import { KG_SETTLEMENTS, Settlement } from '../../../../../libs/contracts/src/kg-gazetteer';
export { settlementName } from '../../lib/settlement-names';

export type { Settlement };
export const KNOWN_SETTLEMENTS = KG_SETTLEMENTS;

// Officers type on whatever keyboard the phone has: a Russian layout has no Ө, Ү or Ң, so "Озгон" must find Өзгөн.
const FOLDS: Record<string, string> = { ө: 'о', ү: 'у', ң: 'н', ё: 'е', й: 'и' };
const fold = (text: string) => text.toLocaleLowerCase('ru').replace(/[өүңёй]/g, (letter) => FOLDS[letter]).replace(/[\s-]+/g, ' ').trim();

const SPELLINGS = KG_SETTLEMENTS.map((settlement) => ({
  settlement,
  spellings: [settlement.nameKy, settlement.nameRu, settlement.nameEn, settlement.code].map(fold),
}));

/** Settlements whose Kyrgyz, Russian or English name (or code) contains `query`; names that start with it first. */
export function findSettlements(query: string): Settlement[] {
  const wanted = fold(query);
  if (!wanted) return [...KG_SETTLEMENTS];
  const startsWith = (spellings: string[]) => spellings.some((spelling) => spelling.split(' ').some((word) => word.startsWith(wanted)));
  const matching = SPELLINGS.filter(({ spellings }) => spellings.some((spelling) => spelling.includes(wanted)));
  return [...matching.filter(({ spellings }) => startsWith(spellings)), ...matching.filter(({ spellings }) => !startsWith(spellings))].map(
    ({ settlement }) => settlement,
  );
}

