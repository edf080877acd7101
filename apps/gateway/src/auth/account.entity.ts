import type { Role } from '@korgoo/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person who signs in: a police officer, a coordinator, a crisis centre's staff member, an admin, an auditor or the Probation Department (aggregate indicators only). */
@Entity({ name: 'account' })
export class Account {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) username: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  /** Set for centre staff only: the one centre whose referrals they may see. */
  @Column('text', { name: 'centre_id', nullable: true }) centreId: string | null;
  /** Set for police only: the unit whose orders they may see and change. */
  @Column('text', { name: 'unit_code', nullable: true }) unitCode: string | null;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('boolean') active: boolean;
  /** Bumped on deactivation, role change and password reset: every access token signed before is refused. */
  @Column('integer', { name: 'token_version', default: 0 }) tokenVersion: number;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
