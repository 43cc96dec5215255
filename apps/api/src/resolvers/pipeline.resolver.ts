import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, MembersFromReturns, PipelineService, TargetsService } from '@app/core';
import { OrgUnitEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { TargetInput } from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import { PipelineModel } from '../graphql/figures.models';
import { OrgUnitModel } from '../graphql/models';
import { MembersFromReturnsModel } from '../graphql/party-groups.models';

@Resolver(() => PipelineModel)
export class PipelineResolver {
  constructor(
    private readonly pipelines: PipelineService,
    private readonly targets: TargetsService,
  ) {}

  @AnyRole()
  @Query(() => PipelineModel)
  pipeline(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<PipelineModel> {
    return this.pipelines.pipeline(actor, orgUnitId, year);
  }

  @Managers()
  @Mutation(() => Boolean)
  setTarget(@CurrentActor() actor: Actor, @Args('input') input: TargetInput): Promise<boolean> {
    return this.targets.set(actor, input);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() p: PipelineModel, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(p.orgUnitId);
  }

  /** The same scope as `pipeline` (its parent was read with it). */
  @ResolveField(() => MembersFromReturnsModel, {
    description: "The latest return period's members by the accepted statistics returns (which period, how many CĐCS reported), beside the registers'",
  })
  membersFromReturns(@Parent() p: PipelineModel, @CurrentActor() actor: Actor): Promise<MembersFromReturns> {
    return this.pipelines.membersFromReturns(actor, p.orgUnitId, p.year);
  }
}
