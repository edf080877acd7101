import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { AccountStanding } from './account-standing';
import type { AccessClaims } from './session-tokens';
import { AuditTrail } from '../audit/audit-trail';
import { refusedRoute } from '../audit/refusal-audit';

const ROLES_KEY = 'korgoo:roles';
const INVALID = 'the bearer token is invalid or expired';

/** The roles allowed to call a route; a route without it is open to any signed-in account. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});

/** A centre account without its centre is refused here, so no later rule ever sees a centre actor without one. */
function actorFrom(claims: AccessClaims): Actor {
  const accountId = claims.sub;
  switch (claims.role) {
    case 'centre':
      if (typeof claims.centreId !== 'string' || claims.centreId === '') {
        throw new ForbiddenException('this account is not attached to a centre');
      }
      return { role: 'centre', accountId, centreId: claims.centreId };
    case 'police':
      return { role: 'police', accountId, unitId: claims.unitId ?? null };
    default:
      return { role: claims.role, accountId };
  }
}

/**
 * 401 without a valid bearer token or when the account was deactivated, changed or reset after the token was
 * signed; 403 when the role may not use the route. Both are audited by the refusal hook.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly standing: AccountStanding,
    private readonly audit: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    try {
      return await this.admit(context, request);
    } catch (error) {
      // Written before the refusal is answered, so the entry exists once the caller sees the 401 or 403.
      await this.audit.refusal(request.actor ?? null, 'refused', 'http', refusedRoute(request));
      request.refusalAudited = true;
      throw error;
    }
  }

  private async admit(context: ExecutionContext, request: { headers?: Record<string, unknown>; actor?: Actor }): Promise<boolean> {
    const header: unknown = request.headers?.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
      throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(header.slice('Bearer '.length).trim(), { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException(INVALID);
    }
    if (!ROLES.includes(claims.role) || typeof claims.sub !== 'string' || !Number.isInteger(claims.tv)) {
      throw new UnauthorizedException(INVALID);
    }
    if (!(await this.standing.isCurrent(claims.sub, claims.tv))) {
      throw new UnauthorizedException('the session has ended (signed out, account changed or deactivated); sign in again');
    }
    const actor = actorFrom(claims);
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (allowed && !allowed.includes(actor.role)) {
      throw new ForbiddenException(`this action needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
