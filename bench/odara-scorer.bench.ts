import { assessOdara, type OdaraAssessment, type OdaraScreening } from '../apps/risk/src/odara';
import {
  IMMEDIATE_DANGER_CRITICAL_KEYS,
  IMMEDIATE_DANGER_FURTHER_KEYS,
  INDEX_INCIDENTS,
  ODARA_ITEM_KEYS,
  SEXES,
  RELATIONSHIPS,
  ROUTING_PRIORITIES,
  SUBSTANCE_INDICATOR_KEYS,
  SUPPORT_BARRIER_KEYS,
  type Answer,
  type DangerAnswer,
} from '@korgoo/contracts';
import { Random } from './seeded-random';

const SCREENINGS = 1_000;
const WARM_UP_CALLS = 100_000;
const MAX_CALLS = 1_000_000;
const MAX_NANOS = 3_000_000_000n;

function buildScreenings(count: number): OdaraScreening[] {
  // Seeded so every run times the same inputs.
  const seeded = new Random(2026);
  const next = () => seeded.next();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const answer = (unknownRate: number): Answer => (next() < unknownRate ? 'unknown' : next() < 0.35 ? 'yes' : 'no');
  const dangerAnswer = (): DangerAnswer => (next() < 0.1 ? 'not_answered' : next() < 0.08 ? 'yes' : 'no');

  const screenings: OdaraScreening[] = [];
  for (let i = 0; i < count; i++) {
    const unknownRate = next() < 0.1 ? 0.5 : 0.1;
    const items: OdaraScreening['items'] = {};
    for (const key of ODARA_ITEM_KEYS) items[key] = answer(unknownRate);
    const screening: OdaraScreening = {
      items,
      context: {
        perpetratorSex: next() < 0.95 ? 'male' : pick(SEXES),
        victimSex: next() < 0.9 ? 'female' : pick(SEXES),
        relationship: pick(RELATIONSHIPS),
        indexIncident: pick(INDEX_INCIDENTS),
        policeRecordsChecked: next() < 0.8,
      },
      immediateDanger: {
        critical: Object.fromEntries(IMMEDIATE_DANGER_CRITICAL_KEYS.map((key) => [key, dangerAnswer()])),
        further: Object.fromEntries(IMMEDIATE_DANGER_FURTHER_KEYS.map((key) => [key, dangerAnswer()])),
        officerBelievesHighDanger: next() < 0.05,
      },
    };
    if (next() < 0.6) {
      delete items.substanceAbuse;
      screening.substanceIndicators = Object.fromEntries(SUBSTANCE_INDICATOR_KEYS.map((key) => [key, answer(unknownRate)]));
    }
    if (next() < 0.6) {
      delete items.barriersToSupport;
      screening.supportBarriers = Object.fromEntries(SUPPORT_BARRIER_KEYS.map((key) => [key, answer(unknownRate)]));
    }
    if (next() < 0.1) screening.override = { priority: pick(ROUTING_PRIORITIES) };
    screenings.push(screening);
  }
  return screenings;
}

function describeMix(assessments: OdaraAssessment[]): string {
  const count = (test: (a: OdaraAssessment) => boolean) => assessments.filter(test).length;
  return [
    `scored ${count((a) => a.status === 'scored')}`,
    `incomplete ${count((a) => a.status === 'incomplete')}`,
    `urgent ${count((a) => a.priority === 'urgent')}`,
    `high ${count((a) => a.priority === 'high')}`,
    `standard ${count((a) => a.priority === 'standard')}`,
    `outside validated population ${count((a) => a.flags.some((f) => f.code === 'outsideValidatedPopulation'))}`,
  ].join(', ');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function main(): void {
  const screenings = buildScreenings(SCREENINGS);
  console.log(`ODARA scorer benchmark: ${SCREENINGS} screenings, Node ${process.version}`);
  console.log(`mix: ${describeMix(screenings.map((s) => assessOdara(s)))}`);

  let checksum = 0;
  for (let i = 0; i < WARM_UP_CALLS; i++) checksum += assessOdara(screenings[i % SCREENINGS]).rawScore;

  const heapBefore = process.memoryUsage().heapUsed;
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (calls < MAX_CALLS) {
    // Reading the clock every call would cost more than some assessments.
    for (let i = 0; i < 10_000; i++, calls++) checksum += assessOdara(screenings[calls % SCREENINGS]).rawScore;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed >= MAX_NANOS) break;
  }
  const heapAfter = process.memoryUsage().heapUsed;

  const seconds = Number(elapsed) / 1e9;
  console.log(`calls: ${calls.toLocaleString('en')} in ${seconds.toFixed(3)} s`);
  console.log(`assessments per second: ${Math.round(calls / seconds).toLocaleString('en')}`);
  console.log(`ns per assessment: ${(Number(elapsed) / calls).toFixed(0)}`);
  console.log(`heap used: ${megabytes(heapBefore)} before timing, ${megabytes(heapAfter)} after`);
  console.log(`checksum: ${checksum}`);
}

main();
