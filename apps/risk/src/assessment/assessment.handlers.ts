import { DataSource, In } from 'typeorm';
import { AssessmentDetail, EventSubjects, QuerySubjects, requireNational } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { DEFAULT_POLICIES, ODARA_FORM, OdaraPolicies } from '../odara';
import { AssessRegisteredOrder } from './assess-registered-order';
import { ReassessCorrectedScreening } from './reassess-corrected-screening';
import { RiskAssessment } from './risk-assessment.entity';

/** Orders are scored as they are registered and corrected; the assessments are read nationally only. */
export function bindAssessments(messaging: MessagingRuntime, dataSource: DataSource, policies: OdaraPolicies = DEFAULT_POLICIES): void {
  const assess = new AssessRegisteredOrder(messaging.outbox, policies);
  const reassess = new ReassessCorrectedScreening(messaging.outbox, policies);
  const assessments = dataSource.getRepository(RiskAssessment);
  // Scoring writes only through the consumer's transaction, so a burst of orders commits in batches.
  const batchable = { batchable: true };
  // A registration only gathers its assessment: one alone is one statement with its inbox entry.
  messaging.on(EventSubjects.OrderRegistered, async (event, tx, delivery) => assess.execute(event, tx, delivery), {
    ...batchable,
    gathersOnly: true,
  });
  messaging.on(EventSubjects.OrderScreeningCorrected, async (event, tx) => void (await reassess.execute(event, tx)), batchable);
  messaging.queries.handle(QuerySubjects.RiskAssessmentByOrder, async ({ orderId, scope }) => {
    requireNational(scope);
    const latest = await assessments.findOne({ where: { orderId }, order: { version: 'DESC' } });
    return { assessment: latest ? summary(latest) : null };
  });
  messaging.queries.handle(QuerySubjects.RiskAssessmentsByOrders, async ({ orderIds, scope }) => {
    requireNational(scope);
    const versions = await assessments.find({ where: { orderId: In(orderIds) }, order: { version: 'ASC' } });
    // Ascending, so each order's latest version is the one left standing.
    return { assessments: Object.fromEntries(versions.map((version) => [version.orderId, summary(version)])) };
  });
  messaging.queries.handle(QuerySubjects.AssessmentHistory, async ({ orderId, scope }) => {
    requireNational(scope);
    const versions = await assessments.find({ where: { orderId }, order: { version: 'ASC' } });
    return { assessments: versions.map(detail) };
  });
  messaging.queries.handle(QuerySubjects.OdaraForm, async () => ({ form: ODARA_FORM }));
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
