/**
 * A simulated national year: 15,000 protection orders spread over 2027 by oblast population, hour and
 * weekday, routed against the demo centres by Korgoo's router, by a greedy baseline (the nearest by straight
 * line that can deliver) and by the offline optimum with hindsight (a min-cost max-flow relaxation), side by side.
 * Centres' outreach points are routed to as the service does. Per oblast it sizes the facilitator shortfall and,
 * for the orders no centre is within reach of, prices outreach points of existing centres beside it.
 *
 *   npm run bench:year -- --orders 15000 --decline-rate 0.1 --miss-rate 0.05 --seed 1
 *
 * Other options: --handoffs 2, --margin-hours 24, --year 2027, --growth 0.3 (orders 30% busier at the year's end than at its start), --target 0.95 (facilitator shortfall),
 * --no-shortfall (also skips the outreach option), --no-loose-bound (skips the slot-blind and first-sessions-only flows), --out bench/results, --directory what-if|report|slot-days
 * (the large what-if rosters, the default; the demo directory sized to what the evaluation report observes; or the
 * what-if rosters with every men's slot lead on duty the day before, of and after the slot).
 */
// The gazetteer checks settlement codes with the contracts' validators, whose decorators need it.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_MAX_TRAVEL_MINUTES } from '../apps/matching/src/capacity/candidates';
import { DEMO_DIRECTORY, DirectoryCentre } from '../apps/matching/src/directory/demo/demo-directory';
import { REPORT_DIRECTORY } from '../apps/matching/src/directory/demo/report-directory';
import { DEFAULT_OPTIONS, NationalYearOptions, NationalYearResult, runNationalYear } from './national-year/national-year';
import { OBLASTS } from './national-year/orders';
import { Coverage, minutes, percent, PolicySummary, table } from './national-year/report';
import { SOM_PER_FACILITATOR_HOUR } from './national-year/outreach-cost';
import type { OutreachOption } from './national-year/outreach';
import { withSlotLeadsAroundSlots } from './national-year/slot-days';

const DIRECTORIES: Record<string, readonly DirectoryCentre[]> = {
  'what-if': DEMO_DIRECTORY,
  report: REPORT_DIRECTORY,
  'slot-days': withSlotLeadsAroundSlots(DEMO_DIRECTORY),
};

function parseOptions(argv: readonly string[]): NationalYearOptions & { out: string; centres: readonly DirectoryCentre[] } {
  const options = { ...DEFAULT_OPTIONS, out: join(process.cwd(), 'bench', 'results'), centres: DEMO_DIRECTORY };
  const number = (flag: string, value: string | undefined, test: (n: number) => boolean): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || !test(n)) throw new RangeError(`${flag} needs a valid number, got ${value}`);
    return n;
  };
  const share = (n: number) => n >= 0 && n <= 1;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--orders': options.orders = number(flag, value, (n) => Number.isInteger(n) && n > 0); i++; break;
      case '--seed': options.seed = number(flag, value, Number.isInteger); i++; break;
      case '--decline-rate': options.declineRate = number(flag, value, share); i++; break;
      case '--miss-rate': options.missRate = number(flag, value, share); i++; break;
      case '--handoffs': options.handOffLimit = number(flag, value, (n) => Number.isInteger(n) && n >= 0); i++; break;
      case '--margin-hours': options.firstSessionMarginHours = number(flag, value, (n) => n >= 0); i++; break;
      case '--growth': options.growth = number(flag, value, (n) => n >= 0 && n <= 2); i++; break;
      case '--year': options.year = number(flag, value, (n) => Number.isInteger(n) && n >= 2000 && n <= 2100); i++; break;
      case '--target': options.shortfallTarget = number(flag, value, (n) => n > 0 && n <= 1); i++; break;
      case '--no-shortfall': options.shortfallTarget = null; break;
      case '--no-loose-bound': options.looseBound = false; break;
      case '--out': if (!value) throw new RangeError('--out needs a directory'); options.out = value; i++; break;
      case '--directory':
        if (!value || !Object.hasOwn(DIRECTORIES, value)) throw new RangeError(`--directory needs one of ${Object.keys(DIRECTORIES).join(', ')}`);
        options.centres = DIRECTORIES[value];
        i++;
        break;
      default: throw new RangeError(`unknown option ${flag}`);
    }
  }
  if (options.declineRate + options.missRate > 1) throw new RangeError('--decline-rate and --miss-rate add up to more than 1');
  return options;
}

const count = (n: number) => n.toLocaleString('en-US');
const perGroup = (seats: number, groups: number) => (seats / Math.max(1, groups)).toFixed(2);
const withShare = (n: number, total: number) => `${count(n)} (${percent(n / Math.max(1, total))})`;

function policyTable(r: NationalYearResult): string {
  const { router, greedy, optimum } = r;
  const all = [router, greedy, optimum];
  const cell = (f: (s: PolicySummary) => string) => all.map(f);
  const reason = (s: PolicySummary, key: keyof PolicySummary['unplaced']) =>
    s.unplaced[key] === undefined ? '-' : withShare(s.unplaced[key]!, s.orders);
  const coverageRow = (label: string, of: (s: PolicySummary) => Coverage | undefined) => [
    label,
    ...cell((s) => {
      const row = of(s);
      return row ? `${count(row.placed)} of ${count(row.orders)} (${percent(row.share)})` : '-';
    }),
  ];
  return table(
    ['', 'Korgoo router', 'Greedy, nearest able', 'Offline optimum (slots)'],
    [
      ['Placed, programme ends before expiry', ...cell((s) => withShare(s.placed, s.orders))],
      ['  as a share of the optimum', percent(r.routerShareOfOptimum), percent(r.greedyShareOfOptimum), '100.0%'],
      ['Travel of placed orders, median', ...cell((s) => minutes(s.travelMinutes.median))],
      ['Travel of placed orders, p95', ...cell((s) => minutes(s.travelMinutes.p95))],
      [`Placed beyond the ${DEFAULT_MAX_TRAVEL_MINUTES}-minute reach`, ...cell((s) => count(s.placedBeyondReach))],
      ...['urgent', 'high', 'standard'].map((priority) => coverageRow(`Placed, ${priority} priority`, (s) => s.coverageByPriority[priority])),
      ...['male', 'female'].map((sex) => coverageRow(`Placed, ${sex === 'male' ? 'men' : 'women'}`, (s) => s.coverageBySex[sex])),
      ['Escalated to a coordinator', router.escalated === null ? '-' : withShare(router.escalated, router.orders), '-', '-'],
      ['  no centre could deliver in time', reason(router, 'no_feasible_centre'), '-', '-'],
      ['  declined or missed, hand-offs used up', reason(router, 'hand_offs_exhausted'), '-', '-'],
      ['Placed after a decline or missed deadline', withShare(router.placedAfterHandOff, router.orders), '-', '-'],
      ['Placed from the waiting queue when capacity freed', withShare(router.placedFromQueue, router.orders), '-', '-'],
      ['Not placed: no centre within reach could deliver', '-', reason(greedy, 'no_centre_can_deliver'), '-'],
      ['Not placed: the centre chosen declined or missed', '-', reason(greedy, 'declined_or_missed'), '-'],
    ],
  );
}

function oblastTable(r: NationalYearResult): string {
  const short = new Map((r.shortfall ?? []).map((s) => [s.oblast, s]));
  const rows = OBLASTS.map((oblast) => {
    const s = short.get(oblast);
    const cov = (p: PolicySummary) => percent(p.coverageByOblast[oblast].share);
    const sized = (n: number) => (s ? `${n}${s.reached ? '' : '+'}` : '-');
    return [
      oblast,
      count(r.router.coverageByOblast[oblast].orders),
      cov(r.router),
      cov(r.greedy),
      cov(r.optimum),
      s ? percent(s.canFit / Math.max(1, s.orders)) : '-',
      sized(s?.addMen ?? 0),
      sized(s?.addWomen ?? 0),
      s ? `${s.site}${s.newCentre ? ' (new centre)' : ''}` : '-',
      s ? percent(s.coverage) : '-',
      r.shortfallCheck ? percent(r.shortfallCheck.coverageByOblast[oblast].share) : '-',
    ];
  });
  return table(
    ['Oblast', 'Orders', 'Router', 'Greedy', 'Optimum', 'Can fit', '+Men', '+Women', 'Teams at', 'Sized', 'Check'],
    rows,
  );
}

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const som = (n: number | null) => (n === null ? '-' : count(Math.round(n)));

/** Outreach points against new facilitators, per oblast, each priced per order it newly places. */
function outreachTable(r: NationalYearResult): string {
  const rows = (r.outreach?.oblasts ?? []).map((o) => {
    const f = o.facilitators;
    const proposed = o.points.length > 0;
    return [
      o.oblast,
      count(o.unreached),
      proposed ? `${o.points.length} (${o.points.reduce((n, p) => n + p.weekdays.length, 0)} d/wk)` : '-',
      proposed ? count(o.newlyPlaced) : '-',
      proposed ? count(Math.round(o.price.hours)) : '-',
      proposed ? som(o.price.som) : '-',
      proposed ? som(o.price.somPerOrder) : '-',
      f ? `${count(f.added)}${f.reached ? '' : '+'}` : '-',
      f ? count(f.newlyPlaced) : '-',
      f ? count(Math.round(f.price.hours)) : '-',
      f ? som(f.price.som) : '-',
      f ? som(f.price.somPerOrder) : '-',
    ];
  });
  const points = (r.outreach?.oblasts ?? []).flatMap((o) =>
    o.points.map(
      (p) =>
        `  ${o.oblast}: ${p.settlementCode} on ${p.weekdays.map((d) => WEEKDAY_NAMES[d]).join(' and ')} from ${p.centreId} ` +
        `(${minutes(p.roadMinutes)} by road; ${count(p.unreachedInReach)} unreached orders within reach)`,
    ),
  );
  return [
    table(
      ['Oblast', 'Unreached', 'Points', '+Placed', 'Hours/yr', 'Som/yr', 'Som/order', '+Staff', '+Placed', 'Hours/yr', 'Som/yr', 'Som/order'],
      rows,
    ),
    ...(points.length > 0 ? ['Points proposed:', ...points] : []),
    ...(r.outreach?.national ? [nationalOutreachLine(r.outreach.national)] : []),
  ].join('\n');
}

/** Every point at once: where the pairs' days away cost their own centres' orders, and the price per net order. */
function nationalOutreachLine(national: NonNullable<OutreachOption['national']>): string {
  const change = Object.entries(national.changeByOblast)
    .map(([oblast, n]) => `${oblast} ${n > 0 ? '+' : ''}${count(n)}`)
    .join(', ');
  const net = national.placedWith - national.placedWithout;
  return (
    `Every point at once, all orders (no declines): ${count(national.placedWithout)} placed without, ` +
    `${count(national.placedWith)} with (${net >= 0 ? '+' : ''}${count(net)}: ${change || 'no oblast changed'}); ` +
    `${count(Math.round(national.price.hours))} hours a year, ${som(national.price.somPerOrder)} som per net order.`
  );
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const facilitators = options.centres.reduce((n, c) => n + c.facilitators.length, 0);
  console.log(`Simulated national year ${options.year}, seed ${options.seed}: ${count(options.orders)} orders, growing ${percent(options.growth)} over the year`);
  const r = runNationalYear({ ...options, log: (line) => console.log(line) });
  const elapsed = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  const o = r.orders;
  const sessions = r.runs.router.sessions;
  const lines = [
    '',
    `Orders: ${count(o.count)} (approximate 2024 oblast populations); ${percent(o.male / o.count)} against men, ` +
      `${percent(o.russian / o.count)} in Russian, ${percent(o.thirtyDays / o.count)} for 30 days; ` +
      `${count(o.noProgrammePossible)} could not fit a programme at any centre even with empty calendars.`,
    `Centres: ${options.centres.length} demo centres, ${facilitators} facilitators (demo data, not real rosters). ` +
      `Declines ${percent(options.declineRate)}, missed deadlines ${percent(options.missRate)}, ` +
      `up to ${options.handOffLimit} hand-offs, first session at least ${options.firstSessionMarginHours} h after the order.`,
    '',
    policyTable(r),
    '',
    'Coverage per oblast (share of its orders placed) and the facilitator shortfall: men and women to add for the ' +
      `router to place ${percent(options.shortfallTarget)} of the orders a programme can fit ("Can fit"):`,
    oblastTable(r),
    '',
    'The offline optimum is a relaxation, an upper bound on what any online router can place: min-cost max-flow',
    'over orders -> (centre, week of first session) -> centre -> sink. An order may start at a centre within reach',
    `(by road, at most ${DEFAULT_MAX_TRAVEL_MINUTES} minutes one way, on the roads open when the order is issued; the router`,
    'also needs a road open in each session\'s month) in a week, or at one of its',
    'outreach points, counted as a place of its own run by its pair in its windows only,',
    'when the centre could run its whole programme (language, man and woman, 6-8 days apart, before expiry) on an',
    'empty calendar; a centre-week takes at most the sessions its roster can run that week; a centre takes at most',
    'n orders over the year, where 2n individual sessions plus ceil(2n / group capacity) full group sessions fit in',
    'what it can run. It knows which centres will decline, ignores exact times, and assumes groups fill completely.',
    'Where a centre declares weekly group slots for a sex and language, those groups meet only there: orders of that',
    'sex and language take at most half the slot places of the span (two group sessions each, at most the slot\'s',
    'maximum per meeting), and those starting in a week at most half the places 12-30 days after its Monday;',
    'individual sessions and groups of a pair\'s own are counted outside the hours kept for slots, and an order\'s',
    'individual sessions only on days from which one of its slot meetings can follow 6-8 days apart (with a Thursday',
    'slot, the last one on Wednesday to Friday, the first within two days of Thursday).',
    r.runs.slotBlindBound
      ? `Blind to the slots (every group anywhere in the pairs' free time) the bound was ${count(r.runs.slotBlindBound.placed)}; ` +
        `the router is ${percent(r.router.placed / Math.max(1, r.runs.slotBlindBound.placed))} of it.`
      : '',
    `Router sessions: ${count(sessions.individual)} individual and ${count(sessions.groups)} group sessions held ` +
      `(${perGroup(sessions.groupSeats, sessions.groups)} participants per group) of ` +
      `${count(r.sessionsOffered)} the rosters can run over the span ` +
      `(${percent((sessions.individual + sessions.groups) / Math.max(1, r.sessionsOffered))}): ` +
      `${count(sessions.slotMeetings)} meetings of declared slots (${perGroup(sessions.slotSeats, sessions.slotMeetings)} each) ` +
      `and ${count(sessions.groups - sessions.slotMeetings)} groups a pair opened in its own time ` +
      `(${perGroup(sessions.groupSeats - sessions.slotSeats, sessions.groups - sessions.slotMeetings)} each), ` +
      `${count(sessions.womenGroups)} of them women's (${perGroup(sessions.womenSeats, sessions.womenGroups)} each).`,
    r.runs.looseBound
      ? `The looser first-sessions-only bound (no per-centre limit) places ${count(r.runs.looseBound.placed)}; ` +
        `the router is ${percent(r.router.placed / Math.max(1, r.runs.looseBound.placed))} of it.`
      : '',
    r.shortfall
      ? 'Shortfall: measured, not estimated. For each oblast the router is re-run on that oblast\'s orders against ' +
        'its own centres with facilitators added (weekdays 09:00-18:00, Kyrgyz and Russian; up to 4 of each sex join ' +
        'each existing centre, the rest form teams of up to 4 men and 4 women at the place shown), without declines, ' +
        'searching for the fewest men with women plentiful, then the fewest women. "Can fit": orders a programme can ' +
        'fit at all before expiry (the rest are mostly orders under about 20 days). "Sized": share of all the ' +
        'oblast\'s orders placed in that run; "+": not reached. "Check": the national run with every addition, ' +
        `declines and misses on, which places ${percent(r.shortfallCheck!.placedShare)} of all orders.`
      : '',
    ...(r.outreach
      ? [
          '',
          'Outreach against new facilitators: orders placed nowhere because no centre is within reach ("Unreached"), ' +
            'outreach points of existing centres proposed for them, and what each option newly places and costs at ' +
            `${SOM_PER_FACILITATOR_HOUR} som per facilitator-hour per person:`,
          outreachTable(r),
          'Outreach: at the settlements bringing the most unreached orders within reach (at least 12 a year, at most 3 ' +
            'points an oblast), a pair of the nearest centre by road, at most 6 hours away (the oblast\'s own; any where ' +
            'it has none), holds sessions 10:00-16:00 one day a week, two above 17 orders a year, on the weekdays it is ' +
            'due nowhere else and loses fewest hours at its centre; the router is re-run on the oblast\'s orders against ' +
            'the directory\'s centres, without declines, with and without the points. Priced: sessions held there ' +
            'plus the road both ways, for both of the pair, on the days anything was booked. New facilitators (the ' +
            'shortfall above, "+": target not reached): their rostered 45 hours a week all year, against what they ' +
            'newly place in the sizing run over the oblast\'s centres as they are.',
        ]
      : []),
    '',
    `Run time ${elapsed.toFixed(1)} s (` +
      Object.entries(r.timingsMs)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ') +
      `); peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB, heap in use ${heapMb.toFixed(0)} MB; ` +
      `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}.`,
  ];

  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, `national-year-${options.seed}.json`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim(), memoryGb: totalmem() / 2 ** 30, node: process.version };
  const run = { seconds: elapsed, peakRssMb: usage.maxRSS / 1024, heapUsedMb: heapMb };
  writeFileSync(file, `${JSON.stringify({ ...r, machine, run }, null, 2)}\n`);
  const shown = file.startsWith(process.cwd()) ? relative(process.cwd(), file) : file;
  console.log([...lines.filter((l, i) => l !== '' || lines[i - 1] !== ''), `Results: ${shown}`].join('\n'));
}

main();
