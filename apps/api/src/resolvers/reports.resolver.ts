import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, ReportStatus, ReportView, ReportsService } from '@app/core';
import { OrgUnitEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Managers } from '../auth/access.decorators';
import { ReportInput } from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import { ReportFiguresModel, ReportModel } from '../graphql/figures.models';
import { OrgUnitModel } from '../graphql/models';
import { reportFilePath } from '../reports/report-files.controller';

@Resolver(() => ReportModel)
export class ReportResolver {
  constructor(private readonly service: ReportsService) {}

  @Managers()
  @Mutation(() => ReportModel)
  requestReport(@CurrentActor() actor: Actor, @Args('input') input: ReportInput): Promise<ReportView> {
    return this.service.request(actor, input);
  }

  @AnyRole()
  @Query(() => ReportModel, { nullable: true })
  report(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ReportView | null> {
    return this.service.get(actor, id);
  }

  @AnyRole()
  @Query(() => [ReportModel])
  reports(@CurrentActor() actor: Actor, @Args('orgUnitId', { type: () => ID, nullable: true }) orgUnitId?: string | null): Promise<ReportView[]> {
    return this.service.list(actor, orgUnitId);
  }

  @ResolveField(() => OrgUnitModel)
  orgUnit(@Parent() r: ReportView, @Context() ctx: GqlContext): Promise<OrgUnitEntity | null> {
    return ctx.loaders.orgUnit.load(r.orgUnitId);
  }

  @ResolveField(() => ReportFiguresModel, { nullable: true })
  figures(@Parent() r: ReportView): ReportView['figures'] {
    return r.status === ReportStatus.READY ? r.figures : null;
  }

  @ResolveField(() => String, { nullable: true })
  xlsxUrl(@Parent() r: ReportView): string | null {
    return r.status === ReportStatus.READY ? reportFilePath(r.id, 'xlsx') : null;
  }

  @ResolveField(() => String, { nullable: true })
  csvUrl(@Parent() r: ReportView): string | null {
    return r.status === ReportStatus.READY ? reportFilePath(r.id, 'csv') : null;
  }
}
