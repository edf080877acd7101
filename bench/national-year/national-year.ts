import { DEMO_DIRECTORY, DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import { OnlineRun, runOnline } from './online-policies';
import { OptimumRun, solveOptimum, startWeeks } from './optimum';
import { generateOrders, SimOrder } from './orders';
import { PolicySummary, summarise } from './report';
import { OutreachOption, outreachOption } from './outreach';
import { facilitatorShortfall, OblastShortfall, withAddedStaff } from './shortfall';
import { buildWorld, DEFAULT_SETTINGS, SimSettings } from './world';

export interface NationalYearOptions extends SimSettings {
  orders: number;
  year: number;
  /** Growth of orders over the year (0.3: the year ends 30% busier than it began). */
  growth: number;
  /** Coverage the facilitator shortfall is sized for; null skips the shortfall. */
  shortfallTarget: number | null;
  /** Also solve the looser flows, blind to declared slots and first-sessions-only, for comparison. */
  looseBound: boolean;
  centres?: readonly DirectoryCentre[];
  /** Progress lines while it runs. */
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: NationalYearOptions = {
  ...DEFAULT_SETTINGS,
  orders: 15_000,
  year: 2027,
  growth: 0.3,
  shortfallTarget: 0.95,
  looseBound: true,
};

export interface NationalYearResult {
  options: Omit<NationalYearOptions, 'centres' | 'log'>;
  orders: {
    count: number;
    male: number;
    russian: number;
    thirtyDays: number;
    /** No centre that would accept the order could fit the programme before expiry, even with an empty calendar. */
    noProgrammePossible: number;
  };
  router: PolicySummary;
  greedy: PolicySummary;
  optimum: PolicySummary;
  /** Router placements as a share of the optimum's. */
  routerShareOfOptimum: number;
  greedyShareOfOptimum: number;
  runs: {
    router: Omit<OnlineRun, 'outcomes' | 'policy' | 'pointDays'>;
    greedy: Omit<OnlineRun, 'outcomes' | 'policy' | 'pointDays'>;
    optimum: Omit<OptimumRun, 'outcomes' | 'policy'>;
    /** The optimum's flow without the slot limits ('sessions-per-centre'). */
    slotBlindBound: { placed: number; network: OptimumRun['network'] } | null;
    looseBound: { placed: number; network: OptimumRun['network'] } | null;
  };
  /** Sessions the rosters could run over the whole span, slot meetings included (the optimum's per-centre sums). */
  sessionsOffered: number;
  shortfall: OblastShortfall[] | null;
  /** National router run with every oblast's added facilitators, declines and misses on. */
  shortfallCheck: PolicySummary | null;
  /** Per oblast, outreach points for the orders no centre is within reach of, priced beside the added facilitators. */
  outreach: OutreachOption | null;
  timingsMs: Record<string, number>;
}

const strip = <T extends { outcomes: unknown; policy: unknown }>(run: T): Omit<T, 'outcomes' | 'policy'> => {
  const { outcomes: _o, policy: _p, ...rest } = run;
  return rest;
};

/** An online run without its outcomes and its per-day tallies at outreach points. */
const stripOnline = (run: OnlineRun): Omit<OnlineRun, 'outcomes' | 'policy' | 'pointDays'> => {
  const { pointDays: _d, ...rest } = strip(run);
  return rest;
};

const placedBy = (run: OptimumRun | null) =>
  run ? { placed: run.outcomes.filter((o) => o.placed).length, network: run.network } : null;

/**
 * Generates the year's orders (or takes `given` ones), plays them through the three policies against
 * the same centres and answers, and sizes the facilitator shortfall.
 */
export function runNationalYear(options: NationalYearOptions = DEFAULT_OPTIONS, given?: readonly SimOrder[]): NationalYearResult {
  const log = options.log ?? (() => {});
  const centres = options.centres ?? DEMO_DIRECTORY;
  const settings: SimSettings = {
    seed: options.seed,
    declineRate: options.declineRate,
    missRate: options.missRate,
    handOffLimit: options.handOffLimit,
    firstSessionMarginHours: options.firstSessionMarginHours,
  };
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const value = work();
    timingsMs[name] = Math.round(performance.now() - started);
    log(`  ${name}: ${(timingsMs[name] / 1000).toFixed(1)} s`);
    return value;
  };

  const orders = timed('generate orders', () => given ?? generateOrders({ count: options.orders, seed: options.seed, year: options.year, yearlyGrowth: options.growth }));
  const world = timed('travel times', () => buildWorld(orders, centres, settings));
  const router = timed('router', () => runOnline(world, 'router'));
  const greedy = timed('greedy', () => runOnline(world, 'greedy'));
  const starts = timed('optimum: start weeks', () => startWeeks(world));
  const optimum = timed('optimum: flow', () => solveOptimum(world, 'slot-model', starts));
  const slotBlind = options.looseBound ? timed('slot-blind flow', () => solveOptimum(world, 'sessions-per-centre', starts)) : null;
  const loose = options.looseBound ? timed('first-sessions-only flow', () => solveOptimum(world, 'first-sessions-only', starts)) : null;

  let shortfall: OblastShortfall[] | null = null;
  let shortfallCheck: PolicySummary | null = null;
  let outreach: OutreachOption | null = null;
  if (options.shortfallTarget !== null) {
    const target = options.shortfallTarget;
    shortfall = timed('shortfall search', () => facilitatorShortfall(orders, centres, { target, settings }));
    const bySize = new Map(shortfall.map((s) => [s.oblast, s]));
    // Every oblast's centres with its additions, the centres of oblasts left out unchanged.
    const staffed = [
      ...centres.filter((c) => !bySize.has(c.oblast)),
      ...shortfall.flatMap((s) =>
        withAddedStaff(s.oblast, centres.filter((c) => c.oblast === s.oblast && c.status === 'open'), s.site, s.addMen, s.addWomen),
      ),
      ...centres.filter((c) => bySize.has(c.oblast) && c.status !== 'open'),
    ];
    shortfallCheck = timed('shortfall check', () =>
      summarise('router', orders, runOnline(buildWorld(orders, staffed, settings), 'router').outcomes),
    );
    outreach = timed('outreach', () => outreachOption(world, router.outcomes, shortfall!, settings));
  }

  const summaries = {
    router: summarise('router', orders, router.outcomes),
    greedy: summarise('greedy', orders, greedy.outcomes),
    optimum: summarise('optimum', orders, optimum.outcomes),
  };
  const { centres: _c, log: _l, ...plainOptions } = options;
  return {
    options: plainOptions,
    orders: {
      count: orders.length,
      male: orders.filter((o) => o.sex === 'male').length,
      russian: orders.filter((o) => o.language === 'ru').length,
      thirtyDays: orders.filter((o) => o.lengthDays === 30).length,
      noProgrammePossible: starts.filter((s) => s.length === 0).length,
    },
    ...summaries,
    routerShareOfOptimum: summaries.router.placed / Math.max(1, summaries.optimum.placed),
    greedyShareOfOptimum: summaries.greedy.placed / Math.max(1, summaries.optimum.placed),
    runs: {
      router: stripOnline(router),
      greedy: stripOnline(greedy),
      optimum: strip(optimum),
      slotBlindBound: placedBy(slotBlind),
      looseBound: placedBy(loose),
    },
    sessionsOffered: optimum.centreLimits.reduce((n, c) => n + c.sessionsInSpan + c.slotMeetingsInSpan, 0),
    shortfall,
    shortfallCheck,
    outreach,
    timingsMs,
  };
}
