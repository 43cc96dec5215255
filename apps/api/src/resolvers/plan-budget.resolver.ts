import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, BudgetLedgerService, BudgetService, OfficerAreasService, PlanService, areaOfficersOf } from '@app/core';
import { OrgUnitEntity, UserEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { GqlContext, loadIf } from '../graphql/loaders';
import { EnterpriseModel, OrgUnitModel, UserModel } from '../graphql/models';
import {
  ReverseBudgetEntryInput,
  RecordBudgetEntryInput,
  SaveBudgetHeadingInput,
  SaveOfficerAreaInput,
  SavePlanInput,
  SetBudgetPlanInput,
} from '../graphql/plan-budget.inputs';
import { BudgetEntryModel, BudgetEntryPayloadModel, BudgetHeadingModel, BudgetModel, OfficerAreaModel, PlanModel } from '../graphql/plan-budget.models';

// The plan, officers' areas and the budget (docs/architecture.md#plan-areas-and-budget).
// Reads: OFFICER its own unit's, SUPERVISOR its subtree, ADMIN all; writes: SUPERVISOR and ADMIN.

@Resolver(() => PlanModel)
export class PlanResolver {
  constructor(private readonly plans: PlanService) {}

  @AnyRole()
  @Query(() => PlanModel, { nullable: true, description: "The unit's plan for the year: the latest version, or `version`; null when none" })
  plan(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<PlanModel | null> {
    return this.plans.plan(actor, orgUnitId, year, version);
  }

  @AnyRole()
  @Query(() => [PlanModel], { description: "Every version of the unit's plan for the year, newest first" })
  planVersions(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<PlanModel[]> {
    return this.plans.versions(actor, orgUnitId, year);
  }

  @Managers()
  @Mutation(() => PlanModel, { description: "Saves the plan as a new version and sets the unit's and the officers' targets" })
  savePlan(@CurrentActor() actor: Actor, @Args('input') input: SavePlanInput): Promise<PlanModel> {
    return this.plans.save(actor, input);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() p: PlanModel, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(p.orgUnitId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  savedBy(@Parent() p: PlanModel, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return ctx.loaders.user.load(p.savedById);
  }
}

@Resolver(() => OfficerAreaModel)
export class OfficerAreaResolver {
  constructor(private readonly areas: OfficerAreasService) {}

  @AnyRole()
  @Query(() => [OfficerAreaModel], { description: "The areas of the unit's officers, with their coverage" })
  officerAreas(@CurrentActor() actor: Actor, @Args('orgUnitId', { type: () => ID }) orgUnitId: string): Promise<OfficerAreaModel[]> {
    return this.areas.list(actor, orgUnitId);
  }

  @Managers()
  @Mutation(() => OfficerAreaModel, { description: "Replaces an officer's area; overlapping areas are refused unless both are shared" })
  saveOfficerArea(@CurrentActor() actor: Actor, @Args('input') input: SaveOfficerAreaInput): Promise<OfficerAreaModel> {
    return this.areas.save(actor, input);
  }
}

@Resolver(() => BudgetModel)
export class BudgetResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly ledger: BudgetLedgerService,
  ) {}

  @AnyRole()
  @Query(() => BudgetModel, { description: "The unit's budget for the year: headings against plan, the ledger, cost per new member and CĐCS" })
  budget(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<BudgetModel> {
    return this.budgets.budget(actor, orgUnitId, year);
  }

  @Managers()
  @Mutation(() => BudgetHeadingModel, { description: 'Adds a spending heading to the unit, or renames, reorders or retires one' })
  saveBudgetHeading(@CurrentActor() actor: Actor, @Args('input') input: SaveBudgetHeadingInput): Promise<BudgetHeadingModel> {
    return this.ledger.saveHeading(actor, input);
  }

  @Managers()
  @Mutation(() => BudgetModel, { description: "Sets the year's planned amount of the given headings" })
  setBudgetPlan(@CurrentActor() actor: Actor, @Args('input') input: SetBudgetPlanInput): Promise<BudgetModel> {
    return this.ledger.setPlan(actor, input);
  }

  @Managers()
  @Mutation(() => BudgetEntryPayloadModel, { description: "Records spending; over the heading's plan it is still recorded, with a warning" })
  recordBudgetEntry(@CurrentActor() actor: Actor, @Args('input') input: RecordBudgetEntryInput): Promise<BudgetEntryPayloadModel> {
    return this.ledger.record(actor, input);
  }

  @Managers()
  @Mutation(() => BudgetEntryPayloadModel, { description: 'Undoes an entry by a reversing entry of the opposite amount (entries are never changed)' })
  reverseBudgetEntry(@CurrentActor() actor: Actor, @Args('input') input: ReverseBudgetEntryInput): Promise<BudgetEntryPayloadModel> {
    return this.ledger.reverse(actor, input);
  }
}

@Resolver(() => BudgetEntryModel)
export class BudgetEntryResolver {
  @ResolveField(() => UserModel, { nullable: true })
  recordedBy(@Parent() e: BudgetEntryModel, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return loadIf(ctx.loaders.user, e.recordedById);
  }
}

/** Per request (keyed by its context): the area officers of the enterprises of an answer, in one statement. */
const areaLoaders = new WeakMap<object, DataLoader<string, string | null>>();

@Resolver(() => EnterpriseModel)
export class EnterpriseAreaOfficerResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The officer whose area holds the enterprise (by name, else by district); null when none or several',
  })
  async areaOfficer(@Parent() e: EnterpriseModel, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    let loader = areaLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const map = await areaOfficersOf(this.db, ids);
        return ids.map((id) => map.get(id) ?? null);
      });
      areaLoaders.set(ctx, loader);
    }
    const officerId = await loader.load(e.id);
    return officerId ? ctx.loaders.user.load(officerId) : null;
  }
}
