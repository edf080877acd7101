import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { OrderPeriod, ProgrammeParticipant, RiskFlagCode } from '@korgoo/contracts';

/** One version of the risk assessment of a protection order; corrections add versions, never overwrite. */
@Entity({ name: 'risk_assessment' })
@Unique(['orderId', 'version'])
export class RiskAssessment {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('int') version: number;
  @Column('text') status: 'scored' | 'incomplete';
  @Column('int', { name: 'raw_score' }) rawScore: number;
  @Column('int', { name: 'unknown_count' }) unknownCount: number;
  @Column('int', { name: 'final_score', nullable: true }) finalScore: number | null;
  @Column('text', { nullable: true }) bin: string | null;
  @Column('text') priority: 'urgent' | 'high' | 'standard';
  @Column('boolean', { name: 'immediate_danger' }) immediateDanger: boolean;
  @Column('jsonb') flags: RiskFlagCode[];
  /** The full explanation: which items counted, which were unknown, why each flag was raised. */
  @Column('jsonb') explanation: object;
  @Column('jsonb', { name: 'policy_versions' }) policyVersions: object;
  /** The screening as answered; it holds the officer's free text and never leaves this service. */
  @Column('jsonb') screening: object;
  /** The order's period and participant facts, passed on to routing with every version. */
  @Column('jsonb') routing: { period: OrderPeriod; participant: ProgrammeParticipant };
  @CreateDateColumn({ name: 'assessed_at', type: 'timestamptz' }) assessedAt: Date;
}
