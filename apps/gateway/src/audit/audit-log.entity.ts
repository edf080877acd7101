import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who read or changed which personal record, and when. Never the content itself. */
@Entity({ name: 'audit_log' })
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'actor_id' }) actorId: string;
  @Column('text', { name: 'actor_role' }) actorRole: string;
  @Column('text') action: string;
  @Column('text', { name: 'resource_type' }) resourceType: string;
  @Column('text', { name: 'resource_id', nullable: true }) resourceId: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
