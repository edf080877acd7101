import type { ServiceDatabase } from '@korgoo/platform';
import { CreateRiskSchema1764000000000 } from './migrations/1764000000000-create-risk-schema';
import { KeepRoutingFacts1764100000000 } from './migrations/1764100000000-keep-routing-facts';
import { RiskAssessment } from './assessment/risk-assessment.entity';

/** The risk service's schema: its entities and migrations, in order. */
export const RISK_DATABASE: ServiceDatabase = {
  schema: 'risk',
  entities: [RiskAssessment],
  migrations: [CreateRiskSchema1764000000000, KeepRoutingFacts1764100000000],
};
