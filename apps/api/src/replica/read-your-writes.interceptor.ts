import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Actor } from '@app/core';
import { ReadDb } from '@app/persistence';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes with a read replica (docs/architecture.md#read-replica): after every GraphQL mutation and every
 * HTTP request that may write (uploads, imports), whether it succeeded or not, the caller's lag-tolerant reads go to
 * the primary for READ_YOUR_WRITES_MS. The mark is stored before the answer leaves, so the caller's next read sees it,
 * whichever API process it reaches. Without DATABASE_READ_URL this does nothing.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly reads: ReadDb) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reads.enabled) return next.handle();
    const writer = this.writerOf(ctx);
    if (!writer) return next.handle();
    return from(
      (async () => {
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          await this.reads.noteWrite(writer);
        }
      })(),
    );
  }

  /** The user id of a call that may write, or null for a read (or a call without a user, like login). */
  private writerOf(ctx: ExecutionContext): string | null {
    if (ctx.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(ctx);
      if (gql.getInfo<{ parentType: { name: string } }>().parentType.name !== 'Mutation') return null;
      return gql.getContext<{ req?: { actor?: Actor } }>().req?.actor?.userId ?? null;
    }
    if (ctx.getType() !== 'http') return null;
    const req = ctx.switchToHttp().getRequest<{ method?: string; actor?: Actor }>();
    if (READ_METHODS.has((req.method ?? 'GET').toUpperCase())) return null;
    return req.actor?.userId ?? null;
  }
}
