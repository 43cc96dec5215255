import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor, ApplicationsService, CalendarService, CaseQueriesService, CasesService, EnterprisesService, Page, Role,
} from '@app/core';
import { isOpenStage, isOverdue, CaseStage } from '@app/domain';
import {
  CaseEvidenceEntity, CaseTransitionEntity, EnterpriseEntity, FoundingCaseEntity, MembershipApplicationEntity, OrgUnitEntity, UserEntity,
} from '@app/persistence';
import { AnyRole, CurrentActor, Roles } from '../auth/access.decorators';
import {
  AdvanceInput, ApplicationInput, AssignCaseInput, CaseFilter, CloseInput, CommitteeInput, CongressInput, CreateEnterpriseInput, DecideApplicationInput,
  DecisionInput, EnterpriseFilter, OpenCaseInput, OutreachInput, ReopenInput, SurveyInput,
} from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import {
  CaseEvidenceModel, CaseTransitionModel, EnterpriseConnectionModel, EnterpriseModel, FoundingCaseConnectionModel, FoundingCaseModel,
  MembershipApplicationModel, OrgUnitModel, UserModel,
} from '../graphql/models';

const WORKERS = [Role.OFFICER, Role.SUPERVISOR, Role.ADMIN];
const MANAGERS = [Role.SUPERVISOR, Role.ADMIN];

@Resolver(() => FoundingCaseModel)
export class FoundingCaseResolver {
  constructor(
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
    private readonly calendar: CalendarService,
  ) {}

  @AnyRole()
  @Query(() => FoundingCaseConnectionModel)
  foundingCases(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter?: CaseFilter,
    @Args('first', { type: () => Int, defaultValue: 50, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<FoundingCaseEntity>> {
    return this.queries.list(actor, filter ?? {}, first, after);
  }

  @AnyRole()
  @Query(() => FoundingCaseModel, { nullable: true })
  foundingCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<FoundingCaseEntity | null> {
    return this.queries.get(actor, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FoundingCaseModel)
  openFoundingCase(@CurrentActor() a: Actor, @Args('input') input: OpenCaseInput) {
    return this.cases.open(a, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FoundingCaseModel)
  assignFoundingCase(@CurrentActor() a: Actor, @Args('input') input: AssignCaseInput) {
    return this.cases.assign(a, input);
  }

  @Roles(...WORKERS)
  @Mutation(() => FoundingCaseModel)
  recordSurvey(@CurrentActor() a: Actor, @Args('input') input: SurveyInput) {
    return this.cases.recordSurvey(a, input);
  }

  @Roles(...WORKERS)
  @Mutation(() => FoundingCaseModel)
  recordOutreach(@CurrentActor() a: Actor, @Args('input') input: OutreachInput) {
    return this.cases.recordOutreach(a, input);
  }

  @Roles(...WORKERS)
  @Mutation(() => FoundingCaseModel)
  formMobilizationCommittee(@CurrentActor() a: Actor, @Args('input') input: CommitteeInput) {
    return this.cases.formCommittee(a, input);
  }

  @Roles(...WORKERS)
  @Mutation(() => FoundingCaseModel)
  recordFoundingCongress(@CurrentActor() a: Actor, @Args('input') input: CongressInput) {
    return this.cases.recordCongress(a, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FoundingCaseModel)
  recordRecognitionDecision(@CurrentActor() a: Actor, @Args('input') input: DecisionInput) {
    return this.cases.recordDecision(a, input);
  }

  @Roles(...WORKERS)
  @Mutation(() => FoundingCaseModel)
  advanceFoundingCase(@CurrentActor() a: Actor, @Args('input') input: AdvanceInput) {
    return this.cases.advance(a, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FoundingCaseModel)
  closeFoundingCase(@CurrentActor() a: Actor, @Args('input') input: CloseInput) {
    return this.cases.close(a, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FoundingCaseModel)
  reopenFoundingCase(@CurrentActor() a: Actor, @Args('input') input: ReopenInput) {
    return this.cases.reopen(a, input);
  }

  @ResolveField(() => EnterpriseModel)
  enterprise(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<EnterpriseEntity | null> {
    return ctx.loaders.enterprise.load(c.enterpriseId);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(c.orgUnitId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  assignee(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<UserEntity | null> | null {
    return c.assigneeId ? ctx.loaders.user.load(c.assigneeId) : null;
  }

  @ResolveField(() => OrgUnitModel, { nullable: true })
  grassrootsUnion(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> | null {
    return c.grassrootsUnionId ? ctx.loaders.orgUnit.load(c.grassrootsUnionId) : null;
  }

  @ResolveField(() => [MembershipApplicationModel])
  applications(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<MembershipApplicationEntity[]> {
    return ctx.loaders.applicationsOfCase.load(c.id);
  }

  @ResolveField(() => [CaseTransitionModel])
  history(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<CaseTransitionEntity[]> {
    return ctx.loaders.historyOfCase.load(c.id);
  }

  @ResolveField(() => [CaseEvidenceModel])
  async evidence(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<CaseEvidenceModel[]> {
    const rows: CaseEvidenceEntity[] = await ctx.loaders.evidenceOfCase.load(c.id);
    return rows.map((e) => ({ id: e.id, kind: e.kind, stage: e.stage as CaseStage, occurredOn: e.occurredOn, detailsJson: JSON.stringify(e.details), recordedAt: e.recordedAt }));
  }

  @ResolveField(() => Boolean)
  overdue(@Parent() c: FoundingCaseEntity): boolean {
    return isOpenStage(c.stage as CaseStage) && isOverdue(c.stageDueOn, this.calendar.today());
  }
}

@Resolver(() => CaseTransitionModel)
export class CaseTransitionResolver {
  @ResolveField(() => UserModel)
  by(@Parent() t: CaseTransitionEntity, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return ctx.loaders.user.load(t.byUserId);
  }
}

@Resolver(() => EnterpriseModel)
export class EnterpriseResolver {
  constructor(private readonly enterpriseService: EnterprisesService) {}

  @AnyRole()
  @Query(() => EnterpriseConnectionModel)
  enterprises(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EnterpriseFilter, nullable: true }) filter?: EnterpriseFilter,
    @Args('first', { type: () => Int, defaultValue: 50, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<EnterpriseEntity>> {
    return this.enterpriseService.list(actor, filter ?? {}, first, after);
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

@Resolver(() => MembershipApplicationModel)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles(...WORKERS)
  @Mutation(() => MembershipApplicationModel)
  submitApplication(@CurrentActor() actor: Actor, @Args('input') input: ApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.submit(actor, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => MembershipApplicationModel)
  decideApplication(@CurrentActor() actor: Actor, @Args('input') input: DecideApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.decide(actor, input);
  }
}
