import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read or changed which personal record or decision, or was refused, and when. Never the content itself.
 * Append-only (triggers refuse UPDATE, and DELETE but for the retention purge of entries past their term)
 * and hash-chained (see audit-chain.ts).
 */
@Entity({ name: 'audit_log' })
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { name: 'centre_id', nullable: true }) centreId: string | null;
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('text') action: string;
  @Column('text', { name: 'resource_type' }) resourceType: string;
  @Column('text', { name: 'resource_id', nullable: true }) resourceId: string | null;
  @Column('text') outcome: string;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('timestamptz') at: Date;
  @Column('text', { nullable: true }) detail: string | null;
  @Column('text', { name: 'prev_hash' }) prevHash: string;
  @Column('text') hash: string;
}
