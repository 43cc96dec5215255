import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, ApplicationStatus, ApplicationsService, Page, Role } from '@app/core';
import { MembershipApplicationEntity } from '@app/persistence';
import { AnyRole, CurrentActor, Everyone, GrassrootsReaders, Roles } from '../auth/access.decorators';
import { ApplicationInput, DecideApplicationInput, PageArgs } from '../graphql/inputs';
import { MembershipApplicationConnectionModel, MembershipApplicationModel } from '../graphql/models';

@Resolver(() => MembershipApplicationModel)
export class ApplicationResolver {
  constructor(private readonly applications: ApplicationsService) {}

  // Read as the CĐCS's register (docs/architecture.md#grassroots-unions).
  @GrassrootsReaders()
  @Query(() => MembershipApplicationConnectionModel, {
    description: 'The applications sent to a CĐCS: pending ones (SUBMITTED, the default) oldest first; another status, or null for all, newest first',
  })
  membershipApplications(
    @CurrentActor() actor: Actor,
    @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string,
    @Args('status', { type: () => ApplicationStatus, nullable: true, defaultValue: ApplicationStatus.SUBMITTED }) status: ApplicationStatus | null,
    @Args() page: PageArgs,
  ): Promise<Page<MembershipApplicationEntity>> {
    return this.applications.ofGrassroots(actor, grassrootsUnionId, status ?? null, page.first, page.after);
  }

  // The upper level's own decisions (docs/architecture.md#grassroots-unions): not a CĐCS's users.
  @AnyRole()
  @Query(() => MembershipApplicationConnectionModel, {
    description:
      'The applications sent directly to an upper-level union (no CĐCS at the enterprise), which it decides: pending ones (SUBMITTED, the default) oldest first; another status, or null for all, newest first',
  })
  upperLevelApplications(
    @CurrentActor() actor: Actor,
    @Args('orgUnitId', { type: () => ID }) orgUnitId: string,
    @Args('status', { type: () => ApplicationStatus, nullable: true, defaultValue: ApplicationStatus.SUBMITTED }) status: ApplicationStatus | null,
    @Args() page: PageArgs,
  ): Promise<Page<MembershipApplicationEntity>> {
    return this.applications.ofUpperLevel(actor, orgUnitId, status ?? null, page.first, page.after);
  }

  // A CĐCS's own users take applications to it too (decided with admitMembers).
  @Everyone()
  @Mutation(() => MembershipApplicationModel)
  submitApplication(@CurrentActor() actor: Actor, @Args('input') input: ApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.submit(actor, input);
  }

  // Managers decide; a CĐCS's own users refuse applications to their CĐCS (they admit with admitMembers).
  @Roles(Role.SUPERVISOR, Role.ADMIN, Role.GRASSROOTS)
  @Mutation(() => MembershipApplicationModel)
  decideApplication(@CurrentActor() actor: Actor, @Args('input') input: DecideApplicationInput): Promise<MembershipApplicationEntity> {
    return this.applications.decide(actor, input);
  }
}
