import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, EscalationView, EscalationsService } from '@app/core';
import { FoundingCaseEntity } from '@app/persistence';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { GqlContext } from '../graphql/loaders';
import { EscalationModel, FoundingCaseModel } from '../graphql/models';

@Resolver(() => EscalationModel)
export class EscalationResolver {
  constructor(private readonly escalationService: EscalationsService) {}

  /** Case escalations (applications overdue at an upper-level union are listed by `applicationEscalations`). */
  @AnyRole()
  @Query(() => [EscalationModel])
  async escalations(@CurrentActor() actor: Actor, @Args('openOnly', { type: () => Boolean, defaultValue: true, nullable: true }) openOnly: boolean | null): Promise<EscalationView[]> {
    return (await this.escalationService.list(actor, openOnly ?? true)).filter((e) => e.caseId);
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
