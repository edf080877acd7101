import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderRegisteredV1 } from '@korgoo/contracts';
import { Outbox, PermanentFailure } from '@korgoo/messaging';
import { assessOdara, OdaraScreening, ScreeningError } from '../odara';
import { RiskAssessment } from './risk-assessment.entity';

/** Scores a newly registered order and announces the result, in the consumer's transaction. */
export class AssessOrderRisk {
  constructor(private readonly outbox: Outbox) {}

  async execute(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): Promise<RiskAssessment> {
    const order = event.payload;
    let result;
    try {
      result = assessOdara(order.screening as unknown as OdaraScreening);
    } catch (error) {
      if (error instanceof ScreeningError) throw new PermanentFailure(`${error.field}: ${error.message}`);
      throw error;
    }
    const repository = tx.getRepository(RiskAssessment);
    const previous = await repository.count({ where: { orderId: order.orderId } });
    const assessment = repository.create({
      id: randomUUID(),
      orderId: order.orderId,
      version: previous + 1,
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
        immediateDanger: result.immediateDanger,
        priorityReasons: result.priorityReasons,
        acknowledgeWithinHours: result.acknowledgeWithinHours,
      },
      policyVersions: result.policyVersions,
      screening: order.screening,
    });
    await repository.insert(assessment);
    await this.outbox.enqueue(tx, EventSubjects.RiskAssessed, order.orderId, {
      orderId: order.orderId,
      assessmentId: assessment.id,
      assessmentVersion: assessment.version,
      status: result.status,
      rawScore: result.rawScore,
      unknownCount: result.unknownCount,
      finalScore: result.finalScore,
      priority: result.priority,
      acknowledgeWithinHours: result.acknowledgeWithinHours,
      immediateDanger: result.immediateDanger.present,
      flags: assessment.flags,
      period: order.period,
      participant: order.participant,
    });
    return assessment;
  }
}
