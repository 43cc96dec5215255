import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { LatenessModel } from './escalated-models';
import { CaseStage, EscalationLevel } from './enums';
import { CoverageProgressModel, OfficerFiguresModel, StageCountModel, UnitFiguresModel } from './figures.models';

// Review meetings (giao ban): docs/architecture.md#review-meetings.

export enum ReviewMeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
export enum MonthlyMeetingRule {
  DAY_OF_MONTH = 'DAY_OF_MONTH',
  FIRST_WORKING_DAY = 'FIRST_WORKING_DAY',
  LAST_WORKING_DAY = 'LAST_WORKING_DAY',
}
export enum SnapshotChangeKind {
  COUNT = 'COUNT',
  PERCENT = 'PERCENT',
  MONEY = 'MONEY',
}
registerEnumType(ReviewMeetingStatus, { name: 'ReviewMeetingStatus' });
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });
registerEnumType(MonthlyMeetingRule, {
  name: 'MonthlyMeetingRule',
  description: 'DAY_OF_MONTH: that day (moved to the next working day, or back when none is left in the month); or the first / last working day',
});
registerEnumType(SnapshotChangeKind, { name: 'SnapshotChangeKind', description: 'How to read the values: a count, a percentage, or whole đồng' });

@ObjectType('SnapshotOverdueCase')
export class SnapshotOverdueCaseModel {
  @Field(() => ID) caseId: string;
  @Field() enterpriseName: string;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => DateDay) stageDueOn: string;
  @Field(() => String, { nullable: true }) assigneeName: string | null;
  @Field(() => Int, { nullable: true }) daysLate: number | null;
}

// The officer's figures of the pipeline, frozen, plus what a meeting looks at.
@ObjectType('SnapshotOfficer', { description: "An officer's figures in a meeting's snapshot (from 1 January to the meeting's day)" })
export class SnapshotOfficerModel extends OfficerFiguresModel {
  @Field(() => [StageCountModel], { description: 'Its open cases by stage' }) stages: StageCountModel[];
  @Field(() => CoverageProgressModel, { nullable: true, description: "Its area's coverage; null without officer areas" })
  coverage: CoverageProgressModel | null;
  @Field(() => String, { nullable: true, description: 'Whole đồng spent for its work (decimal digits); null without a budget' }) budgetSpent: string | null;
}

@ObjectType('ReviewMeetingSnapshot', { description: 'The figures frozen when the meeting was held, as of its day; they never change afterwards' })
export class ReviewMeetingSnapshotModel extends UnitFiguresModel {
  @Field(() => DateDay) asOf: string;
  @Field(() => Int) year: number;
  @Field(() => Date) takenAt: Date;
  @Field() unitName: string;
  @Field(() => Int) openCases: number;
  @Field(() => Int) overdueCases: number;
  @Field(() => [SnapshotOverdueCaseModel], { description: 'The first 20 overdue cases by due day' }) overdueCaseList: SnapshotOverdueCaseModel[];
  @Field(() => String, { nullable: true, description: 'Whole đồng spent from 1 January (decimal digits); null without a budget' }) budgetSpent: string | null;
  @Field(() => [SnapshotOfficerModel]) officers: SnapshotOfficerModel[];
}

@ObjectType('SnapshotChange', { description: 'One indicator in the previous held meeting and this one (values as exact decimal text)' })
export class SnapshotChangeModel {
  @Field(() => ID, { nullable: true, description: "null: the unit's row" }) officerId: string | null;
  @Field(() => String, { nullable: true }) fullName: string | null;
  @Field() indicator: string;
  @Field({ description: 'The Vietnamese label' }) label: string;
  @Field(() => SnapshotChangeKind) kind: SnapshotChangeKind;
  @Field(() => String, { nullable: true }) previous: string | null;
  @Field(() => String, { nullable: true }) current: string | null;
  @Field(() => String, { nullable: true }) change: string | null;
}

@ObjectType('ActionItem', { description: 'A task decided at a review meeting: what, who, by when; escalated like a case when late' })
export class ActionItemModel {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => Int) position: number;
  @Field() what: string;
  @Field(() => ID) assigneeId: string;
  @Field() assigneeName: string;
  @Field(() => DateDay) dueOn: string;
  @Field(() => DateDay) warningOn: string;
  @Field(() => DateDay) criticalOn: string;
  @Field(() => ActionItemStatus) status: ActionItemStatus;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => EscalationLevel, { nullable: true, description: 'The highest level the sweep raised for it' }) escalationLevel: EscalationLevel | null;
  @Field(() => LatenessModel) lateness: LatenessModel;
}

@ObjectType('ReviewMeeting')
export class ReviewMeetingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orgUnitId: string;
  @Field() orgUnitName: string;
  @Field(() => DateDay) day: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => ID) chairId: string;
  @Field() chairName: string;
  @Field(() => ReviewMeetingStatus) status: ReviewMeetingStatus;
  @Field(() => String, { nullable: true }) minutes: string | null;
  @Field(() => Date, { nullable: true }) heldAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => ReviewMeetingSnapshotModel, { nullable: true, description: 'Frozen when held; null before' }) snapshot?: ReviewMeetingSnapshotModel | null;
  @Field(() => ReviewMeetingModel, { nullable: true, description: "The unit's previous held meeting (its snapshot side by side)" })
  previous?: ReviewMeetingModel | null;
  @Field(() => [SnapshotChangeModel], { description: 'This snapshot against the previous held one, indicator by indicator (empty before holding)' })
  changeSincePrevious?: SnapshotChangeModel[];
  @Field(() => [ActionItemModel]) actionItems?: ActionItemModel[];
}

@InputType('ScheduleReviewMeetingInput')
export class ScheduleReviewMeetingInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => DateDay) day: string;
  @Field(() => ID) chairId: string;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType('ScheduleMonthlyReviewMeetingsInput')
export class ScheduleMonthlyReviewMeetingsInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => ID) chairId: string;
  @Field(() => MonthlyMeetingRule, { nullable: true, description: 'Default DAY_OF_MONTH' }) rule?: MonthlyMeetingRule | null;
  @Field(() => Int, { nullable: true, description: '1–31, with DAY_OF_MONTH' }) dayOfMonth?: number | null;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType('CancelReviewMeetingInput')
export class CancelReviewMeetingInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType('ActionItemInput')
export class ActionItemInput {
  @Field() what: string;
  @Field(() => ID) assigneeId: string;
  @Field(() => DateDay) dueOn: string;
}

@InputType('HoldReviewMeetingInput')
export class HoldReviewMeetingInput {
  @Field(() => ID) id: string;
  @Field() minutes: string;
  @Field(() => [ActionItemInput]) actionItems: ActionItemInput[];
}
