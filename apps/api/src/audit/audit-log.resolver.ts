import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, AuditEntryView, AuditLogService, Page } from '@app/core';
import { CurrentActor, Managers } from '../auth/access.decorators';
import { PageArgs } from '../graphql/inputs';
import { AuditEntryConnectionModel, AuditEntryModel, AuditLogFilterInput } from './audit-log.models';

@Resolver(() => AuditEntryModel)
export class AuditLogResolver {
  constructor(private readonly log: AuditLogService) {}

  @Managers()
  @Query(() => AuditEntryConnectionModel, {
    description: 'Who changed what, newest first (docs/architecture.md#audit-log): ADMIN everything, SUPERVISOR its subtree (by the actor or the rows changed)',
  })
  auditLog(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter: AuditLogFilterInput | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<AuditEntryView>> {
    return this.log.list(actor, filter ?? {}, page.first, page.after);
  }
}
