import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OdaraScreeningContract, OrderPeriod, ProgrammeParticipant, RiskAssessedV1 } from '@korgoo/contracts';
import { OutboxRowToWrite, PermanentFailure } from '@korgoo/messaging';
import { assessOdara, OdaraAssessment, OdaraPolicies, OdaraScreening, ScreeningError } from '../odara';
import { RiskAssessment } from './risk-assessment.entity';

/**
 * Scores a screening and stores it as one version of the order's assessment, explanation and policies included,
 * with the outbox row that announces it (`announce`) in the same statement; `null`, with nothing written, when
 * the order already has that version (its registration delivered again).
 */
export async function storeAssessment(
  tx: EntityManager,
  policies: OdaraPolicies,
  orderId: string,
  version: number,
  screening: OdaraScreeningContract,
  routing: { period: OrderPeriod; participant: ProgrammeParticipant },
  announce: (assessment: RiskAssessment) => OutboxRowToWrite<unknown>,
): Promise<RiskAssessment | null> {
  const result = score(screening, policies);
  const assessment = tx.getRepository(RiskAssessment).create({
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
  const event = announce(assessment);
  // One statement, no read first: the version's uniqueness decides whether it is new, and so whether it is announced.
  const stored: Array<{ assessed_at: Date }> = await tx.query(
    `WITH stored AS (
       INSERT INTO risk.risk_assessment (id, order_id, version, status, raw_score, unknown_count, final_score, bin, priority,
         immediate_danger, flags, explanation, policy_versions, screening, routing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (order_id, version) DO NOTHING RETURNING assessed_at),
     announced AS (INSERT INTO risk.outbox (event_id, subject, envelope) SELECT $16, $17, $18 FROM stored)
     SELECT assessed_at FROM stored`,
    [
      assessment.id,
      orderId,
      version,
      assessment.status,
      assessment.rawScore,
      assessment.unknownCount,
      assessment.finalScore,
      assessment.bin,
      assessment.priority,
      assessment.immediateDanger,
      JSON.stringify(assessment.flags),
      JSON.stringify(assessment.explanation),
      JSON.stringify(assessment.policyVersions),
      JSON.stringify(screening),
      JSON.stringify(routing),
      event.eventId,
      event.subject,
      event.envelopeJson,
    ],
  );
  if (stored.length === 0) return null;
  assessment.assessedAt = stored[0].assessed_at;
  return assessment;
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
