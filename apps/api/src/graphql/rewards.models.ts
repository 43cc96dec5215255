import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { NominationStatus, PeriodKind, RewardOccasion, RewardRule } from './enums';
import { OrgUnitModel, UserModel } from './models';

// Reward nominations and their decisions (docs/architecture.md).

@ObjectType('NominationDecision', { description: 'One decision on a reward nomination: who moved it, when, and why' })
export class NominationDecisionModel {
  @Field(() => NominationStatus, { name: 'from', nullable: true }) fromStatus: NominationStatus | null;
  @Field(() => NominationStatus, { name: 'to' }) toStatus: NominationStatus;
  @Field(() => Date) at: Date;
  @Field(() => UserModel) by?: UserModel;
  byUserId: string;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('RewardNomination')
export class RewardNominationModel {
  @Field(() => ID) id: string;
  @Field(() => PeriodKind) periodKind: PeriodKind;
  @Field(() => DateDay) periodStart: string;
  @Field(() => DateDay) periodEnd: string;
  @Field(() => RewardOccasion) occasion: RewardOccasion;
  @Field(() => RewardRule) rule: RewardRule;
  @Field() nominee: string;
  @Field(() => UserModel, { nullable: true }) officer?: UserModel | null;
  officerId: string | null;
  @Field(() => OrgUnitModel, { nullable: true }) grassrootsUnion?: OrgUnitModel | null;
  grassrootsUnionId: string | null;
  @Field(() => Float) score: number;
  @Field() basis: string;
  @Field(() => NominationStatus) status: NominationStatus;
  @Field(() => UserModel, { nullable: true }) decidedBy?: UserModel | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
  @Field({ description: 'The figures behind the score, as JSON' }) figuresJson?: string;
  @Field(() => Date, { description: 'When the figures were last computed' }) evaluatedAt: Date;
  @Field(() => [NominationDecisionModel], { description: 'Its decisions, oldest first' }) history?: NominationDecisionModel[];
}
