import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Page, UpperLevelMemberChangesService, UpperLevelMemberView, UpperLevelMembersService } from '@app/core';
import { AuditedRead } from '../audit/audit.interceptor';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { MemberFilter, RecordUpperLevelMemberLeavingInput, TransferUpperLevelMemberInput } from '../graphql/grassroots.inputs';
import { UpperLevelMemberConnectionModel, UpperLevelMemberModel } from '../graphql/grassroots.models';
import { PageArgs } from '../graphql/inputs';

/**
 * The members an upper-level union admitted directly (no CĐCS at their enterprise): read by the officers and
 * supervisors of its subtree, changed by its supervisors, as its direct applications (docs/architecture.md#grassroots-unions).
 */
@Resolver(() => UpperLevelMemberModel)
export class UpperLevelMemberResolver {
  constructor(
    private readonly members: UpperLevelMembersService,
    private readonly changes: UpperLevelMemberChangesService,
  ) {}

  @AnyRole()
  @AuditedRead('member')
  @Query(() => UpperLevelMemberConnectionModel, {
    description: 'The members an upper-level union admitted directly (every membership, the ended ones too), ordered by name; filters as `members`',
  })
  upperLevelMembers(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('filter', { type: () => MemberFilter, nullable: true }) filter: MemberFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<UpperLevelMemberView>> {
    return this.members.list(actor, orgUnitId, filter ?? {}, page.first, page.after);
  }

  @Managers()
  @Mutation(() => UpperLevelMemberModel, { description: 'A member the upper-level union admitted directly leaves (not a transfer)' })
  recordUpperLevelMemberLeaving(@CurrentActor() actor: Actor, @Args('input') input: RecordUpperLevelMemberLeavingInput): Promise<UpperLevelMemberView> {
    return this.changes.recordLeaving(actor, input);
  }

  @Managers()
  @Mutation(() => UpperLevelMemberModel, {
    description: 'A member the upper-level union admitted directly moves to a CĐCS of its subtree on a day (put on its staff list; not a new member)',
  })
  transferUpperLevelMember(@CurrentActor() actor: Actor, @Args('input') input: TransferUpperLevelMemberInput): Promise<UpperLevelMemberView> {
    return this.changes.transfer(actor, input);
  }
}
