import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, GrassrootsUnionView, GrassrootsUnionsService, Page, Role } from '@app/core';
import { AnyRole, CurrentActor, Roles } from '../auth/access.decorators';
import { GrassrootsUnionConnectionModel, GrassrootsUnionModel } from '../graphql/grassroots.models';
import { PageArgs } from '../graphql/inputs';
import { SetGrassrootsEmployerInput } from '../graphql/grassroots.inputs';

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

  @Roles(Role.SUPERVISOR, Role.ADMIN)
  @Mutation(() => GrassrootsUnionModel, {
    description:
      "Record the employer of a CĐCS no founding case made (its funding type decides admissions, its ownership the managers' eligibility); refused for a CĐCS made by a founding case. SUPERVISOR of its subtree, ADMIN",
  })
  setGrassrootsEmployer(@CurrentActor() actor: Actor, @Args('input') input: SetGrassrootsEmployerInput): Promise<GrassrootsUnionView> {
    return this.unions.setEmployer(actor, input);
  }
}
