import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { ScopedOrders } from '../orders/order-scope';
import { programmeOf, referralOf } from './scoped-lookups';

/** What the `id` path parameter of a write names. */
export type ScopedObject = 'order' | 'referral' | 'programme';

const SCOPED_BY = 'korgoo:scoped-by';

/**
 * The caller's scope over the object a write names is checked before its body is validated (Nest runs guards
 * before pipes): another unit's or centre's object answers 404 whatever the body, so a 400 never tells that
 * it exists. The use case checks again inside its own transaction.
 */
export const ScopeFirst = (object: ScopedObject) => applyDecorators(SetMetadata(SCOPED_BY, object), UseGuards(ObjectInScope));

@Injectable()
export class ObjectInScope implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly orders: ScopedOrders,
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { actor, params } = context.switchToHttp().getRequest<{ actor: Actor; params: Record<string, string> }>();
    // A malformed id is the path pipe's 400 to give; it tells nothing about anyone's objects.
    if (!isUUID(params.id, 'all')) return true;
    switch (this.reflector.get<ScopedObject>(SCOPED_BY, context.getHandler())) {
      case 'order':
        await this.orders.require(actor, params.id);
        break;
      case 'referral':
        await referralOf(this.messaging, actor, params.id);
        break;
      case 'programme':
        await programmeOf(this.messaging, actor, params.id);
        break;
    }
    return true;
  }
}
