import { demoCentreCapacity, DirectoryCentre, DirectoryFacilitator } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { assessFeasibility } from '../../apps/matching/src/capacity/feasibility';
import { ProgrammeRequest, Sex, WeeklyWindow } from '../../apps/matching/src/capacity/capacity-types';
import { Oblast, SettlementCode, settlementByCode } from '../../apps/matching/src/travel/kg-gazetteer';
import { runOnline } from './online-policies';
import { OBLASTS, SimOrder } from './orders';
import { weeklySlots } from './roster-capacity';
import { buildWorld, SimSettings } from './world';

/** The most common roster line in the demo directory: weekdays 09:00-18:00, Kyrgyz and Russian. */
export const TYPICAL_WEEK: readonly WeeklyWindow[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: '09:00',
  end: '18:00',
}));
/** Two 4-hour sessions fit in 09:00-18:00. */
const TYPICAL_SESSIONS_PER_WEEK = 10;
/** Participants per group session assumed for the first guess only; the search corrects it. */
const GUESSED_GROUP_FILL = 3;
export const WEEKS_PER_YEAR = 365 / 7;
/**
 * An existing centre takes at most this many added people of each sex; the rest form new teams of
 * this size. Real centres are small, and a big roster makes every feasibility check slow.
 */
export const ADDED_PER_CENTRE = 4;

export interface OblastShortfall {
  oblast: Oblast;
  orders: number;
  /**
   * Orders a programme can fit at all: some centre of the oblast, or a team on the typical week, could
   * run it before expiry on an empty calendar. The rest (mostly orders under about 20 days) no staffing
   * can serve, so the target is a share of these.
   */
  canFit: number;
  /** Where new teams work: with the oblast's centres, or at its busiest settlement where it has none. */
  site: SettlementCode;
  newCentre: boolean;
  /** First guess from unmet demand, before the search. */
  guess: { men: number; women: number };
  addMen: number;
  addWomen: number;
  /** Share of all the oblast's orders placed in the sizing run with the added staff. */
  coverage: number;
  /** Orders placed in that run, and with the oblast's centres as they are (no staff added). */
  placed: number;
  placedWithout: number;
  reached: boolean;
  /** Router runs the search needed. */
  runs: number;
}

export interface ShortfallOptions {
  target: number;
  settings: SimSettings;
  /** Give up past this many added facilitators of one sex (the target may be out of reach). */
  maxPerSex?: number;
}

const slug = (oblast: Oblast) => oblast.toLowerCase().replace(/[^a-z]+/g, '-');

function addedFacilitator(oblast: Oblast, sex: Sex, n: number): DirectoryFacilitator {
  return {
    id: `added-${slug(oblast)}-${sex === 'male' ? 'm' : 'f'}${n}`,
    displayName: `Added ${sex} facilitator ${n}`,
    sex,
    languages: ['ky', 'ru'],
    certifiedOn: new Date('2026-12-01T00:00:00Z'),
    active: true,
    weekly: [...TYPICAL_WEEK],
    exceptions: [],
  };
}

/**
 * The oblast's centres with `men` and `women` more facilitators on the typical week: they join the
 * existing centres in turn, up to ADDED_PER_CENTRE of each sex per centre (pairing with staff who
 * lack a partner), and the rest form new teams at `site`, each its own calendar with groups of 8.
 */
export function withAddedStaff(
  oblast: Oblast,
  local: readonly DirectoryCentre[],
  site: SettlementCode,
  men: number,
  women: number,
): DirectoryCentre[] {
  const centres = local.map((c) => ({ ...c, facilitators: [...c.facilitators] }));
  const place = settlementByCode(site);
  const teams: DirectoryCentre[] = [];
  const teamCount = Math.ceil(
    Math.max(men - ADDED_PER_CENTRE * centres.length, women - ADDED_PER_CENTRE * centres.length, 0) / ADDED_PER_CENTRE,
  );
  for (let t = 1; t <= teamCount; t++) {
    teams.push({
      id: `added-${slug(oblast)}-team-${t}`,
      name: `${oblast}: added team ${t}`,
      municipal: false,
      settlementCode: site,
      oblast,
      lat: place.lat,
      lng: place.lng,
      status: 'open',
      groupCapacity: 8,
      contactChannels: [],
      facilitators: [],
      groupSlots: [],
      outreachPoints: [],
    });
  }
  for (const [sex, total] of [['male', men], ['female', women]] as const) {
    for (let n = 1; n <= total; n++) {
      const k = n - 1;
      const joinsCentre = k < ADDED_PER_CENTRE * centres.length;
      const host = joinsCentre ? centres[k % centres.length] : teams[(k - ADDED_PER_CENTRE * centres.length) % teamCount];
      host.facilitators.push(addedFacilitator(oblast, sex, n));
    }
  }
  return [...centres, ...teams];
}

/**
 * How many more men and women facilitators, each on the typical week, would let the router place
 * `target` of the orders a programme can fit, in each oblast. Measured, not estimated: the router is
 * re-run on the oblast's orders against the oblast's own centres with staff added (see withAddedStaff),
 * and a small search finds the fewest men with women plentiful, then the fewest women with those men.
 * Sized on capacity: the sizing runs have no declines or missed deadlines, which staff cannot fix and
 * hand-offs absorb. Each oblast is sized on its own orders and centres, so Chuy is not counted on
 * Bishkek's spare time.
 */
export function facilitatorShortfall(
  orders: readonly SimOrder[],
  centres: readonly DirectoryCentre[],
  options: ShortfallOptions,
): OblastShortfall[] {
  const { target, maxPerSex = 120 } = options;
  const settings: SimSettings = { ...options.settings, declineRate: 0, missRate: 0 };
  const results: OblastShortfall[] = [];

  for (const oblast of OBLASTS) {
    const own = orders.filter((o) => o.oblast === oblast);
    if (own.length === 0) continue;
    const local = centres.filter((c) => c.oblast === oblast && c.status === 'open');
    const site = local[0]?.settlementCode ?? busiestSettlement(own);
    const canFit = own.filter((o) => fitsSomewhere(o, [...local, ...withAddedStaff(oblast, [], site, 1, 1)], settings)).length;
    const needed = Math.ceil(target * canFit - 1e-9);

    // A failing staffing level only needs to be known to fail: its run stops early.
    const shares = new Map<string, number | null>();
    const placedAt = (men: number, women: number, stopAfterUnplaced?: number): number | null => {
      const world = buildWorld(own, withAddedStaff(oblast, local, site, men, women), settings);
      const run = runOnline(world, 'router', { stopAfterUnplaced });
      return run.stoppedEarly ? null : run.outcomes.filter((o) => o.placed).length;
    };
    // Without additions the run goes to the end: what the additions newly place is measured against it.
    const placedWithout = placedAt(0, 0)!;
    shares.set('0|0', placedWithout);
    /** With `toTheEnd`, a failing level is played out too: the last one tried, short of the target, is reported. */
    const reaches = (men: number, women: number, toTheEnd = false): boolean => {
      const key = `${men}|${women}`;
      if (!shares.has(key) || (toTheEnd && shares.get(key) === null)) {
        shares.set(key, placedAt(men, women, toTheEnd ? undefined : own.length - needed));
      }
      const placed = shares.get(key);
      return placed !== null && placed !== undefined && placed >= needed;
    };

    const sessionsNeeded = (needed * (2 + 2 / GUESSED_GROUP_FILL)) / WEEKS_PER_YEAR;
    const monday = mondayOf(own[0].issuedAt);
    const guess = {
      men: Math.max(0, Math.ceil((sessionsNeeded - weeklySlots(local, 'male', monday)) / TYPICAL_SESSIONS_PER_WEEK)),
      women: Math.max(0, Math.ceil((sessionsNeeded - weeklySlots(local, 'female', monday)) / TYPICAL_SESSIONS_PER_WEEK)),
    };

    let men = 0;
    let women = 0;
    let reached = reaches(0, 0);
    if (!reached) {
      // Find enough of both, then take men off with women plentiful, then women off.
      let hiMen = Math.max(1, guess.men);
      let hiWomen = Math.max(1, guess.women);
      while (!(reached = reaches(hiMen, hiWomen, Math.max(hiMen, hiWomen) >= maxPerSex)) && Math.max(hiMen, hiWomen) < maxPerSex) {
        hiMen = Math.min(maxPerSex, Math.ceil(hiMen * 1.5) + 1);
        hiWomen = Math.min(maxPerSex, Math.ceil(hiWomen * 1.5) + 1);
      }
      men = hiMen;
      women = hiWomen;
      if (reached) {
        men = smallest(0, hiMen, (m) => reaches(m, hiWomen));
        women = smallest(0, hiWomen, (w) => reaches(men, w));
      }
    }
    // Short of the target, the largest staffing tried is played to the end to know what it places.
    const placed = shares.get(`${men}|${women}`) ?? placedAt(men, women)!;
    results.push({
      oblast,
      orders: own.length,
      canFit,
      site,
      newCentre: local.length === 0,
      guess,
      addMen: men,
      addWomen: women,
      coverage: placed / own.length,
      placed,
      placedWithout,
      reached,
      runs: shares.size,
    });
  }
  return results;
}

/** Whether any of `centres`, with nothing booked, could run the programme before the order expires. */
function fitsSomewhere(order: SimOrder, centres: readonly DirectoryCentre[], settings: SimSettings): boolean {
  const request: ProgrammeRequest = {
    participantSex: order.sex,
    language: order.language,
    notBefore: new Date(order.issuedAt.getTime() + settings.firstSessionMarginHours * 3_600_000),
    mustFinishBy: order.expiresAt,
  };
  return centres.some((c) => c.status === 'open' && assessFeasibility(demoCentreCapacity(c, []), request).feasible);
}

/** Smallest k in [lo, hi] with ok(k), given ok(hi); assumes more staff never lowers coverage. */
function smallest(lo: number, hi: number, ok: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/** Day 4 (1970-01-05) was a Monday. */
function mondayOf(at: Date): number {
  const day = bishkekDayNumber(at);
  return day - ((((day - 4) % 7) + 7) % 7);
}

function busiestSettlement(orders: readonly SimOrder[]): SettlementCode {
  const counts = new Map<SettlementCode, number>();
  for (const o of orders) counts.set(o.settlementCode, (counts.get(o.settlementCode) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
