import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { AuditTrail } from '../audit/audit-trail';
import { afterCursor, Page, PageQuery, pageSize, toPage } from '../http/page';
import { inScope, orderScope } from '../auth/scope';
import { ProtectionOrder } from './protection-order.entity';

/** The caller's scope over orders; 403 for an account that may see none. */
export function requireOrderScope(actor: Actor): Scope {
  const scope = orderScope(actor);
  if (!scope) throw new ForbiddenException('this account belongs to no police unit; an admin must set its unit first');
  return scope;
}

/**
 * The only way the gateway looks an order up for a person: every lookup carries the caller's scope, and an
 * order outside it is answered exactly like a missing one (404), with a refusal in the audit log.
 */
@Injectable()
export class ScopedOrders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async require(actor: Actor, orderId: string, tx?: EntityManager): Promise<ProtectionOrder> {
    const scope = requireOrderScope(actor);
    const order = await (tx ?? this.dataSource.manager).getRepository(ProtectionOrder).findOne({ where: { id: orderId } });
    if (order && inScope(order, scope)) return order;
    if (order) await this.audit.refusal(actor, 'read', 'protection_order', orderId);
    throw new NotFoundException(`no protection order ${orderId}`);
  }

  /** The order in the actor's scope, locked for a change: two changes to one order take turns. */
  async requireLocked(actor: Actor, orderId: string, tx: EntityManager): Promise<ProtectionOrder> {
    await this.require(actor, orderId, tx);
    return (await tx.getRepository(ProtectionOrder).findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } }))!;
  }

  /** Newest registration first. */
  async list(actor: Actor, query: PageQuery): Promise<Page<ProtectionOrder>> {
    const scope = requireOrderScope(actor);
    const size = pageSize(query);
    const after = afterCursor(query);
    const builder = this.dataSource
      .getRepository(ProtectionOrder)
      .createQueryBuilder('o')
      .orderBy('o.registeredAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(size + 1);
    if (scope.kind === 'unit') builder.andWhere('o.unitCode = :unit', { unit: scope.unitId });
    if (after) {
      const [at, id] = after.split('+');
      builder.andWhere('(o.registeredAt, o.id) < (:at, :id)', { at: new Date(Number(at)), id });
    }
    const rows = await builder.getMany();
    await this.audit.record(actor, 'list', 'protection_order', scope.kind === 'unit' ? `unit:${scope.unitId}` : null);
    return toPage(rows, size, (last) => `${last.registeredAt.getTime()}+${last.id}`);
  }
}
