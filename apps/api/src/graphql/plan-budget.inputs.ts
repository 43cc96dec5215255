import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { Money } from './money.scalar';

@InputType()
export class PlanAssignmentInput {
  @Field(() => ID) officerId: string;
  @Field() duty: string;
  @Field(() => Int, { nullable: true }) newMembers?: number | null;
  @Field(() => Int, { nullable: true }) newGrassrootsUnions?: number | null;
}

@InputType()
export class SavePlanInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => Int) year: number;
  @Field({ description: 'e.g. "256/KH-CĐYT"' }) number: string;
  @Field(() => DateDay) issuedOn: string;
  @Field() title: string;
  @Field(() => Int, { nullable: true }) newMembers?: number | null;
  @Field(() => Int, { nullable: true }) newGrassrootsUnions?: number | null;
  @Field(() => Float, { nullable: true }) coveragePercent?: number | null;
  @Field(() => [PlanAssignmentInput], { nullable: true }) assignments?: PlanAssignmentInput[] | null;
  @Field(() => Int, { nullable: true, description: 'The version read (0: none yet); a newer one saved meanwhile answers CONFLICT' })
  baseVersion?: number | null;
}

@InputType()
export class SaveOfficerAreaInput {
  @Field(() => ID) officerId: string;
  @Field(() => [ID], { nullable: true }) enterpriseIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Districts or communes, as the register writes them' }) districts?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'May overlap other shared areas' }) shared?: boolean | null;
}

@InputType()
export class SaveBudgetHeadingInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => ID, { nullable: true, description: 'Absent: a new heading' }) id?: string | null;
  @Field() name: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => Int, { nullable: true }) position?: number | null;
}

@InputType()
export class BudgetPlanLineInput {
  @Field(() => ID) headingId: string;
  @Field(() => Money) amount: bigint;
}

@InputType()
export class SetBudgetPlanInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => [BudgetPlanLineInput]) lines: BudgetPlanLineInput[];
}

@InputType()
export class RecordBudgetEntryInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => ID) headingId: string;
  @Field(() => DateDay) spentOn: string;
  @Field(() => Money) amount: bigint;
  @Field() voucherNumber: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ID, { nullable: true, description: 'The founding case the spending served' }) caseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The new CĐCS the spending served' }) grassrootsUnionId?: string | null;
}

@InputType()
export class ReverseBudgetEntryInput {
  @Field(() => ID) entryId: string;
  @Field() reason: string;
  @Field(() => String, { nullable: true, description: "The reversing voucher's number; default the entry's" }) voucherNumber?: string | null;
}
