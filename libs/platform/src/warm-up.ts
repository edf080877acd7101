import { DataSource } from 'typeorm';
import { ContractViolation, envelopeContract, EventPayloadClasses, EventSubject, parseContract } from '@korgoo/contracts';
import { contractSample, sampleEvent } from './contract-sample';

/** How long a warm-up may hold back readiness at most; it stops after its rounds or here, whichever comes first. */
export const WARM_UP_BUDGET_MS = 3_000;

/** Enough calls for V8 to compile the validator's and the query builder's hot functions, few enough to end well inside the budget. */
const CONTRACT_ROUNDS = 200;
const DATABASE_ROUNDS = 5;

/** Rows of the types the services read, made up by PostgreSQL: the driver parses them as it will parse real rows. */
const SYNTHETIC_ROWS =
  "SELECT g AS n, now() AS at, md5(g::text) AS label, g % 2 = 0 AS flag, gen_random_uuid() AS id, '{}'::jsonb AS doc FROM generate_series(1, 40) g";

export interface WarmUpResult {
  ms: number;
  databaseRounds: number;
  contractRounds: number;
}

/**
 * What a service validates: the events it consumes (as they arrive) and publishes (as they enter the outbox),
 * and the request bodies of its HTTP API, if any.
 */
export interface ValidatedTraffic {
  consumes: readonly EventSubject[];
  publishes: readonly EventSubject[];
  requests: ReadonlyArray<new () => object>;
}

/**
 * What a service's first real events would pay for, paid before it consumes and before /health answers:
 * `connections` of the pool opened, each in a transaction that selects made-up rows and builds a query of
 * every entity that matches nothing and the insert of each without running it, and samples of the events it
 * consumes and publishes and of its request bodies validated. It reads no row of the service's tables, writes
 * nothing and publishes nothing.
 */
export async function warmUp(dataSource: DataSource, connections: number, traffic: ValidatedTraffic): Promise<WarmUpResult> {
  const started = performance.now();
  const deadline = started + WARM_UP_BUDGET_MS;
  let databaseRounds = 0;
  while (databaseRounds < DATABASE_ROUNDS && performance.now() < deadline) {
    // All at once, so the pool opens that many connections.
    await Promise.all(Array.from({ length: connections }, () => touchEveryEntity(dataSource)));
    databaseRounds++;
  }
  const checks = [
    ...traffic.consumes.map((subject) => ({ contract: envelopeContract(EventPayloadClasses[subject]), sample: sampleEvent(subject) })),
    ...[...traffic.publishes.map((subject) => EventPayloadClasses[subject]), ...traffic.requests].map((contract) => ({
      contract,
      sample: contractSample(contract),
    })),
  ];
  let contractRounds = 0;
  while (contractRounds < CONTRACT_ROUNDS && performance.now() < deadline) {
    // A copy each time, as every message arrives as a fresh object.
    for (const { contract, sample } of checks) validate(contract as new () => object, structuredClone(sample));
    contractRounds++;
  }
  return { ms: Math.round(performance.now() - started), databaseRounds, contractRounds };
}

async function touchEveryEntity(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(SYNTHETIC_ROWS);
    for (const entity of dataSource.entityMetadatas) {
      await manager.createQueryBuilder(entity.target, 'e').where('false').getMany();
      // Built, never run: the statement of a new row, as each use case's first insert builds it.
      manager.createQueryBuilder().insert().into(entity.target).values({}).getQueryAndParameters();
    }
  });
}

/** A sample a newer contract refuses still ran the validator, which is all a warm-up wants of it. */
function validate(contract: new () => object, sample: object): void {
  try {
    parseContract(contract, sample);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
  }
}
