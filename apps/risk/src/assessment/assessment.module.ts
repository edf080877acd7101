import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentDetail, EventSubjects, QuerySubjects, requireNational } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { KORGOO_CONFIG, MESSAGING } from '@korgoo/platform';
import { KorgooConfig } from '@korgoo/config';
import { DEFAULT_POLICIES, ODARA_FORM, priorityPolicyFrom } from '../odara';
import { AssessRegisteredOrder } from './assess-registered-order';
import { ReassessCorrectedScreening } from './reassess-corrected-screening';
import { RiskAssessment } from './risk-assessment.entity';

/** Wires the assessment use cases to their events and the queries to the store; the scoring lives in odara/. */
@Module({})
export class AssessmentModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
  ) {}

  onModuleInit() {
    const local = this.config.risk.priorityPolicy;
    const policies = local ? { ...DEFAULT_POLICIES, priority: priorityPolicyFrom(local) } : DEFAULT_POLICIES;
    const assess = new AssessRegisteredOrder(this.messaging.outbox, policies);
    const reassess = new ReassessCorrectedScreening(this.messaging.outbox, policies);
    const assessments = this.dataSource.getRepository(RiskAssessment);
    // Scoring writes only through the consumer's transaction, so a burst of orders commits in batches.
    const batchable = { batchable: true };
    this.messaging.on(EventSubjects.OrderRegistered, async (event, tx) => void (await assess.execute(event, tx)), batchable);
    this.messaging.on(EventSubjects.OrderScreeningCorrected, async (event, tx) => void (await reassess.execute(event, tx)), batchable);
    this.messaging.queries.handle(QuerySubjects.RiskAssessmentByOrder, async ({ orderId, scope }) => {
      requireNational(scope);
      const latest = await assessments.findOne({ where: { orderId }, order: { version: 'DESC' } });
      return { assessment: latest ? summary(latest) : null };
    });
    this.messaging.queries.handle(QuerySubjects.AssessmentHistory, async ({ orderId, scope }) => {
      requireNational(scope);
      const versions = await assessments.find({ where: { orderId }, order: { version: 'ASC' } });
      return { assessments: versions.map(detail) };
    });
    this.messaging.queries.handle(QuerySubjects.OdaraForm, async () => ({ form: ODARA_FORM }));
  }
}

function summary(assessment: RiskAssessment) {
  return {
    assessmentId: assessment.id,
    version: assessment.version,
    status: assessment.status,
    rawScore: assessment.rawScore,
    unknownCount: assessment.unknownCount,
    finalScore: assessment.finalScore,
    bin: assessment.bin,
    priority: assessment.priority,
    immediateDanger: assessment.immediateDanger,
    flags: assessment.flags,
    assessedAt: assessment.assessedAt.toISOString(),
  };
}

function detail(assessment: RiskAssessment): AssessmentDetail {
  return { ...summary(assessment), explanation: assessment.explanation, policyVersions: assessment.policyVersions };
}
