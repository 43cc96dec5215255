import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, EnterprisesService, Page } from '@app/core';
import { EnterpriseEntity, EnterpriseFundingTypeEntity, EnterpriseWorkerCountEntity, FoundingCaseEntity, OrgUnitEntity, UserEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { CreateEnterpriseInput, EnterpriseFilter, PageArgs } from '../graphql/inputs';
import { CloseEnterpriseInput, UpdateEnterpriseInput } from '../graphql/enterprise-register.inputs';
import { FundingTypeEntryModel, WorkerCountEntryModel } from '../graphql/enterprise-register.models';
import { GqlContext, loadIf } from '../graphql/loaders';
import { EnterpriseConnectionModel, EnterpriseModel, FoundingCaseModel, OrgUnitModel, UserModel } from '../graphql/models';

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
  @Query(() => EnterpriseModel)
  enterprise(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EnterpriseEntity> {
    return this.enterpriseService.getVisible(actor, id);
  }

  @AnyRole()
  @Mutation(() => EnterpriseModel)
  createEnterprise(@CurrentActor() actor: Actor, @Args('input') input: CreateEnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.create(actor, input);
  }

  @AnyRole()
  @Mutation(() => EnterpriseModel)
  updateEnterprise(@CurrentActor() actor: Actor, @Args('input') input: UpdateEnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.update(actor, input);
  }

  @Managers()
  @Mutation(() => EnterpriseModel)
  closeEnterprise(@CurrentActor() actor: Actor, @Args('input') input: CloseEnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.close(actor, input);
  }

  @Managers()
  @Mutation(() => EnterpriseModel)
  reopenEnterprise(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EnterpriseEntity> {
    return this.enterpriseService.reopen(actor, id);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(e.orgUnitId);
  }

  @ResolveField(() => FoundingCaseModel, { nullable: true })
  async openCase(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<FoundingCaseEntity | null> {
    return (await ctx.loaders.openCaseOfEnterprise.load(e.id))[0] ?? null;
  }

  @ResolveField(() => [WorkerCountEntryModel], { description: 'Its worker counts, newest first' })
  workerCountHistory(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<EnterpriseWorkerCountEntity[]> {
    return ctx.loaders.workerCountsOfEnterprise.load(e.id);
  }

  @ResolveField(() => [FundingTypeEntryModel], { description: 'Its funding types, each with the day it holds from, latest day first' })
  fundingTypeHistory(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<EnterpriseFundingTypeEntity[]> {
    return ctx.loaders.fundingTypesOfEnterprise.load(e.id);
  }

  @ResolveField(() => [FoundingCaseModel], { description: 'Its founding cases, past and present, newest first (those the caller may see)' })
  cases(@Parent() e: EnterpriseEntity, @Context() ctx: GqlContext): Promise<FoundingCaseEntity[]> {
    return ctx.loaders.casesOfEnterprise.load(e.id);
  }
}

@Resolver(() => WorkerCountEntryModel)
export class WorkerCountEntryResolver {
  @ResolveField(() => UserModel, { nullable: true })
  recordedBy(@Parent() w: EnterpriseWorkerCountEntity, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return loadIf(ctx.loaders.user, w.recordedBy);
  }
}

@Resolver(() => FundingTypeEntryModel)
export class FundingTypeEntryResolver {
  @ResolveField(() => UserModel, { nullable: true })
  recordedBy(@Parent() f: EnterpriseFundingTypeEntity, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return loadIf(ctx.loaders.user, f.recordedBy);
  }
}
