import { KG_SETTLEMENTS, Settlement } from '../../../../libs/contracts/src/kg-gazetteer';

/** The name in the reader's language; Kyrgyz and Russian readers also see the other spelling when it differs. */
export function settlementName(settlement: Settlement, language: string): string {
  if (language === 'en') return settlement.nameEn;
  const [own, other] = language === 'ru' ? [settlement.nameRu, settlement.nameKy] : [settlement.nameKy, settlement.nameRu];
  return own === other ? own : `${own} (${other})`;
}

/** A gazetteer code named for the reader; one the gazetteer does not know is shown as it is. */
export function settlementNameOf(code: string, language: string): string {
  const settlement = KG_SETTLEMENTS.find((s) => s.code === code);
  return settlement ? settlementName(settlement, language) : code;
}
