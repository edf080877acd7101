import type { SettlementCode } from './kg-gazetteer';

/**
 * Main road links between the gazetteer settlements. Distances (about ±10%), road classes and
 * winter closures are approximations from public maps: good for demo data, routing tests and
 * simulation only; a deployment uses a routing engine on OpenStreetMap data.
 */
export type RoadClass = 'highway' | 'regional' | 'unpaved';

export interface RoadLink {
  readonly from: string;
  readonly to: string;
  readonly km: number;
  readonly roadClass: RoadClass;
  /** Months (1-12) in which the link is usually closed by snow. */
  readonly closedMonths: readonly number[];
}

export interface KgRoadLink extends RoadLink {
  readonly from: SettlementCode;
  readonly to: SettlementCode;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads a closure season such as 'Nov-Apr' (wrapping over the new year) into months 1-12. */
export function parseClosedMonths(season: string): number[] {
  const trimmed = season.trim();
  if (trimmed === '') return [];
  const [fromName, toName = fromName] = trimmed.split('-').map((part) => part.trim());
  const from = MONTHS.indexOf(fromName) + 1;
  const to = MONTHS.indexOf(toName) + 1;
  if (from === 0 || to === 0) throw new RangeError(`not a closure season: ${season}`);
  const months: number[] = [];
  for (let m = from; ; m = (m % 12) + 1) {
    months.push(m);
    if (m === to) return months;
  }
}

const closedIn = parseClosedMonths;

export const KG_ROADS: readonly KgRoadLink[] = [
  { from: 'bishkek', to: 'kant', km: 25, roadClass: 'highway', closedMonths: [] },
  { from: 'kant', to: 'tokmok', km: 40, roadClass: 'highway', closedMonths: [] },
  { from: 'tokmok', to: 'kemin', km: 35, roadClass: 'highway', closedMonths: [] },
  { from: 'kemin', to: 'balykchy', km: 85, roadClass: 'highway', closedMonths: [] },
  { from: 'bishkek', to: 'kara-balta', km: 62, roadClass: 'highway', closedMonths: [] },
  { from: 'bishkek', to: 'suusamyr', km: 150, roadClass: 'highway', closedMonths: [] },
  { from: 'suusamyr', to: 'toktogul', km: 140, roadClass: 'highway', closedMonths: [] },
  { from: 'toktogul', to: 'tash-komur', km: 140, roadClass: 'highway', closedMonths: [] },
  { from: 'tash-komur', to: 'jalal-abad', km: 110, roadClass: 'highway', closedMonths: [] },
  { from: 'tash-komur', to: 'kerben', km: 60, roadClass: 'regional', closedMonths: [] },
  { from: 'jalal-abad', to: 'mailuu-suu', km: 60, roadClass: 'regional', closedMonths: [] },
  { from: 'jalal-abad', to: 'osh', km: 100, roadClass: 'highway', closedMonths: [] },
  { from: 'jalal-abad', to: 'uzgen', km: 70, roadClass: 'regional', closedMonths: [] },
  { from: 'osh', to: 'kara-suu', km: 22, roadClass: 'highway', closedMonths: [] },
  { from: 'osh', to: 'aravan', km: 25, roadClass: 'regional', closedMonths: [] },
  { from: 'osh', to: 'uzgen', km: 55, roadClass: 'highway', closedMonths: [] },
  { from: 'osh', to: 'gulcha', km: 90, roadClass: 'highway', closedMonths: [] },
  { from: 'osh', to: 'kyzyl-kiya', km: 110, roadClass: 'regional', closedMonths: [] },
  { from: 'kyzyl-kiya', to: 'batken', km: 130, roadClass: 'regional', closedMonths: [] },
  { from: 'batken', to: 'isfana', km: 130, roadClass: 'regional', closedMonths: [] },
  { from: 'isfana', to: 'sulukta', km: 20, roadClass: 'regional', closedMonths: [] },
  { from: 'suusamyr', to: 'talas', km: 150, roadClass: 'highway', closedMonths: [] },
  { from: 'talas', to: 'kara-buura', km: 80, roadClass: 'regional', closedMonths: [] },
  { from: 'suusamyr', to: 'chaek', km: 150, roadClass: 'unpaved', closedMonths: closedIn('Nov-Apr') },
  { from: 'balykchy', to: 'kochkor', km: 55, roadClass: 'highway', closedMonths: [] },
  { from: 'kochkor', to: 'naryn', km: 110, roadClass: 'highway', closedMonths: [] },
  { from: 'kochkor', to: 'chaek', km: 125, roadClass: 'regional', closedMonths: [] },
  { from: 'naryn', to: 'at-bashy', km: 45, roadClass: 'highway', closedMonths: [] },
  { from: 'naryn', to: 'kazarman', km: 220, roadClass: 'unpaved', closedMonths: closedIn('Nov-Apr') },
  { from: 'kazarman', to: 'jalal-abad', km: 190, roadClass: 'unpaved', closedMonths: closedIn('Nov-Apr') },
  { from: 'balykchy', to: 'cholpon-ata', km: 80, roadClass: 'highway', closedMonths: [] },
  { from: 'cholpon-ata', to: 'karakol', km: 150, roadClass: 'highway', closedMonths: [] },
  { from: 'balykchy', to: 'bokonbaevo', km: 100, roadClass: 'regional', closedMonths: [] },
  { from: 'bokonbaevo', to: 'karakol', km: 140, roadClass: 'regional', closedMonths: [] },
];
