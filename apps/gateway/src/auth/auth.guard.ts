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
import { Actor } from './account.entity';

const ROLES_KEY = 'korgoo:roles';

/** The roles allowed to call a route; a route without it is open to any signed-in account. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});

interface TokenClaims {
  sub: string;
  role: Role;
  centreId?: string | null;
}

/** 401 without a valid bearer token, 403 when the role may not use the route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers?.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
      throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(header.slice('Bearer '.length).trim(), {
        algorithms: ['HS256'],
      });
    } catch {
      throw new UnauthorizedException('the bearer token is invalid or expired');
    }
    if (!ROLES.includes(claims.role) || typeof claims.sub !== 'string') {
      throw new UnauthorizedException('the bearer token is invalid or expired');
    }
    const actor: Actor = { accountId: claims.sub, role: claims.role, centreId: claims.centreId ?? null };
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !allowed.includes(actor.role)) {
      throw new ForbiddenException(`this action needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
