import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, Role } from '@app/core';

export const ROLES_KEY = 'cdcs:roles';
export const PUBLIC_KEY = 'cdcs:public';

/** The roles allowed to call an operation; an operation without it is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** The upper level's roles (GRASSROOTS users have their own operations). */
export const AnyRole = () => SetMetadata(ROLES_KEY, [Role.ADMIN, Role.SUPERVISOR, Role.OFFICER]);
/** Every role, GRASSROOTS included: `me`, `changePassword`, `calendarDays`. */
export const Everyone = () => SetMetadata(ROLES_KEY, [Role.ADMIN, Role.SUPERVISOR, Role.OFFICER, Role.GRASSROOTS]);
/** A CĐCS's register, read: its GRASSROOTS users, the upper level's OFFICERs and SUPERVISORs of its subtree, ADMIN (docs/architecture.md#grassroots-unions). */
export const GrassrootsReaders = () => SetMetadata(ROLES_KEY, [Role.ADMIN, Role.SUPERVISOR, Role.OFFICER, Role.GRASSROOTS]);
/** A CĐCS's register, changed: its GRASSROOTS users and ADMIN. */
export const GrassrootsWriters = () => Roles(Role.GRASSROOTS, Role.ADMIN);
/** Supervisors and admins: assignments, decisions, set-up, targets, rewards and reports. */
export const Managers = () => Roles(Role.SUPERVISOR, Role.ADMIN);
/** Needs no login: `login`, GET /health, GET /metrics and DELETE /admin/session (docs/architecture.md#scope-and-authorization). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const BEFORE_PASSWORD_CHANGE_KEY = 'cdcs:before-password-change';
/** Allowed while the caller must still change a temporary password (only `me` and `changePassword`). */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

export function requestOf(ctx: ExecutionContext): { headers: Record<string, string | string[] | undefined>; actor?: Actor; ip?: string } {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

/** The authenticated caller (set by AccessGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => requestOf(ctx).actor!);
