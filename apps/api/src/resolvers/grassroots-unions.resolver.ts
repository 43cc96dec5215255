import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor, GrassrootsUnionView, GrassrootsUnionsService, Page } from '@app/core';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { GrassrootsUnionConnectionModel, GrassrootsUnionModel } from '../graphql/grassroots.models';
import { PageArgs } from '../graphql/inputs';

/** The upper level's list of its CĐCS (docs/architecture.md#grassroots-unions). */
@Resolver(() => GrassrootsUnionModel)
export class GrassrootsUnionsResolver {
  constructor(private readonly unions: GrassrootsUnionsService) {}

  @AnyRole()
  @Query(() => GrassrootsUnionConnectionModel, {
    description: "The CĐCS of the caller's subtree (below orgUnitId when given), ordered by name, with staff and member counts",
  })
  grassrootsUnions(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID, nullable: true }) orgUnitId: string | undefined,
    @Args('search', { type: () => String, nullable: true }) search: string | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<GrassrootsUnionView>> {
    return this.unions.list(actor, { orgUnitId, search }, page.first, page.after);
  }
}
