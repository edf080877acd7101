import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, Observable } from 'rxjs';
import type { Actor } from '@korgoo/contracts';
import { AuditAction, AuditTrail } from './audit-trail';

const AUDITED = 'korgoo:audited';

interface AuditedCallSpec {
  action: AuditAction;
  resourceType: string;
  /** The route parameter naming the resource, if any. */
  idParam?: string;
}

/**
 * Audits a call that reads or changes personal data or a decision kept by another service, once it has
 * succeeded and before its answer leaves: no entry, no answer. Refusals are audited by the guard and hook.
 */
export const Audited = (action: AuditAction, resourceType: string, idParam?: string) =>
  applyDecorators(SetMetadata(AUDITED, { action, resourceType, idParam } satisfies AuditedCallSpec), UseInterceptors(AuditedCall));

@Injectable()
export class AuditedCall implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedCallSpec>(AUDITED, context.getHandler());
    const request = context.switchToHttp().getRequest<{ actor: Actor; params: Record<string, string> }>();
    const resourceId = spec.idParam ? (request.params[spec.idParam] ?? null) : null;
    return next
      .handle()
      .pipe(mergeMap((answer) => from(this.audit.record(request.actor, spec.action, spec.resourceType, resourceId).then(() => answer))));
  }
}
