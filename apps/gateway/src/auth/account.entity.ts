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
  /** The TOTP secret, sealed; set at enrolment, in force once confirmed (`totpEnabledAt`). */
  @Column('text', { name: 'totp_secret', nullable: true }) totpSecret: string | null;
  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true }) totpEnabledAt: Date | null;
  /** The time step of the last code accepted: a code works once. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, transformer: { from: (v: string | null) => (v === null ? null : Number(v)), to: (v: number | null) => v } })
  totpLastStep: number | null;
}
