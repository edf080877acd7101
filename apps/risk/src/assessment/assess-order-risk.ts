import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  EventEnvelope,
  EventSubjects,
  OdaraScreeningContract,
  OrderPeriod,
  OrderRegisteredV1,
  OrderScreeningCorrectedV1,
  ProgrammeParticipant,
  RiskAssessedV1,
} from '@korgoo/contracts';
import { Outbox, PermanentFailure } from '@korgoo/messaging';
import { assessOdara, DEFAULT_POLICIES, OdaraAssessment, OdaraPolicies, OdaraScreening, ScreeningError } from '../odara';
import { RiskAssessment } from './risk-assessment.entity';

/**
 * Scores a screening and announces the result in the consumer's transaction. A newly registered order
 * gets version 1 (`risk.assessed.v1`); each correction adds a version (`risk.reassessed.v1`) and keeps
 * the history.
 */
export class AssessOrderRisk {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: OdaraPolicies = DEFAULT_POLICIES,
  ) {}

  async registered(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): Promise<RiskAssessment> {
    const { orderId, screening, period, participant } = event.payload;
    const existing = await tx.getRepository(RiskAssessment).findOne({ where: { orderId, version: 1 } });
    if (existing) return existing;
    const assessment = await this.store(tx, orderId, 1, screening, { period, participant });
    await this.outbox.enqueue(tx, EventSubjects.RiskAssessed, orderId, announcement(assessment));
    return assessment;
  }

  async corrected(event: EventEnvelope<OrderScreeningCorrectedV1>, tx: EntityManager): Promise<RiskAssessment> {
    const { orderId, screening } = event.payload;
    const previous = await tx
      .getRepository(RiskAssessment)
      .findOne({ where: { orderId }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
    // The registration travels on another consumer; until it is scored, retry rather than guess.
    if (!previous) throw new Error(`order ${orderId} has no assessment to correct yet`);
    const assessment = await this.store(tx, orderId, previous.version + 1, screening, previous.routing);
    await this.outbox.enqueue(tx, EventSubjects.RiskReassessed, orderId, {
      ...announcement(assessment),
      previousPriority: previous.priority,
    });
    return assessment;
  }

  private async store(
    tx: EntityManager,
    orderId: string,
    version: number,
    screening: OdaraScreeningContract,
    routing: { period: OrderPeriod; participant: ProgrammeParticipant },
  ): Promise<RiskAssessment> {
    const result = score(screening, this.policies);
    const repository = tx.getRepository(RiskAssessment);
    const assessment = repository.create({
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
    await repository.insert(assessment);
    return assessment;
  }
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

function announcement(assessment: RiskAssessment): RiskAssessedV1 {
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
