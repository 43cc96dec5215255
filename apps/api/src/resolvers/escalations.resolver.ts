import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, EscalationView, EscalationsService } from '@app/core';
import { FoundingCaseEntity, MembershipApplicationEntity, OrgUnitEntity } from '@app/persistence';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { GqlContext } from '../graphql/loaders';
import { ApplicationEscalationModel, EscalationModel, FoundingCaseModel, MembershipApplicationModel, OrgUnitModel } from '../graphql/models';

@Resolver(() => EscalationModel)
export class EscalationResolver {
  constructor(private readonly escalationService: EscalationsService) {}

  /** Case escalations (applications overdue at an upper-level union are listed by `applicationEscalations`). */
  @AnyRole()
  @Query(() => [EscalationModel])
  async escalations(
    @CurrentActor() actor: Actor,
    @Args('openOnly', { type: () => Boolean, defaultValue: true, nullable: true }) openOnly: boolean | null,
  ): Promise<EscalationView[]> {
    return this.escalationService.list(actor, openOnly ?? true, 'CASE');
  }

  /** Applications overdue at an upper-level union: to its supervisors (officers are not addressed). Acknowledged with acknowledgeEscalation. */
  @AnyRole()
  @Query(() => [ApplicationEscalationModel])
  applicationEscalations(
    @CurrentActor() actor: Actor,
    @Args('openOnly', { type: () => Boolean, defaultValue: true, nullable: true }) openOnly: boolean | null,
  ): Promise<EscalationView[]> {
    return this.escalationService.list(actor, openOnly ?? true, 'APPLICATION');
  }

  @AnyRole()
  @Mutation(() => EscalationModel)
  acknowledgeEscalation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EscalationView> {
    return this.escalationService.acknowledge(actor, id);
  }

  @ResolveField(() => FoundingCaseModel, { name: 'case' })
  foundingCase(@Parent() e: EscalationView, @Context() ctx: GqlContext): Promise<FoundingCaseEntity | null> {
    return ctx.loaders.foundingCase.load(e.caseId!);
  }
}

@Resolver(() => ApplicationEscalationModel)
export class ApplicationEscalationResolver {
  @ResolveField(() => MembershipApplicationModel)
  application(@Parent() e: EscalationView, @Context() ctx: GqlContext): Promise<MembershipApplicationEntity | null> {
    return ctx.loaders.application.load(e.applicationId!);
  }

  @ResolveField(() => OrgUnitModel)
  decidingUnit(@Parent() e: EscalationView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(e.orgUnitId);
  }
}
