import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { ReturnPeriodKind } from './statistics-returns.models';

// Party recommendations (4A-KNĐ), union groups and the members by accepted returns
// (docs/architecture.md#party-recommendations-and-union-groups).

export enum PartyOutcome {
  PENDING = 'PENDING',
  ADMITTED = 'ADMITTED',
  NOT_ADMITTED = 'NOT_ADMITTED',
}
registerEnumType(PartyOutcome, { name: 'PartyOutcome', description: 'PENDING: no outcome yet (an open recommendation); ADMITTED: được kết nạp' });

@ObjectType('PartyRecommendedMember', { description: 'A member a resolution recommends to the Party, with its outcome' })
export class PartyRecommendedMemberModel {
  @Field(() => ID, { description: 'The Member id' }) memberId: string;
  @Field() fullName: string;
  @Field(() => PartyOutcome) outcome: PartyOutcome;
  @Field(() => DateDay, { nullable: true, description: 'Admitted on (ADMITTED), or the day the outcome was known' }) decidedOn: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('PartyRecommendation', { description: "A CĐCS's resolution recommending members to the Party (form 4A-KNĐ)" })
export class PartyRecommendationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) grassrootsUnionId: string;
  @Field() resolutionNumber: string;
  @Field(() => DateDay) resolutionOn: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => [PartyRecommendedMemberModel]) members: PartyRecommendedMemberModel[];
}

@InputType()
export class RecommendMembersToPartyInput {
  @Field(() => ID) grassrootsUnionId: string;
  @Field() resolutionNumber: string;
  @Field(() => DateDay) resolutionOn: string;
  @Field(() => [ID], { description: 'Active members of the CĐCS (Member ids), none with an open recommendation' }) memberIds: string[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RecordPartyAdmissionInput {
  @Field(() => ID) recommendationId: string;
  @Field(() => ID) memberId: string;
  @Field({ description: 'True: admitted to the Party (được kết nạp) on decidedOn; false: not admitted' }) admitted: boolean;
  @Field(() => DateDay) decidedOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('UnionGroupMember')
export class UnionGroupMemberModel {
  @Field(() => ID, { description: 'The Member id' }) id: string;
  @Field() fullName: string;
}

@ObjectType('UnionGroup', { description: 'A union group (tổ công đoàn) of a CĐCS' })
export class UnionGroupModel {
  @Field(() => ID) id: string;
  @Field(() => ID) grassrootsUnionId: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) leaderMemberId: string | null;
  @Field(() => String, { nullable: true }) leaderName: string | null;
  @Field(() => [UnionGroupMemberModel], { description: 'Its active members, by name' }) members: UnionGroupMemberModel[];
}

@InputType()
export class SaveUnionGroupInput {
  @Field(() => ID) grassrootsUnionId: string;
  @Field(() => ID, { nullable: true, description: 'Absent: a new group' }) id?: string | null;
  @Field() name: string;
  @Field(() => ID, { nullable: true, description: 'An active member of the CĐCS; it joins the group' }) leaderMemberId?: string | null;
}

@InputType()
export class AssignMemberToUnionGroupInput {
  @Field(() => ID) memberId: string;
  @Field(() => ID, { nullable: true, description: 'Null: the member leaves its group' }) unionGroupId?: string | null;
}

@ObjectType('MembersFromReturns', {
  description: "The latest return period's member figures by the subtree's accepted statistics returns, beside the registers' count for it",
})
export class MembersFromReturnsModel {
  @Field(() => ReturnPeriodKind) kind: ReturnPeriodKind;
  @Field(() => Int) year: number;
  @Field(() => DateDay) periodStart: string;
  @Field(() => DateDay) referenceDay: string;
  @Field(() => Int, { description: 'CĐCS of the subtree' }) grassrootsUnions: number;
  @Field(() => Int, { description: 'Of them, with an accepted return for the period' }) reportedUnions: number;
  @Field(() => Int, { description: 'Admitted in the period, summed from the accepted returns' }) admitted: number;
  @Field(() => Int, { description: 'Members at the reference day, summed from the accepted returns' }) membersAtEnd: number;
  @Field(() => Int, { description: 'New members of the same period by the registers (every CĐCS)' }) registerAdmitted: number;
}
