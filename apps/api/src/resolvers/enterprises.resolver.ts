import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, EnterprisesService, Page } from '@app/core';
import { EnterpriseEntity, FoundingCaseEntity, OrgUnitEntity } from '@app/persistence';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { CreateEnterpriseInput, EnterpriseFilter, PageArgs } from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import { EnterpriseConnectionModel, EnterpriseModel, FoundingCaseModel, OrgUnitModel } from '../graphql/models';

@Resolver(() => EnterpriseModel)
export class EnterpriseResolver {
  constructor(private readonly enterpriseService: EnterprisesService) {}

  @AnyRole()
  @Query(() => EnterpriseConnectionModel)
  enterprises(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EnterpriseFilter, nullable: true }) filter: EnterpriseFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<EnterpriseEntity>> {
    return this.enterpriseService.list(actor, filter ?? {}, page.first, page.after);
  }

  @AnyRole()
  @Mutation(() => EnterpriseModel)
  createEnterprise(@CurrentActor() actor: Actor, @Args('input') input: CreateEnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.create(actor, input);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(e.orgUnitId);
  }

  @ResolveField(() => FoundingCaseModel, { nullable: true })
  async openCase(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<FoundingCaseEntity | null> {
    return (await ctx.loaders.openCaseOfEnterprise.load(e.id))[0] ?? null;
  }
}
