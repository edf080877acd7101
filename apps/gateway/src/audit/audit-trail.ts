import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { CLOCK } from '@korgoo/platform';
import { currentRequest } from '../http/request-context';
import { AUDIT_APPEND_TYPES, auditAppendArguments, AuditFacts } from './audit-chain';

export type AuditAction =
  | 'read'
  | 'list'
  | 'register'
  | 'correct'
  | 'withdraw'
  | 'extend'
  | 'record_court_decision'
  | 'assign_unit'
  | 'replay'
  | 'accept'
  | 'decline'
  | 'assign'
  | 'change'
  | 'configure'
  | 'sign_in'
  | 'refresh'
  | 'sign_out'
  | 'change_password'
  | 'reset_password'
  | 'create_account'
  | 'change_account'
  | 'search'
  | 'acknowledge'
  | 'record_attendance'
  | 'enrol'
  | 'record_follow_up'
  | 'close'
  | 'rotate_field_keys'
  | 'rebuild'
  | 'erase'
  | 'purge'
  | 'enrol_second_factor'
  | 'confirm_second_factor'
  | 'refused';

export type AuditOutcome = 'success' | 'refused';

interface AuditEntry {
  actor: Actor | null;
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  detail?: string | null;
}

const APPEND = `SELECT gateway.audit_append(${AUDIT_APPEND_TYPES.map((_, i) => `$${i + 1}`).join(', ')})`;

@Injectable()
export class AuditTrail {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Recorded before the data is returned: no audit entry, no answer. */
  async record(actor: Actor, action: AuditAction, resourceType: string, resourceId: string | null, tx?: EntityManager) {
    await this.write({ actor, action, resourceType, resourceId, outcome: 'success' }, tx);
  }

  /** Done by the system itself (the retention jobs): no account, no request. */
  async recordBySystem(action: AuditAction, resourceType: string, resourceId: string | null, tx: EntityManager, detail: string | null = null) {
    await this.write({ actor: null, action, resourceType, resourceId, outcome: 'success', detail }, tx);
  }

  /** A refused attempt: a bad sign-in, a missing or stale token, a role or scope the caller lacks. */
  async refusal(actor: Actor | null, action: AuditAction, resourceType: string, resourceId: string | null, detail: string | null = null) {
    await this.write({ actor, action, resourceType, resourceId, outcome: 'refused', detail });
  }

  /**
   * The entry for `actor`'s successful action as the arguments of `gateway.audit_append`, for a statement of the
   * caller's own that commits it with the change it records. Taken while the request is known: its address and id.
   */
  appendArguments(actor: Actor, action: AuditAction, resourceType: string, resourceId: string | null): unknown[] {
    return this.argumentsOf({ actor, action, resourceType, resourceId, outcome: 'success' });
  }

  private async write(entry: AuditEntry, tx?: EntityManager) {
    await (tx ?? this.dataSource.manager).query(APPEND, this.argumentsOf(entry));
  }

  private argumentsOf(entry: AuditEntry): unknown[] {
    const request = currentRequest();
    const facts: AuditFacts = {
      actorId: entry.actor?.accountId ?? null,
      actorRole: entry.actor?.role ?? null,
      centreId: entry.actor?.role === 'centre' ? entry.actor.centreId : null,
      unitCode: entry.actor?.role === 'police' ? entry.actor.unitId : null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      outcome: entry.outcome,
      ip: request?.ip ?? null,
      requestId: request?.requestId ?? null,
      at: this.clock.now(),
      detail: entry.detail ?? null,
    };
    return auditAppendArguments(facts);
  }
}
