import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UserEntity } from '@app/persistence';
import type { GqlContext } from '../graphql/loaders';
import { AppError, AuthService, ErrorCode, Role, passwordChangeRequired } from '@app/core';
import { BEFORE_PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY, requestOf } from './access.decorators';

/**
 * Global guard: every operation is denied unless marked @Public or allowed for the caller's role.
 * Authenticates the bearer token and puts the caller on the request. A caller that must change a
 * temporary password may call only the operations marked @AllowedBeforePasswordChange (FORBIDDEN,
 * `extensions.reason: PASSWORD_CHANGE_REQUIRED`, otherwise).
 * See docs/architecture.md#scope-and-authorization.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = requestOf(ctx);
    if (!req.actor) {
      const header = req.headers['authorization'];
      const value = Array.isArray(header) ? header[0] : header;
      const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
      if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Bạn cần đăng nhập để thực hiện thao tác này');
      const caller = await this.auth.callerFromToken(match[1]);
      req.actor = caller.actor;
      primeCallersRow(ctx, caller.user);
    }
    if (req.actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw passwordChangeRequired();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(req.actor.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn không được phép thực hiện thao tác này');
    }
    return true;
  }
}

/**
 * A query's users' loader gets the caller's row the guard has just read (one statement fewer for
 * `me` and the caller as author or assignee). Not a mutation's: it may change that row, and what it
 * answers afterwards must be read after the change.
 */
function primeCallersRow(ctx: ExecutionContext, user: UserEntity): void {
  if (ctx.getType<string>() !== 'graphql') return;
  const gql = GqlExecutionContext.create(ctx);
  if (gql.getInfo<{ operation: { operation: string } }>().operation.operation !== 'query') return;
  gql.getContext<GqlContext>().loaders?.user.prime(user.id, user);
}
