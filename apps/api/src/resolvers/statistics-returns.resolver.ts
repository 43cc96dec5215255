import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, BoardRow, Consolidated, ReturnVersionView, ReturnsBoardService, StatisticsReturnView, StatisticsReturnsService } from '@app/core';
import { ReturnFigures } from '@app/domain';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentActor, GrassrootsReaders, GrassrootsWriters, Managers } from '../auth/access.decorators';
import {
  ConsolidatedReturnModel,
  ReturnBoardModel,
  ReturnFiguresModel,
  ReturnPeriodKind,
  ReturnVersionModel,
  SaveStatisticsReturnInput,
  SendBackStatisticsReturnInput,
  StatisticsReturnModel,
  StatisticsReturnVersionInput,
} from '../graphql/statistics-returns.models';

/** Statistics returns of the CĐCS and the upper level's board (docs/architecture.md#statistics-returns). */
@Resolver(() => StatisticsReturnModel)
export class StatisticsReturnResolver {
  constructor(
    private readonly returns: StatisticsReturnsService,
    private readonly boards: ReturnsBoardService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @GrassrootsReaders()
  @Query(() => StatisticsReturnModel, { description: "A CĐCS's return for a period: the saved one, else prefilled from its register as at the reference day" })
  statisticsReturn(
    @CurrentActor() actor: Actor,
    @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string,
    @Args('kind', { type: () => ReturnPeriodKind }) kind: ReturnPeriodKind,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<StatisticsReturnView> {
    return this.returns.get(actor, { grassrootsUnionId, kind, year });
  }

  @GrassrootsReaders()
  @Query(() => ReturnBoardModel, { description: "The returns board of a unit's subtree for a period: per CĐCS submitted, accepted, sent back, late, missing" })
  async statisticsReturns(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('kind', { type: () => ReturnPeriodKind }) kind: ReturnPeriodKind,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<ReturnBoardModel> {
    const rows = (await this.boards.board(actor, orgUnitId, kind, year)) as ReturnBoardModel['rows'];
    const count = (f: (r: BoardRow) => boolean) => rows.filter(f).length;
    return {
      rows,
      submitted: count((r) => r.state === 'SUBMITTED'),
      accepted: count((r) => r.state === 'ACCEPTED'),
      sentBack: count((r) => r.state === 'SENT_BACK'),
      late: count((r) => r.late),
      missing: count((r) => r.state === 'MISSING'),
      notSubmitted: count((r) => r.state === 'NOT_SUBMITTED'),
    };
  }

  @GrassrootsReaders()
  @Query(() => ConsolidatedReturnModel, { description: "The subtree's sum of accepted returns for a period, per child unit, with the CĐCS without one" })
  consolidatedStatisticsReturn(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('kind', { type: () => ReturnPeriodKind }) kind: ReturnPeriodKind,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<Consolidated> {
    return this.boards.consolidated(actor, orgUnitId, kind, year);
  }

  @GrassrootsWriters()
  @Mutation(() => StatisticsReturnModel, { description: 'Save the figures (adjusted with a note) of a draft or sent-back return' })
  saveStatisticsReturn(@CurrentActor() actor: Actor, @Args('input') input: SaveStatisticsReturnInput): Promise<StatisticsReturnView> {
    return this.returns.save(actor, { ...input, figures: { ...input.figures } });
  }

  @GrassrootsWriters()
  @Mutation(() => StatisticsReturnModel, { description: 'Send the return to the upper level; read-only from then' })
  submitStatisticsReturn(@CurrentActor() actor: Actor, @Args('input') input: StatisticsReturnVersionInput): Promise<StatisticsReturnView> {
    return this.returns.submit(actor, input.id, input.version);
  }

  @Managers()
  @Mutation(() => StatisticsReturnModel, { description: 'The upper level accepts a submitted return' })
  acceptStatisticsReturn(@CurrentActor() actor: Actor, @Args('input') input: StatisticsReturnVersionInput): Promise<StatisticsReturnView> {
    return this.returns.accept(actor, input.id, input.version);
  }

  @Managers()
  @Mutation(() => StatisticsReturnModel, { description: 'The upper level sends a submitted return back to its CĐCS with a reason' })
  sendBackStatisticsReturn(@CurrentActor() actor: Actor, @Args('input') input: SendBackStatisticsReturnInput): Promise<StatisticsReturnView> {
    return this.returns.sendBack(actor, input.id, input.version, input.reason);
  }

  @ResolveField(() => ReturnFiguresModel)
  async prefill(@Parent() r: StatisticsReturnView): Promise<ReturnFigures> {
    return this.returns.prefill(this.db.manager, r.grassrootsUnionId, r.periodStart, r.referenceDay);
  }

  @ResolveField(() => [ReturnVersionModel])
  async versions(@Parent() r: StatisticsReturnView): Promise<ReturnVersionView[]> {
    return r.id ? this.returns.versions(r.id) : [];
  }
}
