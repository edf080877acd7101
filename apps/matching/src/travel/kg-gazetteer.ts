// The gazetteer is part of the shared vocabulary (settlement codes travel in events); routing reads it from there.
export { isSettlementCode, KG_SETTLEMENTS, settlementByCode } from '@korgoo/contracts';
export type { Oblast, Settlement, SettlementCode } from '@korgoo/contracts';
