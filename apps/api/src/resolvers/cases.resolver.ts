import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CalendarService, CaseQueriesService, CasesService, Page } from '@app/core';
import { isOpenStage, isOverdue, CaseStage } from '@app/domain';
import {
  CaseEvidenceEntity,
  CaseTransitionEntity,
  EnterpriseEntity,
  FoundingCaseEntity,
  MembershipApplicationEntity,
  OrgUnitEntity,
  UserEntity,
} from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import {
  AdvanceInput,
  AssignCaseInput,
  CaseFilter,
  CloseInput,
  CommitteeInput,
  CongressInput,
  DecisionInput,
  OpenCaseInput,
  OutreachInput,
  PageArgs,
  ReopenInput,
  SurveyInput,
} from '../graphql/inputs';
import { GqlContext, loadIf } from '../graphql/loaders';
import {
  CaseEvidenceModel,
  CaseTransitionModel,
  EnterpriseModel,
  FoundingCaseConnectionModel,
  FoundingCaseModel,
  MembershipApplicationModel,
  OrgUnitModel,
  UserModel,
} from '../graphql/models';

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
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter: CaseFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<FoundingCaseEntity>> {
    return this.queries.list(actor, filter ?? {}, page.first, page.after);
  }

  @AnyRole()
  @Query(() => FoundingCaseModel, { nullable: true })
  foundingCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<FoundingCaseEntity | null> {
    return this.queries.get(actor, id);
  }

  @Managers()
  @Mutation(() => FoundingCaseModel)
  openFoundingCase(@CurrentActor() a: Actor, @Args('input') input: OpenCaseInput) {
    return this.cases.open(a, input);
  }

  @Managers()
  @Mutation(() => FoundingCaseModel)
  assignFoundingCase(@CurrentActor() a: Actor, @Args('input') input: AssignCaseInput) {
    return this.cases.assign(a, input);
  }

  @AnyRole()
  @Mutation(() => FoundingCaseModel)
  recordSurvey(@CurrentActor() a: Actor, @Args('input') input: SurveyInput) {
    return this.cases.recordSurvey(a, input);
  }

  @AnyRole()
  @Mutation(() => FoundingCaseModel)
  recordOutreach(@CurrentActor() a: Actor, @Args('input') input: OutreachInput) {
    return this.cases.recordOutreach(a, input);
  }

  @AnyRole()
  @Mutation(() => FoundingCaseModel)
  formMobilizationCommittee(@CurrentActor() a: Actor, @Args('input') input: CommitteeInput) {
    return this.cases.formCommittee(a, input);
  }

  @AnyRole()
  @Mutation(() => FoundingCaseModel)
  recordFoundingCongress(@CurrentActor() a: Actor, @Args('input') input: CongressInput) {
    return this.cases.recordCongress(a, input);
  }

  @Managers()
  @Mutation(() => FoundingCaseModel)
  recordRecognitionDecision(@CurrentActor() a: Actor, @Args('input') input: DecisionInput) {
    return this.cases.recordDecision(a, input);
  }

  @AnyRole()
  @Mutation(() => FoundingCaseModel)
  advanceFoundingCase(@CurrentActor() a: Actor, @Args('input') input: AdvanceInput) {
    return this.cases.advance(a, input);
  }

  @Managers()
  @Mutation(() => FoundingCaseModel)
  closeFoundingCase(@CurrentActor() a: Actor, @Args('input') input: CloseInput) {
    return this.cases.close(a, input);
  }

  @Managers()
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
    return loadIf(ctx.loaders.user, c.assigneeId);
  }

  @ResolveField(() => OrgUnitModel, { nullable: true })
  grassrootsUnion(@Parent() c: FoundingCaseEntity, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> | null {
    return loadIf(ctx.loaders.orgUnit, c.grassrootsUnionId);
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
    return rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      stage: e.stage as CaseStage,
      occurredOn: e.occurredOn,
      detailsJson: JSON.stringify(e.details),
      recordedAt: e.recordedAt,
    }));
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
