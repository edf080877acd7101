import { bishkekInstant } from '../apps/matching/src/capacity/bishkek-time';
import { BookedSession, CentreCapacity, Facilitator, Language, ProgrammeRequest, Sex, WeeklyWindow } from '../apps/matching/src/capacity/capacity-types';
import { assessFeasibility } from '../apps/matching/src/capacity/feasibility';
import { CentreCandidate, rankCentres } from '../apps/matching/src/capacity/ranking';
import { KG_SETTLEMENTS } from '../apps/matching/src/travel/kg-gazetteer';
import { RoadGraphTravelTimes } from '../apps/matching/src/travel/road-graph-travel-times';
import { Random } from './seeded-random';
import { percentile } from './percentile';

const CENTRES = 50;
const FACILITATORS_PER_CENTRE = 4;
const REQUESTS = 500;
const WARM_UP_ROUTINGS = 300;
const MAX_NANOS = 3_000_000_000n;

// Seeded so every run times the same inputs.
const seeded = new Random(2026);
const next = () => seeded.next();
const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
const START = bishkekInstant('2026-12-07T09:00');
const DAY = 24 * 3_600_000;

interface BenchCentre {
  id: string;
  lat: number;
  lng: number;
  capacity: CentreCapacity;
}

function weekly(): WeeklyWindow[] {
  const days = ([1, 2, 3, 4, 5, 6] as const).filter(() => next() < 0.55);
  const start = pick(['08:00', '09:00', '10:00']);
  const end = pick(['14:00', '17:00', '18:00']);
  return (days.length > 0 ? days : [1 as const]).map((weekday) => ({ weekday, start, end }));
}

function languages(): Language[] {
  const r = next();
  return r < 0.5 ? ['ky', 'ru'] : r < 0.8 ? ['ky'] : ['ru'];
}

/** Fifty centres spread over the gazetteer's settlements, four facilitators each, some weeks already booked. */
function buildDirectory(): BenchCentre[] {
  const centres: BenchCentre[] = [];
  for (let c = 0; c < CENTRES; c++) {
    const place = KG_SETTLEMENTS[c % KG_SETTLEMENTS.length];
    const id = `centre-${c + 1}`;
    const facilitators: Facilitator[] = [];
    for (let f = 0; f < FACILITATORS_PER_CENTRE; f++) {
      const sex: Sex = f === 0 ? 'male' : f === 1 ? 'female' : next() < 0.3 ? 'male' : 'female';
      facilitators.push({
        id: `${id}-${f + 1}`,
        sex,
        languages: languages(),
        certifiedOn: next() < 0.9 ? new Date('2023-10-13T00:00:00Z') : new Date('2027-03-01T00:00:00Z'),
        active: next() < 0.95,
        weekly: weekly(),
        exceptions: next() < 0.2 ? [{ from: new Date(START.getTime() + 7 * DAY), to: new Date(START.getTime() + 12 * DAY), reason: 'leave' }] : [],
      });
    }
    const booked: BookedSession[] = [];
    for (let s = 0; s < 12; s++) {
      const [lead, co] = [facilitators[0], facilitators[1]];
      const startsAt = new Date(START.getTime() + Math.floor(next() * 28) * DAY + 3 * 3_600_000);
      booked.push({
        id: `${id}-s${s}`,
        kind: next() < 0.5 ? 'group' : 'individual',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        facilitatorIds: [lead.id, co.id],
        language: pick(['ky', 'ru'] as const),
        participants: 1 + Math.floor(next() * 6),
      });
    }
    centres.push({
      id,
      lat: place.lat + (next() - 0.5) * 0.05,
      lng: place.lng + (next() - 0.5) * 0.05,
      capacity: { centreId: id, status: next() < 0.95 ? 'open' : 'paused', groupCapacity: 6 + Math.floor(next() * 5), facilitators, booked, closures: [], groupSlots: [] },
    });
  }
  return centres;
}

interface BenchRequest {
  origin: { lat: number; lng: number };
  programme: ProgrammeRequest;
}

function buildRequests(): BenchRequest[] {
  return Array.from({ length: REQUESTS }, () => {
    const place = pick(KG_SETTLEMENTS);
    const issued = START.getTime() + Math.floor(next() * 7) * DAY;
    return {
      origin: { lat: place.lat + (next() - 0.5) * 0.2, lng: place.lng + (next() - 0.5) * 0.2 },
      programme: {
        participantSex: next() < 0.95 ? 'male' : 'female',
        language: next() < 0.6 ? 'ky' : 'ru',
        notBefore: new Date(issued + DAY),
        mustFinishBy: new Date(issued + 30 * DAY),
      },
    };
  });
}

const roads = new RoadGraphTravelTimes();
const stageNanos = { travel: 0n, feasibility: 0n, ranking: 0n };

/** One routing as matching does it, minus the database: travel to every centre, feasibility at each, ranking. */
function route(centres: BenchCentre[], r: BenchRequest): string | null {
  const t0 = process.hrtime.bigint();
  const travel = roads.estimateNow(r.origin, centres, r.programme.notBefore);
  const t1 = process.hrtime.bigint();
  const candidates: CentreCandidate[] = centres.map((centre, i) => ({
    centreId: centre.id,
    travel: travel[i],
    verdict: assessFeasibility(centre.capacity, r.programme),
    activeReferrals: i % 7,
  }));
  const t2 = process.hrtime.bigint();
  const [best] = rankCentres(candidates);
  const t3 = process.hrtime.bigint();
  stageNanos.travel += t1 - t0;
  stageNanos.feasibility += t2 - t1;
  stageNanos.ranking += t3 - t2;
  return best?.centreId ?? null;
}

function main(): void {
  const centres = buildDirectory();
  const requests = buildRequests();
  const facilitators = centres.reduce((n, c) => n + c.capacity.facilitators.length, 0);
  console.log(`Routing benchmark: ${centres.length} centres, ${facilitators} facilitators, ${requests.length} orders, Node ${process.version}`);

  for (let i = 0; i < WARM_UP_ROUTINGS; i++) route(centres, requests[i % REQUESTS]);
  stageNanos.travel = stageNanos.feasibility = stageNanos.ranking = 0n;

  const durations: number[] = [];
  let placed = 0;
  let routings = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < MAX_NANOS) {
    const before = process.hrtime.bigint();
    if (route(centres, requests[routings % REQUESTS]) !== null) placed++;
    const after = process.hrtime.bigint();
    durations.push(Number(after - before) / 1e6);
    routings++;
    elapsed = after - start;
  }

  const seconds = Number(elapsed) / 1e9;
  durations.sort((a, b) => a - b);
  const total = Number(stageNanos.travel + stageNanos.feasibility + stageNanos.ranking);
  const share = (n: bigint) => `${((Number(n) / total) * 100).toFixed(0)}%`;
  console.log(`routings: ${routings.toLocaleString('en')} in ${seconds.toFixed(3)} s`);
  console.log(`routings per second: ${Math.round(routings / seconds).toLocaleString('en')}`);
  console.log(
    `ms per routing: mean ${(durations.reduce((a, b) => a + b, 0) / routings).toFixed(3)}, ` +
      `p50 ${percentile(durations, 50).toFixed(3)}, p95 ${percentile(durations, 95).toFixed(3)}, p99 ${percentile(durations, 99).toFixed(3)}`,
  );
  console.log(
    `time by stage: travel ${share(stageNanos.travel)}, feasibility ${share(stageNanos.feasibility)}, ranking ${share(stageNanos.ranking)}`,
  );
  console.log(`orders placed: ${((placed / routings) * 100).toFixed(1)}% (the rest have no feasible centre in this directory)`);
}

main();
