import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, NominationDecisionView, NominationView, RewardsService } from '@app/core';
import { OrgUnitEntity, UserEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { DateDay } from '../graphql/date.scalar';
import { PeriodKind } from '../graphql/enums';
import { GqlContext, loadIf } from '../graphql/loaders';
import { OrgUnitModel, UserModel } from '../graphql/models';
import { NominationDecisionModel, RewardNominationModel } from '../graphql/rewards.models';

@Resolver(() => RewardNominationModel)
export class RewardNominationResolver {
  constructor(private readonly rewards: RewardsService) {}

  @AnyRole()
  @Query(() => [RewardNominationModel])
  rewardNominations(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID, nullable: true }) orgUnitId?: string | null,
    @Args('periodStart', { type: () => DateDay, nullable: true }) periodStart?: string | null,
  ): Promise<NominationView[]> {
    return this.rewards.list(actor, orgUnitId, periodStart);
  }

  @Managers()
  @Mutation(() => [RewardNominationModel])
  evaluateRewards(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('periodKind', { type: () => PeriodKind }) periodKind: PeriodKind,
    @Args('periodStart', { type: () => DateDay }) periodStart: string,
  ): Promise<NominationView[]> {
    return this.rewards.evaluate(actor, orgUnitId, periodKind, periodStart);
  }

  @Managers()
  @Mutation(() => RewardNominationModel)
  decideNomination(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<NominationView> {
    return this.rewards.decide(actor, id, approve, note);
  }

  @ResolveField(() => UserModel, { nullable: true })
  officer(@Parent() n: NominationView, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return loadIf(ctx.loaders.user, n.officerId);
  }

  @ResolveField(() => OrgUnitModel, { nullable: true })
  grassrootsUnion(@Parent() n: NominationView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> | null {
    return loadIf(ctx.loaders.orgUnit, n.grassrootsUnionId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  decidedBy(@Parent() n: NominationView, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return loadIf(ctx.loaders.user, n.decidedById);
  }

  @ResolveField(() => [NominationDecisionModel])
  history(@Parent() n: NominationView, @Context() ctx: GqlContext): Promise<NominationDecisionView[]> {
    return ctx.loaders.decisionsOfNomination.load(n.id);
  }

  @ResolveField(() => String)
  figuresJson(@Parent() n: NominationView): string {
    return JSON.stringify(n.figures);
  }
}

@Resolver(() => NominationDecisionModel)
export class NominationDecisionResolver {
  @ResolveField(() => UserModel)
  by(@Parent() d: NominationDecisionView, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return ctx.loaders.user.load(d.byUserId);
  }
}
