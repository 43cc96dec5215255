import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AdmissionDecisionView,
  AdmissionsService,
  GrassrootsAccountService,
  MemberView,
  MembersQueryService,
  MembershipChangesService,
  MembershipView,
  Page,
  StaffService,
} from '@app/core';
import { UserEntity } from '@app/persistence';
import { AuditedRead } from '../audit/audit.interceptor';
import { CurrentActor, GrassrootsReaders, GrassrootsWriters, Managers } from '../auth/access.decorators';
import {
  AddStaffInput,
  AdmitMembersInput,
  CreateGrassrootsAccountInput,
  MemberFilter,
  RecordMemberLeavingInput,
  TransferMemberInput,
  UpdateStaffInput,
} from '../graphql/grassroots.inputs';
import { AdmissionDecisionConnectionModel, AdmissionDecisionModel, MemberConnectionModel, MemberModel, MembershipModel } from '../graphql/grassroots.models';
import { PageArgs } from '../graphql/inputs';
import { GqlContext } from '../graphql/loaders';
import { UserModel } from '../graphql/models';

/** A CĐCS's staff list and member register (docs/architecture.md#grassroots-unions). */
@Resolver(() => MemberModel)
export class MemberResolver {
  constructor(
    private readonly query: MembersQueryService,
    private readonly staff: StaffService,
    private readonly admissions: AdmissionsService,
    private readonly changes: MembershipChangesService,
    private readonly accounts: GrassrootsAccountService,
  ) {}

  @GrassrootsReaders()
  @AuditedRead('member')
  @Query(() => MemberConnectionModel, { description: "A CĐCS's staff list with each person's membership, ordered by name" })
  members(
    @CurrentActor() actor: Actor,
    @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string,
    @Args('filter', { type: () => MemberFilter, nullable: true }) filter: MemberFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<Page<MemberView>> {
    return this.query.list(actor, grassrootsUnionId, filter ?? {}, page.first, page.after);
  }

  @GrassrootsReaders()
  @AuditedRead('member', 'id')
  @Query(() => MemberModel)
  member(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<MemberView> {
    return this.query.get(actor, id);
  }

  @GrassrootsWriters()
  @Mutation(() => MemberModel, { description: "Add a person to a CĐCS's staff list (not yet a member)" })
  addStaff(@CurrentActor() actor: Actor, @Args('input') input: AddStaffInput): Promise<MemberView> {
    return this.staff.add(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => MemberModel, { description: 'Correct a person of the staff list (every field given)' })
  updateStaff(@CurrentActor() actor: Actor, @Args('input') input: UpdateStaffInput): Promise<MemberView> {
    return this.staff.update(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => AdmissionDecisionModel, { description: 'An admission decision of the CĐCS: its staff and applications admitted on its day' })
  admitMembers(@CurrentActor() actor: Actor, @Args('input') input: AdmitMembersInput): Promise<AdmissionDecisionView> {
    return this.admissions.admit(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => MemberModel, { description: 'A membership ends (left the job, withdrew, expelled, died, paused)' })
  recordMemberLeaving(@CurrentActor() actor: Actor, @Args('input') input: RecordMemberLeavingInput): Promise<MemberView> {
    return this.changes.recordLeaving(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => MemberModel, { description: 'The receiving CĐCS takes over a membership from another CĐCS on the same day (not a new member)' })
  transferMember(@CurrentActor() actor: Actor, @Args('input') input: TransferMemberInput): Promise<MemberView> {
    return this.changes.transfer(actor, input);
  }

  @Managers()
  @Mutation(() => UserModel, { description: 'The first GRASSROOTS account of the CĐCS a recognized founding case made' })
  createGrassrootsAccount(@CurrentActor() actor: Actor, @Args('input') input: CreateGrassrootsAccountInput): Promise<UserEntity> {
    return this.accounts.create(actor, input);
  }

  /** Batched per request: one statement for every person of a page. */
  @ResolveField(() => [MembershipModel])
  memberships(@Parent() m: MemberView, @Context() ctx: GqlContext): Promise<MembershipView[]> {
    return ctx.loaders.membershipsOfStaff.load(m.id);
  }
}

@Resolver(() => AdmissionDecisionModel)
export class AdmissionDecisionResolver {
  constructor(private readonly admissions: AdmissionsService) {}

  /** A CĐCS's admission decisions (docs/architecture.md#grassroots-unions); each decision's documents: `documents(kind: ADMISSION_DECISION, sourceId)`. */
  @GrassrootsReaders()
  @AuditedRead('member')
  @Query(() => AdmissionDecisionConnectionModel, { description: "A CĐCS's admission decisions, newest first" })
  admissionDecisions(
    @CurrentActor() actor: Actor,
    @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string,
    @Args() page: PageArgs,
  ): Promise<Page<AdmissionDecisionView>> {
    return this.admissions.list(actor, grassrootsUnionId, page.first, page.after);
  }

  /** The decision came from a scoped read or write; its people in one statement for every decision of the answer. */
  @ResolveField(() => [MemberModel])
  members(@Parent() d: AdmissionDecisionView, @Context() ctx: GqlContext): Promise<MemberView[]> {
    return ctx.loaders.membersOfDecision.load(d.id);
  }
}
