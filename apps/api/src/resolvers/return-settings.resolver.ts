import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, ReturnSettingsService, ReturnSettingsView } from '@app/core';
import { CurrentActor, GrassrootsReaders, Managers } from '../auth/access.decorators';
import { ReturnSettingsModel, SaveStatisticsReturnSettingsInput } from '../graphql/return-settings.models';

/** The per-unit settings of statistics-return periods (docs/architecture.md#statistics-returns). */
@Resolver(() => ReturnSettingsModel)
export class ReturnSettingsResolver {
  constructor(private readonly settings: ReturnSettingsService) {}

  @GrassrootsReaders()
  @Query(() => ReturnSettingsModel, { description: 'The return periods’ settings in force for a unit and the unit they come from' })
  statisticsReturnSettings(@CurrentActor() actor: Actor, @Args('orgUnitId', { type: () => ID }) orgUnitId: string): Promise<ReturnSettingsView> {
    return this.settings.get(actor, orgUnitId);
  }

  @Managers()
  @Mutation(() => ReturnSettingsModel, { description: 'Set (or drop, to inherit) an upper-level unit’s own settings of the return periods' })
  saveStatisticsReturnSettings(@CurrentActor() actor: Actor, @Args('input') input: SaveStatisticsReturnSettingsInput): Promise<ReturnSettingsView> {
    return this.settings.save(actor, input);
  }
}
