import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Actor, AuditLogService } from '@app/core';
import { AuditContext, auditContext, auditRowWritten } from '@app/persistence';

export const AUDITED_KEY = 'cdcs:audited';
/** Every route of the controller writes an audit row (uploads, downloads and exports of the registers and reports). */
export const Audited = () => SetMetadata(AUDITED_KEY, true);

export const AUDITED_READ_KEY = 'cdcs:audited-read';
interface AuditedReadSpec {
  entity: string;
  idArg?: string;
}
/**
 * A query answering personal data (citizen ids, birth dates, phone numbers): each successful call writes one audit
 * row, whatever the number of people it lists: the entity read, `idArg`'s value as its id, the other arguments as
 * the row's detail (digit runs masked: a search may be the start of a citizen id).
 */
export const AuditedRead = (entity: string, idArg?: string) => SetMetadata(AUDITED_READ_KEY, { entity, idArg } satisfies AuditedReadSpec);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Arguments as an audit row keeps them: runs of 3 or more digits in text masked (ids kept). */
export function maskedArgs(args: Record<string, unknown>): Record<string, unknown> {
  const mask = (v: unknown): unknown => {
    if (typeof v === 'string') return UUID.test(v) ? v : v.replace(/\d{3,}/g, (d) => '*'.repeat(d.length));
    if (Array.isArray(v)) return v.map(mask);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x != null)
          .map(([k, x]) => [k, mask(x)]),
      );
    return v;
  };
  return mask(Object.fromEntries(Object.entries(args).filter(([, x]) => x != null))) as Record<string, unknown>;
}

interface AuditedRequest {
  actor?: Actor;
  ip?: string;
  id?: string | number;
  method?: string;
  /** Fastify's matched route: its pattern (`/reports/:id/xlsx`), not the URL with its ids. */
  routeOptions?: { url?: string };
}

/**
 * Puts an audit context around every GraphQL mutation and every route of an `@Audited()` controller
 * (docs/architecture.md#audit-log): the row triggers write the audit row with the operation's first change,
 * in its transaction; after success this writes it when no trigger did (a read-only operation, a login, a
 * download). A refused operation changes nothing, so it leaves no row, except a refused login (REFUSED).
 * A query marked `@AuditedRead` (personal data) writes one row after it answered.
 * Guards run first: a call refused for its role or without a token never gets here.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly log: AuditLogService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const read = this.auditedReadOf(ctx);
    if (read) return this.audited(ctx, read, next);
    const op = this.operationOf(ctx);
    if (!op) return next.handle();
    const req = (ctx.getType<string>() === 'graphql' ? GqlExecutionContext.create(ctx).getContext().req : ctx.switchToHttp().getRequest()) as AuditedRequest;
    const audit = this.contextOf(req, op.name);
    const isLogin = op.name === 'login';
    if (isLogin) audit.actorEmail = typeof op.args.email === 'string' ? op.args.email.trim().toLowerCase().slice(0, 320) : null;
    return from(
      auditContext.run(audit, async () => {
        let result: unknown;
        try {
          result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (e) {
          if (isLogin) await this.log.record(audit, 'REFUSED');
          throw e;
        }
        // A trigger wrote the row with the first change (its notice came back with that statement): nothing to add.
        if (auditRowWritten(audit)) return result;
        const entity = isLogin ? this.loggedIn(audit, result) : this.entityOf(op.returnType, result);
        // Still in the context: the connection keeps its tag (no set_config); audit_log has no capture trigger.
        await this.log.record(audit, 'OK', entity);
        return result;
      }),
    );
  }

  private auditedReadOf(ctx: ExecutionContext): AuditedReadSpec | null {
    if (ctx.getType<string>() !== 'graphql') return null;
    const spec = this.reflector.get<AuditedReadSpec | undefined>(AUDITED_READ_KEY, ctx.getHandler());
    return spec && GqlExecutionContext.create(ctx).getInfo<{ parentType: { name: string } }>().parentType.name === 'Query' ? spec : null;
  }

  /** A read of personal data: after it answered, one row (autocommit; the read itself changed nothing). */
  private audited(ctx: ExecutionContext, spec: AuditedReadSpec, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(ctx);
    const req = gql.getContext().req as AuditedRequest;
    const { [spec.idArg ?? '']: id, ...rest } = gql.getArgs<Record<string, unknown>>();
    const audit = this.contextOf(req, gql.getInfo<{ fieldName: string }>().fieldName);
    return from(
      (async () => {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.log.record(audit, 'OK', { entity: spec.entity, entityId: typeof id === 'string' ? id : null }, maskedArgs(rest));
        return result;
      })(),
    );
  }

  private contextOf(req: AuditedRequest, operation: string): AuditContext {
    const actor = req.actor;
    return {
      key: randomUUID(),
      operation,
      actorId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      actorRole: actor?.role ?? null,
      actorUnitId: actor?.orgUnitId ?? null,
      ip: req.ip ?? null,
      requestId: req.id == null ? null : String(req.id),
    };
  }

  private operationOf(ctx: ExecutionContext): { name: string; args: Record<string, unknown>; returnType: string | null } | null {
    if (ctx.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(ctx);
      const info = gql.getInfo<{ parentType: { name: string }; fieldName: string; returnType: { toString(): string } }>();
      if (info.parentType.name !== 'Mutation') return null;
      return { name: info.fieldName, args: gql.getArgs(), returnType: info.returnType.toString().replace(/[[\]!]/g, '') };
    }
    if (ctx.getType() !== 'http' || !this.reflector.getAllAndOverride<boolean>(AUDITED_KEY, [ctx.getHandler(), ctx.getClass()])) return null;
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    return { name: `${req.method ?? 'GET'} ${req.routeOptions?.url ?? ''}`, args: {}, returnType: null };
  }

  /** A successful login: the account is the actor and the entity. */
  private loggedIn(audit: AuditContext, result: unknown): { entity: string; entityId: string | null } {
    const user = (result as { user?: { id?: string; role?: string; orgUnitId?: string } } | undefined)?.user;
    audit.actorId = user?.id ?? null;
    audit.actorRole = user?.role ?? null;
    audit.actorUnitId = user?.orgUnitId ?? null;
    return { entity: 'app_user', entityId: audit.actorId };
  }

  private entityOf(returnType: string | null, result: unknown): { entity: string; entityId: string | null } | null {
    const id = (result as { id?: unknown } | null | undefined)?.id;
    return returnType && typeof id === 'string' ? { entity: returnType, entityId: id } : null;
  }
}
