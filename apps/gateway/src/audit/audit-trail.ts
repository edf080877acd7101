import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import { AuditLogEntry } from './audit-log.entity';

export type AuditAction = 'read' | 'list' | 'register' | 'correct' | 'withdraw' | 'replay';

@Injectable()
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  /** Recorded before the data is returned: no audit entry, no answer. */
  async record(actor: Actor, action: AuditAction, resourceType: string, resourceId: string | null, tx?: EntityManager) {
    await (tx ?? this.dataSource.manager).getRepository(AuditLogEntry).insert({
      actorId: actor.accountId,
      actorRole: actor.role,
      action,
      resourceType,
      resourceId,
    });
  }
}
