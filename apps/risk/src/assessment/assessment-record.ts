import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OdaraScreeningContract, OrderPeriod, ProgrammeParticipant, RiskAssessedV1 } from '@korgoo/contracts';
import { OutboxRowToWrite, PermanentFailure, Statement } from '@korgoo/messaging';
import { assessOdara, OdaraAssessment, OdaraPolicies, OdaraScreening, ScreeningError } from '../odara';
import { RiskAssessment } from './risk-assessment.entity';

/** An assessment and the outbox row that announces it, written together. */
export interface AnnouncedAssessment {
  assessment: RiskAssessment;
  event: OutboxRowToWrite<unknown>;
}

/**
 * Stores a scored assessment with the outbox row that announces it in one statement; `null`, with nothing written,
 * when the order already has that version (its registration delivered again).
 */
export async function storeAssessment(tx: EntityManager, announced: AnnouncedAssessment): Promise<RiskAssessment | null> {
  const [stored] = await insertAssessments(tx, [announced]);
  if (!stored) return null;
  announced.assessment.assessedAt = stored.assessed_at;
  return announced.assessment;
}

/** A screening scored as one version of the order's assessment, explanation and policies included; not stored yet. */
export function scoredAssessment(
  tx: EntityManager,
  policies: OdaraPolicies,
  orderId: string,
  version: number,
  screening: OdaraScreeningContract,
  routing: { period: OrderPeriod; participant: ProgrammeParticipant },
): RiskAssessment {
  const result = score(screening, policies);
  return tx.getRepository(RiskAssessment).create({
    id: randomUUID(),
    orderId,
    version,
    status: result.status,
    rawScore: result.rawScore,
    unknownCount: result.unknownCount,
    finalScore: result.finalScore,
    bin: result.bin,
    priority: result.priority,
    immediateDanger: result.immediateDanger.present,
    flags: result.flags.map((flag) => flag.code),
    explanation: {
      items: result.items,
      flags: result.flags,
      norm: result.norm,
      normWithheld: result.normWithheld,
      immediateDanger: result.immediateDanger,
      priorityReasons: result.priorityReasons,
      acknowledgeWithinHours: result.acknowledgeWithinHours,
    },
    policyVersions: result.policyVersions,
    screening,
    routing,
  });
}

/**
 * Stores assessments, each with the outbox row that announces it, in one statement, no read first: a version's
 * uniqueness decides whether it is new, and so whether it is announced. Answers those stored; the announcements
 * go to the outbox in the order given.
 */
export async function insertAssessments(tx: EntityManager, rows: AnnouncedAssessment[]): Promise<Array<{ id: string; assessed_at: Date }>> {
  const { sql, params } = assessmentsStatement(rows);
  return tx.query(sql, params);
}

/** The statement of `insertAssessments`, answering the ids and times of those stored. */
export function assessmentsStatement(rows: AnnouncedAssessment[]): Statement {
  const column = <T>(value: (row: AnnouncedAssessment) => T) => rows.map(value);
  const json = (value: (assessment: RiskAssessment) => unknown) => column(({ assessment }) => JSON.stringify(value(assessment)));
  return {
    sql: `WITH stored AS (
       INSERT INTO risk.risk_assessment (id, order_id, version, status, raw_score, unknown_count, final_score, bin, priority,
         immediate_danger, flags, explanation, policy_versions, screening, routing)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[],
         $10::boolean[], $11::jsonb[], $12::jsonb[], $13::jsonb[], $14::jsonb[], $15::jsonb[])
       ON CONFLICT (order_id, version) DO NOTHING RETURNING id, assessed_at),
     announced AS (
       INSERT INTO risk.outbox (event_id, subject, envelope)
       SELECT e.event_id, e.subject, e.envelope
         FROM unnest($16::uuid[], $17::text[], $18::jsonb[], $1::uuid[]) WITH ORDINALITY AS e(event_id, subject, envelope, assessment_id, n)
         JOIN stored ON stored.id = e.assessment_id ORDER BY e.n)
     SELECT id, assessed_at FROM stored`,
    params: [
      column(({ assessment }) => assessment.id),
      column(({ assessment }) => assessment.orderId),
      column(({ assessment }) => assessment.version),
      column(({ assessment }) => assessment.status),
      column(({ assessment }) => assessment.rawScore),
      column(({ assessment }) => assessment.unknownCount),
      column(({ assessment }) => assessment.finalScore),
      column(({ assessment }) => assessment.bin),
      column(({ assessment }) => assessment.priority),
      column(({ assessment }) => assessment.immediateDanger),
      json((assessment) => assessment.flags),
      json((assessment) => assessment.explanation),
      json((assessment) => assessment.policyVersions),
      json((assessment) => assessment.screening),
      json((assessment) => assessment.routing),
      column(({ event }) => event.eventId),
      column(({ event }) => event.subject),
      column(({ event }) => event.envelopeJson),
    ],
  };
}

function score(screening: OdaraScreeningContract, policies: OdaraPolicies): OdaraAssessment {
  try {
    return assessOdara(screening as unknown as OdaraScreening, policies);
  } catch (error) {
    // The contract already refuses what the scorer would; anything left is a message that cannot succeed.
    if (error instanceof ScreeningError) throw new PermanentFailure(`${error.field}: ${error.message}`);
    throw error;
  }
}

/** The event that says the assessment, without the screening answers themselves. */
export function announcement(assessment: RiskAssessment): RiskAssessedV1 {
  const explanation = assessment.explanation as { acknowledgeWithinHours: number };
  return {
    orderId: assessment.orderId,
    assessmentId: assessment.id,
    assessmentVersion: assessment.version,
    status: assessment.status,
    rawScore: assessment.rawScore,
    unknownCount: assessment.unknownCount,
    finalScore: assessment.finalScore,
    priority: assessment.priority,
    acknowledgeWithinHours: explanation.acknowledgeWithinHours,
    immediateDanger: assessment.immediateDanger,
    flags: assessment.flags,
    period: assessment.routing.period,
    participant: assessment.routing.participant,
  };
}
