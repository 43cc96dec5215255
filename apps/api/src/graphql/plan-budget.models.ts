import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { Money } from './money.scalar';
import { OrgUnitModel, UserModel } from './models';

// The plan, officers' areas and the budget (docs/architecture.md#plan-areas-and-budget).

@ObjectType('PlanAssignment')
export class PlanAssignmentModel {
  @Field(() => ID) officerId: string;
  @Field() officerName: string;
  @Field() duty: string;
  @Field(() => Int, { nullable: true }) newMembers: number | null;
  @Field(() => Int, { nullable: true }) newGrassrootsUnions: number | null;
}

@ObjectType('Plan', { description: "A unit's plan for a year, one version (saving again makes a new version)" })
export class PlanModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orgUnitId: string;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  @Field(() => Int) year: number;
  @Field(() => Int) version: number;
  @Field({ description: 'The newest version of the plan' }) latest: boolean;
  @Field({ description: 'e.g. "256/KH-CĐYT"' }) number: string;
  @Field(() => DateDay) issuedOn: string;
  @Field() title: string;
  @Field(() => Int, { nullable: true }) newMembers: number | null;
  @Field(() => Int, { nullable: true }) newGrassrootsUnions: number | null;
  @Field(() => Number, { nullable: true }) coveragePercent: number | null;
  @Field(() => [PlanAssignmentModel]) assignments: PlanAssignmentModel[];
  @Field(() => ID) savedById: string;
  @Field(() => UserModel, { nullable: true }) savedBy?: UserModel | null;
  @Field(() => Date) savedAt: Date;
}

@ObjectType('AreaEnterprise')
export class AreaEnterpriseModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) district: string | null;
  @Field(() => Int) workerCount: number;
  @Field() hasUnion: boolean;
}

@ObjectType('OfficerArea', { description: "An officer's area: enterprises by name and/or districts/communes" })
export class OfficerAreaModel {
  @Field(() => ID) officerId: string;
  @Field() officerName: string;
  @Field(() => ID) orgUnitId: string;
  @Field({ description: 'May overlap other shared areas' }) shared: boolean;
  @Field(() => [AreaEnterpriseModel], { description: 'The enterprises listed by name' }) enterprises: AreaEnterpriseModel[];
  @Field(() => [String]) districts: string[];
  @Field(() => Int, { description: 'Operating enterprises the area holds (listed or in its districts)' }) enterpriseCount: number;
  @Field(() => Int, { description: 'Of those, the ones with 25 or more workers' }) focus: number;
  @Field(() => Int, { description: 'Of the ones with 25 or more workers, those with a union' }) focusWithUnion: number;
  @Field(() => Number, { nullable: true, description: 'focusWithUnion / focus in percent (two decimals); null when focus is 0' })
  coveragePercent: number | null;
}

@ObjectType('BudgetHeading')
export class BudgetHeadingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orgUnitId: string;
  @Field() name: string;
  @Field(() => Int) position: number;
  @Field() active: boolean;
}

@ObjectType('BudgetHeadingTotals')
export class BudgetHeadingTotalsModel extends BudgetHeadingModel {
  @Field(() => Money, { nullable: true, description: "The year's plan for the heading; null when none is set" }) planned: string | null;
  @Field(() => Money) spent: string;
  @Field(() => String, { nullable: true, description: 'spent / planned in percent, e.g. "37.50"' }) spentPercent: string | null;
  @Field() overPlan: boolean;
}

@ObjectType('BudgetEntry', { description: 'One line of the ledger; never changed: a reversing entry undoes it' })
export class BudgetEntryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orgUnitId: string;
  @Field(() => ID) headingId: string;
  @Field() headingName: string;
  @Field(() => DateDay) spentOn: string;
  @Field(() => Money, { description: 'Negative for a reversing entry' }) amount: string;
  @Field() voucherNumber: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => ID, { nullable: true }) grassrootsUnionId: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry this one reverses' }) reversesId: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry that reverses this one' }) reversedById: string | null;
  @Field(() => ID) recordedById: string;
  @Field(() => UserModel, { nullable: true }) recordedBy?: UserModel | null;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('Budget')
export class BudgetModel {
  @Field(() => ID) orgUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => [BudgetHeadingTotalsModel]) headings: BudgetHeadingTotalsModel[];
  @Field(() => Money) planned: string;
  @Field(() => Money) spent: string;
  @Field(() => String, { nullable: true, description: 'spent / planned in percent' }) spentPercent: string | null;
  @Field({ description: 'The share of the year gone by, in percent, to read spentPercent against' }) yearElapsedPercent: string;
  @Field(() => Int, { description: 'New members of the subtree this year so far' }) newMembers: number;
  @Field(() => Int, { description: 'New CĐCS of the subtree this year so far' }) newGrassrootsUnions: number;
  @Field(() => Money, { nullable: true }) costPerNewMember: string | null;
  @Field(() => Money, { nullable: true }) costPerNewGrassrootsUnion: string | null;
  @Field(() => [BudgetEntryModel], { description: "The year's ledger, oldest first" }) entries: BudgetEntryModel[];
}

@ObjectType('BudgetEntryPayload')
export class BudgetEntryPayloadModel {
  @Field(() => BudgetEntryModel) entry: BudgetEntryModel;
  @Field(() => BudgetHeadingTotalsModel, { description: "The entry's heading after it" }) heading: BudgetHeadingTotalsModel;
  @Field(() => String, { nullable: true, description: 'Vietnamese: the heading is now over its plan (the entry is recorded)' })
  warning: string | null;
}
