import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, AuditEntryView, AuditLogService, Page } from '@app/core';
import { CurrentActor, Managers } from '../auth/access.decorators';
import { AuditEntryConnectionModel, AuditEntryModel, AuditLogArgs } from './audit-log.models';

@Resolver(() => AuditEntryModel)
export class AuditLogResolver {
  constructor(private readonly log: AuditLogService) {}

  @Managers()
  @Query(() => AuditEntryConnectionModel, {
    description: 'Who changed what, newest first (docs/architecture.md#audit-log): ADMIN everything, SUPERVISOR its subtree (by the actor or the rows changed)',
  })
  auditLog(@CurrentActor() actor: Actor, @Args() args: AuditLogArgs): Promise<Page<AuditEntryView>> {
    return this.log.list(actor, args.filter ?? {}, args.first, args.after);
  }
}
