import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { AssessOrderRisk } from './assess-order-risk';
import { RiskAssessment } from './risk-assessment.entity';

/** Wires the assessment use case to its event and its query; the logic lives in AssessOrderRisk and odara/. */
@Module({})
export class AssessmentModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const assessOrderRisk = new AssessOrderRisk(this.messaging.outbox);
    this.messaging.on(EventSubjects.OrderRegistered, (event, tx) => assessOrderRisk.execute(event, tx).then(() => undefined));
    this.messaging.queries.handle(QuerySubjects.RiskAssessmentByOrder, async ({ orderId }) => {
      const latest = await this.dataSource
        .getRepository(RiskAssessment)
        .findOne({ where: { orderId }, order: { version: 'DESC' } });
      if (!latest) return { assessment: null };
      return {
        assessment: {
          assessmentId: latest.id,
          version: latest.version,
          status: latest.status,
          rawScore: latest.rawScore,
          unknownCount: latest.unknownCount,
          finalScore: latest.finalScore,
          bin: latest.bin,
          priority: latest.priority,
          immediateDanger: latest.immediateDanger,
          flags: latest.flags,
          assessedAt: latest.assessedAt.toISOString(),
        },
      };
    });
  }
}
