import type { Role } from '@korgoo/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person who signs in: a police officer, a coordinator, a crisis centre's staff member or an admin. */
@Entity({ name: 'account' })
export class Account {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) username: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  /** Set for centre staff only: the one centre whose referrals they may see. */
  @Column('text', { name: 'centre_id', nullable: true }) centreId: string | null;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** What a verified token says about its bearer. */
export interface Actor {
  accountId: string;
  role: Role;
  centreId: string | null;
}
