import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, MemberView, MembersQueryService, PartyRecommendationView, PartyRecommendationsService, UnionGroupView, UnionGroupsService } from '@app/core';
import { CurrentActor, GrassrootsReaders, GrassrootsWriters } from '../auth/access.decorators';
import { MemberModel } from '../graphql/grassroots.models';
import {
  AssignMemberToUnionGroupInput,
  PartyRecommendationModel,
  RecommendMembersToPartyInput,
  RecordPartyAdmissionInput,
  SaveUnionGroupInput,
  UnionGroupModel,
} from '../graphql/party-groups.models';

/**
 * A CĐCS's Party recommendations (4A-KNĐ) and union groups (docs/architecture.md#party-recommendations-and-union-groups):
 * the CĐCS itself (GRASSROOTS) and ADMIN write; the upper level's SUPERVISORs and OFFICERs read their subtree.
 */
@Resolver()
export class PartyGroupsResolver {
  constructor(
    private readonly party: PartyRecommendationsService,
    private readonly groups: UnionGroupsService,
    private readonly members: MembersQueryService,
  ) {}

  @GrassrootsReaders()
  @Query(() => [PartyRecommendationModel], { description: "A CĐCS's resolutions recommending members to the Party, newest first; year: dated in it" })
  partyRecommendations(
    @CurrentActor() actor: Actor,
    @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string,
    @Args('year', { type: () => Int, nullable: true }) year: number | null,
  ): Promise<PartyRecommendationView[]> {
    return this.party.list(actor, grassrootsUnionId, year);
  }

  @GrassrootsWriters()
  @Mutation(() => PartyRecommendationModel, { description: 'A resolution of the CĐCS recommending active members to the Party (form 4A-KNĐ)' })
  recommendMembersToParty(@CurrentActor() actor: Actor, @Args('input') input: RecommendMembersToPartyInput): Promise<PartyRecommendationView> {
    return this.party.recommend(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => PartyRecommendationModel, { description: 'The outcome for one recommended member: admitted to the Party on a day, or not' })
  recordPartyAdmission(@CurrentActor() actor: Actor, @Args('input') input: RecordPartyAdmissionInput): Promise<PartyRecommendationView> {
    return this.party.recordOutcome(actor, input);
  }

  @GrassrootsReaders()
  @Query(() => [UnionGroupModel], { description: 'The union groups (tổ công đoàn) a CĐCS keeps, by name' })
  unionGroups(@CurrentActor() actor: Actor, @Args('grassrootsUnionId', { type: () => ID }) grassrootsUnionId: string): Promise<UnionGroupView[]> {
    return this.groups.list(actor, grassrootsUnionId);
  }

  @GrassrootsWriters()
  @Mutation(() => UnionGroupModel, { description: 'Create (no id) or rename a union group, with its optional leader' })
  saveUnionGroup(@CurrentActor() actor: Actor, @Args('input') input: SaveUnionGroupInput): Promise<UnionGroupView> {
    return this.groups.save(actor, input);
  }

  @GrassrootsWriters()
  @Mutation(() => Boolean, { description: 'Remove a union group; its members are left without one' })
  removeUnionGroup(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.groups.remove(actor, id);
  }

  @GrassrootsWriters()
  @Mutation(() => MemberModel, { description: 'Put an active member in a union group of its CĐCS (unionGroupId null: in none)' })
  async assignMemberToUnionGroup(@CurrentActor() actor: Actor, @Args('input') input: AssignMemberToUnionGroupInput): Promise<MemberView> {
    return this.members.get(actor, await this.groups.assign(actor, input));
  }
}
