import { bishkekDayNumber, bishkekInstant, fromBishkekMinutes, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import type { Language, Sex } from '../../apps/matching/src/capacity/capacity-types';
import { KG_SETTLEMENTS, Oblast, SettlementCode } from '../../apps/matching/src/travel/kg-gazetteer';
import type { GeoPoint } from '../../apps/matching/src/travel/geo';
import { ROUTING_PRIORITIES, type RoutingPriority } from '@korgoo/contracts';
import { Random } from '../seeded-random';

export type Priority = RoutingPriority;

export interface SimOrder {
  index: number;
  id: string;
  issuedAt: Date;
  expiresAt: Date;
  lengthDays: number;
  oblast: Oblast;
  settlementCode: SettlementCode;
  location: GeoPoint;
  sex: Sex;
  language: Language;
  priority: Priority;
}

/**
 * Residents in thousands, approximate public 2024 figures (rounded; the national statistics committee
 * publishes the exact ones). Orders are spread in proportion.
 */
export const OBLAST_POPULATION_THOUSANDS: Readonly<Record<Oblast, number>> = {
  'Bishkek city': 1150,
  'Osh city': 350,
  Chuy: 1000,
  Osh: 1400,
  'Jalal-Abad': 1300,
  Batken: 560,
  Talas: 270,
  Naryn: 300,
  'Issyk-Kul': 500,
};

export const OBLASTS = Object.keys(OBLAST_POPULATION_THOUSANDS) as Oblast[];

/**
 * Rough share of an oblast's people living nearest each gazetteer settlement (assumed, not census):
 * the district towns carry their surrounding villages.
 */
const SETTLEMENT_WEIGHT: Readonly<Record<SettlementCode, number>> = {
  bishkek: 1,
  kant: 0.3,
  tokmok: 0.25,
  kemin: 0.08,
  'kara-balta': 0.33,
  suusamyr: 0.04,
  osh: 1,
  'kara-suu': 0.4,
  aravan: 0.2,
  uzgen: 0.25,
  gulcha: 0.15,
  'jalal-abad': 0.35,
  'mailuu-suu': 0.1,
  'tash-komur': 0.1,
  kerben: 0.2,
  toktogul: 0.15,
  kazarman: 0.1,
  naryn: 0.35,
  'at-bashy': 0.25,
  kochkor: 0.25,
  chaek: 0.15,
  balykchy: 0.15,
  'cholpon-ata': 0.2,
  karakol: 0.45,
  bokonbaevo: 0.2,
  talas: 0.65,
  'kara-buura': 0.35,
  batken: 0.3,
  'kyzyl-kiya': 0.35,
  isfana: 0.25,
  sulukta: 0.1,
};

/** Share of perpetrators choosing Russian for the programme (assumed; Kyrgyz everywhere else). */
export const RUSSIAN_SHARE: Readonly<Record<Oblast, number>> = {
  'Bishkek city': 0.45,
  Chuy: 0.35,
  'Issyk-Kul': 0.15,
  'Osh city': 0.12,
  Talas: 0.07,
  'Jalal-Abad': 0.05,
  Osh: 0.04,
  Batken: 0.04,
  Naryn: 0.03,
};

/** Calls peak in the evening and at night (assumed profile, hours 0-23 Bishkek time). */
export const HOUR_WEIGHTS: readonly number[] = [
  0.9, 0.7, 0.5, 0.35, 0.25, 0.2, 0.25, 0.35, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0, 1.1, 1.3, 1.5, 1.65, 1.7,
  1.5, 1.2,
];

/** Monday to Sunday: weekends carry more (assumed). */
export const WEEKDAY_WEIGHTS: readonly number[] = [0.9, 0.85, 0.85, 0.9, 1.0, 1.3, 1.25];

export interface OrderGenerationOptions {
  count: number;
  seed: number;
  year?: number;
  /** Orders grow about 30% a year; spread that growth over the months. */
  yearlyGrowth?: number;
  maleShare?: number;
  /** Locations are spread uniformly over a disc of this radius around the settlement. */
  jitterKm?: number;
}

/** Share of orders by routing priority (assumed mix of ODARA outcomes and immediate danger). */
const PRIORITY_WEIGHTS = [0.1, 0.3, 0.6];
const MINUTES_PER_DAY = 1440;
const KM_PER_DEGREE_LAT = 111.32;

/** Most orders run the full 30 days; some are shorter, a few too short for any programme. */
function drawLengthDays(random: Random): number {
  const r = random.next();
  if (r < 0.88) return 30;
  if (r < 0.97) return random.int(21, 29);
  return random.int(14, 20);
}

function jitter(random: Random, centre: GeoPoint, radiusKm: number): GeoPoint {
  const distance = radiusKm * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const dLat = (distance * Math.cos(bearing)) / KM_PER_DEGREE_LAT;
  const dLng = (distance * Math.sin(bearing)) / (KM_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: centre.lat + dLat, lng: centre.lng + dLng };
}

/** One year of protection orders, in issue order; the same options give the same orders. */
export function generateOrders(options: OrderGenerationOptions): SimOrder[] {
  const { count, seed, year = 2027, yearlyGrowth = 0.3, maleShare = 0.95, jitterKm = 5 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('order count must be a whole number');
  const random = new Random(seed);

  const firstDay = bishkekDayNumber(bishkekInstant(`${year}-01-01`));
  const days = bishkekDayNumber(bishkekInstant(`${year + 1}-01-01`)) - firstDay;
  const dayWeights = Array.from(
    { length: days },
    (_, d) => WEEKDAY_WEIGHTS[weekdayOfDayNumber(firstDay + d) - 1] * (1 + yearlyGrowth) ** (d / days),
  );
  const oblastWeights = OBLASTS.map((o) => OBLAST_POPULATION_THOUSANDS[o]);
  const settlementsOf = new Map(
    OBLASTS.map((o) => [o, KG_SETTLEMENTS.filter((s) => s.oblast === o)] as const),
  );

  const drafts: Array<Omit<SimOrder, 'index' | 'id'>> = [];
  for (let i = 0; i < count; i++) {
    const oblast = OBLASTS[random.weighted(oblastWeights)];
    const places = settlementsOf.get(oblast)!;
    const place = places[random.weighted(places.map((s) => SETTLEMENT_WEIGHT[s.code]))];
    const day = firstDay + random.weighted(dayWeights);
    const minute = random.weighted(HOUR_WEIGHTS) * 60 + random.int(0, 59);
    const issuedAt = fromBishkekMinutes(day * MINUTES_PER_DAY + minute);
    const lengthDays = drawLengthDays(random);
    drafts.push({
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + lengthDays * MINUTES_PER_DAY * 60_000),
      lengthDays,
      oblast,
      settlementCode: place.code,
      location: jitter(random, place, jitterKm),
      sex: random.next() < maleShare ? 'male' : 'female',
      language: random.next() < RUSSIAN_SHARE[oblast] ? 'ru' : 'ky',
      priority: ROUTING_PRIORITIES[random.weighted(PRIORITY_WEIGHTS)],
    });
  }
  // Stable sort keeps equal instants in draw order, so ids stay deterministic.
  drafts.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  const width = String(Math.max(count, 1)).length;
  return drafts.map((d, index) => ({ ...d, index, id: `PO-${year}-${String(index + 1).padStart(width, '0')}` }));
}
