import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';

export enum ReturnPeriodKind {
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
export enum ReturnStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SENT_BACK = 'SENT_BACK',
  ACCEPTED = 'ACCEPTED',
}
export enum ReturnBoardState {
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  MISSING = 'MISSING',
  SUBMITTED = 'SUBMITTED',
  SENT_BACK = 'SENT_BACK',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(ReturnPeriodKind, {
  name: 'ReturnPeriodKind',
  description: 'HALF_YEAR: figures as at 31/5; YEAR: as at 30/11 (QĐ 1454/QĐ-TLĐ; configurable)',
});
registerEnumType(ReturnStatus, { name: 'ReturnStatus' });
registerEnumType(ReturnBoardState, {
  name: 'ReturnBoardState',
  description: "A CĐCS's return for a period: its status, NOT_SUBMITTED before the due day, MISSING after it (never submitted)",
});

/**
 * The twelve indicators of form 1-HĐCĐ, declared once for the output and the input type (docs/architecture.md#statistics-returns).
 * Abstract: it prints no type of its own.
 */
@ObjectType({ isAbstract: true })
@InputType({ isAbstract: true })
abstract class FormFigures {
  @Field(() => Int) membersAtStart: number;
  @Field(() => Int, { description: 'Admitted in the period (not transfers in)' }) admitted: number;
  @Field(() => Int) transferredIn: number;
  @Field(() => Int) leftTransferred: number;
  @Field(() => Int) leftJob: number;
  @Field(() => Int) leftWithdrew: number;
  @Field(() => Int) leftExpelled: number;
  @Field(() => Int) leftDied: number;
  @Field(() => Int) leftPaused: number;
  @Field(() => Int) membersAtEnd: number;
  @Field(() => Int) womenMembers: number;
  @Field(() => Int) staffNotMembers: number;
}

@ObjectType('ReturnFigures')
export class ReturnFiguresModel extends FormFigures {
  @Field(() => Int, { description: 'Memberships ended by the CĐCS dissolved by policy (DISSOLVED), apart from ordinary leaving' }) leftDissolved: number;
  @Field(() => Int, { description: 'Members recommended to the Party (giới thiệu) by a resolution dated in the period' }) partyRecommended: number;
  @Field(() => Int, { description: 'Recommended members admitted to the Party (được kết nạp) on a day in the period' }) partyAdmitted: number;
  @Field(() => Int, { nullable: true, description: 'Union groups (tổ công đoàn) kept on the reference day; null when none are kept' })
  unionGroups: number | null;
}

@InputType('ReturnFiguresInput')
export class ReturnFiguresInput extends FormFigures {
  @Field(() => Int, { nullable: true, description: "Omitted: the register's value (set by a dissolution, not typed)" }) leftDissolved?: number | null;
  @Field(() => Int, { nullable: true, description: "Omitted: the register's value" }) partyRecommended?: number | null;
  @Field(() => Int, { nullable: true, description: "Omitted: the register's value" }) partyAdmitted?: number | null;
  @Field(() => Int, { nullable: true, description: "Omitted: the register's value; null: no union groups kept" }) unionGroups?: number | null;
}

@ObjectType('StatisticsReturnVersion', { description: 'One kept version of a return: each save, submission, acceptance or send-back' })
export class ReturnVersionModel {
  @Field(() => Int) version: number;
  @Field({ description: 'SAVE, SUBMIT, ACCEPT or SEND_BACK' }) action: string;
  @Field(() => ReturnStatus) status: ReturnStatus;
  @Field(() => ReturnFiguresModel) figures: ReturnFiguresModel;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID) actorId: string;
  @Field() at: Date;
}

@ObjectType('StatisticsReturn', { description: "A CĐCS's statistics return (form 1-HĐCĐ) for a period; not saved yet (id null): the register's prefill" })
export class StatisticsReturnModel {
  @Field(() => ID, { nullable: true }) id: string | null;
  @Field(() => ID) grassrootsUnionId: string;
  @Field() grassrootsUnionName: string;
  @Field(() => ReturnPeriodKind) kind: ReturnPeriodKind;
  @Field(() => Int) year: number;
  @Field(() => DateDay) periodStart: string;
  @Field(() => DateDay, { description: 'Figures as at this day' }) referenceDay: string;
  @Field(() => DateDay) dueOn: string;
  @Field(() => ReturnStatus) status: ReturnStatus;
  @Field(() => Int, { description: '0 before the first save; send it back with every change' }) version: number;
  @Field(() => ReturnFiguresModel) figures: ReturnFiguresModel;
  @Field(() => ReturnFiguresModel, { description: "The register's figures for the period now" }) prefill?: ReturnFiguresModel;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true }) sentBackReason: string | null;
  @Field(() => Date, { nullable: true }) firstSubmittedAt: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field({ description: 'First submitted after the due day' }) late: boolean;
  @Field(() => [ReturnVersionModel]) versions?: ReturnVersionModel[];
}

@ObjectType('ReturnBoardRow', { description: 'One CĐCS on the upper level’s returns board' })
export class ReturnBoardRowModel {
  @Field(() => ID) grassrootsUnionId: string;
  @Field() name: string;
  @Field(() => ReturnBoardState) state: ReturnBoardState;
  @Field({ description: 'First submitted after the due day, or not submitted and past it' }) late: boolean;
  @Field(() => DateDay) dueOn: string;
  @Field(() => ID, { nullable: true }) returnId: string | null;
}

@ObjectType('ReturnBoard')
export class ReturnBoardModel {
  @Field(() => [ReturnBoardRowModel]) rows: ReturnBoardRowModel[];
  @Field(() => Int) submitted: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) sentBack: number;
  @Field(() => Int, { description: 'Rows that are late: submitted late, or missing past the due day (so `missing` are among them)' }) late: number;
  @Field(() => Int) missing: number;
  @Field(() => Int) notSubmitted: number;
}

@ObjectType('ConsolidatedReturnRow')
export class ConsolidatedRowModel {
  @Field(() => ID) unitId: string;
  @Field() name: string;
  @Field(() => Int, { description: 'CĐCS in the subtree' }) grassroots: number;
  @Field(() => Int, { description: 'Of them, with an accepted return' }) accepted: number;
  @Field(() => ReturnFiguresModel) figures: ReturnFiguresModel;
}

@ObjectType('ConsolidatedReturn', { description: "The subtree's sum of accepted returns (form 2-HĐCĐ): a row per child unit, the total, the CĐCS without one" })
export class ConsolidatedReturnModel {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => [ConsolidatedRowModel]) rows: ConsolidatedRowModel[];
  @Field(() => ConsolidatedRowModel) total: ConsolidatedRowModel;
  @Field(() => [ReturnBoardRowModel]) missing: ReturnBoardRowModel[];
}

@InputType()
export class SaveStatisticsReturnInput {
  @Field(() => ID) grassrootsUnionId: string;
  @Field(() => ReturnPeriodKind) kind: ReturnPeriodKind;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: '0 for a return not saved yet' }) version: number;
  @Field(() => ReturnFiguresInput) figures: ReturnFiguresInput;
  @Field(() => String, { nullable: true, description: "Required when the figures differ from the register's" }) note?: string | null;
}

@InputType()
export class StatisticsReturnVersionInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@InputType()
export class SendBackStatisticsReturnInput extends StatisticsReturnVersionInput {
  @Field() reason: string;
}
