import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, EscalatedCasesService, EscalatedPage, EscalatedView } from '@app/core';
import { CaseStage } from '@app/domain';
import { FoundingCaseEntity, MembershipApplicationEntity, OrgUnitEntity, UserEntity } from '@app/persistence';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { GqlContext } from '../graphql/loaders';
import {
  AcknowledgeCaseEscalationsInput,
  AcknowledgeCaseEscalationsPayloadModel,
  EscalatedApplicationConnectionModel,
  EscalatedApplicationModel,
  EscalatedCaseConnectionModel,
  EscalatedCaseModel,
  EscalationAcknowledgementModel,
  EscalationStepModel,
} from '../graphql/escalated-models';
import { FoundingCaseModel, MembershipApplicationModel, OrgUnitModel, UserModel } from '../graphql/models';

/** A row as the schema shows it: steps name their case stage (null for an application). */
function rowOf(v: EscalatedView): EscalatedView & { escalations: EscalationStepModel[] } {
  return {
    ...v,
    escalations: v.escalations.map((x) => ({ ...x, caseStage: x.stage === 'APPLICATION' ? null : (x.stage as CaseStage) })) as EscalationStepModel[],
  };
}
const pageOf = (p: EscalatedPage) => ({ ...p, nodes: p.nodes.map(rowOf) });

/** The escalations page's rows: one per case or application, its current level and lateness, the earlier levels inside. */
@Resolver(() => EscalatedCaseModel)
export class EscalatedCaseResolver {
  constructor(private readonly escalated: EscalatedCasesService) {}

  /** Scoped like `escalations`; with `open`, only rows with an escalation the caller has not acknowledged. Most late first. */
  @AnyRole()
  @Query(() => EscalatedCaseConnectionModel)
  async escalatedCases(
    @CurrentActor() actor: Actor,
    @Args('open', { type: () => Boolean, defaultValue: true, nullable: true }) open: boolean | null,
    @Args('first', { type: () => Int, defaultValue: 50, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return pageOf(await this.escalated.list(actor, 'CASE', open ?? true, first, after));
  }

  /** Direct applications overdue at an upper-level union, one row each, scoped like `applicationEscalations`. */
  @AnyRole()
  @Query(() => EscalatedApplicationConnectionModel)
  async escalatedApplications(
    @CurrentActor() actor: Actor,
    @Args('open', { type: () => Boolean, defaultValue: true, nullable: true }) open: boolean | null,
    @Args('first', { type: () => Int, defaultValue: 50, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return pageOf(await this.escalated.list(actor, 'APPLICATION', open ?? true, first, after));
  }

  /** Acknowledges every escalation of the rows the caller sees and has not acknowledged (per row, or a selection at once). */
  @AnyRole()
  @Mutation(() => AcknowledgeCaseEscalationsPayloadModel)
  async acknowledgeCaseEscalations(@CurrentActor() actor: Actor, @Args('input') input: AcknowledgeCaseEscalationsInput) {
    const r = await this.escalated.acknowledge(actor, input);
    return { acknowledged: r.acknowledged, cases: r.cases.map(rowOf), applications: r.applications.map(rowOf) };
  }

  @ResolveField(() => FoundingCaseModel, { name: 'case' })
  foundingCase(@Parent() e: EscalatedView, @Context() ctx: GqlContext): Promise<FoundingCaseEntity | null> {
    return ctx.loaders.foundingCase.load(e.id);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async assignee(@Parent() e: EscalatedView, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return e.assigneeId ? ctx.loaders.user.load(e.assigneeId) : null;
  }
}

@Resolver(() => EscalatedApplicationModel)
export class EscalatedApplicationResolver {
  @ResolveField(() => MembershipApplicationModel)
  application(@Parent() e: EscalatedView, @Context() ctx: GqlContext): Promise<MembershipApplicationEntity | null> {
    return ctx.loaders.application.load(e.id);
  }

  @ResolveField(() => OrgUnitModel)
  decidingUnit(@Parent() e: EscalatedView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(e.orgUnitId);
  }
}

@Resolver(() => EscalationAcknowledgementModel)
export class EscalationAcknowledgementResolver {
  @ResolveField(() => UserModel)
  by(@Parent() a: { userId: string }, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return ctx.loaders.user.load(a.userId);
  }
}
