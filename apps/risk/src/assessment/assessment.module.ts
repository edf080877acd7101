import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from '@korgoo/messaging';
import { KORGOO_CONFIG, MESSAGING } from '@korgoo/platform';
import { KorgooConfig } from '@korgoo/config';
import { DEFAULT_POLICIES, priorityPolicyFrom } from '../odara';
import { bindAssessments } from './assessment.handlers';

/** Wires the assessment use cases and queries (assessment.handlers.ts) with the priority policy configured here. */
@Module({})
export class AssessmentModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
  ) {}

  onModuleInit() {
    const local = this.config.risk.priorityPolicy;
    bindAssessments(this.messaging, this.dataSource, local ? { ...DEFAULT_POLICIES, priority: priorityPolicyFrom(local) } : DEFAULT_POLICIES);
  }
}
