import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CaseRef, EnterpriseCaseStatus, EnterpriseSort } from '@app/core';
import { DateDay } from './date.scalar';
import { CaseStage, CloseReason, FundingType, OrgUnitKind, Ownership, PeriodKind, Role } from './enums';

@InputType()
export class CreateUserInput {
  @Field() email: string;
  @Field() fullName: string;
  @Field() password: string;
  @Field(() => Role) role: Role;
  @Field(() => ID) orgUnitId: string;
}

@InputType()
export class CreateOrgUnitInput {
  @Field() name: string;
  @Field(() => OrgUnitKind) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => DateDay, { nullable: true, description: 'The day it was founded (not after today, not before 28/07/1929); default today' })
  establishedOn?: string | null;
}

@InputType()
export class CreateEnterpriseInput {
  @Field() name: string;
  @Field() taxCode: string;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) sector?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Ownership, { nullable: true }) ownership?: Ownership | null;
  @Field(() => Int) workerCount: number;
  @Field(() => DateDay, { nullable: true, description: 'The day the workers were counted' }) workerCountOn?: string | null;
  @Field() hasUnion: boolean;
  @Field(() => ID) orgUnitId: string;
  @Field(() => FundingType, { nullable: true, description: 'How the employer is financed' }) fundingType?: FundingType | null;
  @Field(() => DateDay, { nullable: true, description: 'The day fundingType holds from (default today)' }) fundingTypeFrom?: string | null;
}

@InputType()
export class CaseFilter {
  @Field(() => CaseStage, { nullable: true }) stage?: CaseStage | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => String, { nullable: true, description: "The enterprise's name (also without diacritics) or the start of its tax code" }) search?: string | null;
  @Field(() => String, { nullable: true, description: "Part of the enterprise's district (also without diacritics): 'thai binh' finds 'Thành phố Thái Bình'" })
  district?: string | null;
}

/** `first` and `after` of a paginated list query (they follow its filter). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, nullable: true }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

@InputType()
export class EnterpriseFilter {
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => Int, { nullable: true }) minWorkers?: number | null;
  @Field(() => Boolean, { nullable: true }) hasUnion?: boolean | null;
  @Field(() => String, { nullable: true, description: 'A name (also without diacritics) or the start of a tax code' }) search?: string | null;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) sector?: string | null;
  @Field(() => Ownership, { nullable: true }) ownership?: Ownership | null;
  @Field(() => EnterpriseCaseStatus, { nullable: true }) caseStatus?: EnterpriseCaseStatus | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeClosed?: boolean | null;
  @Field(() => EnterpriseSort, { nullable: true, defaultValue: EnterpriseSort.NAME }) sort?: EnterpriseSort | null;
}

/** The case a change is for and the version the caller read: first in every input that changes a case (a base's fields print first). */
@InputType({ isAbstract: true })
export class CaseRefInput implements CaseRef {
  @Field(() => ID) caseId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class OpenCaseInput {
  @Field(() => ID) enterpriseId: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
}

@InputType()
export class AssignCaseInput extends CaseRefInput {
  @Field(() => ID) assigneeId: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class SurveyInput extends CaseRefInput {
  @Field(() => DateDay) surveyedOn: string;
  @Field(() => Int) workerCount: number;
  @Field() hasUnion: boolean;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class OutreachInput extends CaseRefInput {
  @Field(() => DateDay) heldOn: string;
  @Field(() => Int) workersReached: number;
  @Field(() => Int) workersInterested: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CommitteeInput extends CaseRefInput {
  @Field(() => DateDay) formedOn: string;
  @Field(() => [String]) memberNames: string[];
}

@InputType()
export class ApplicationInput {
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => ID, { nullable: true }) grassrootsUnionId?: string | null;
  @Field() fullName: string;
  @Field(() => String, { nullable: true, description: 'Citizen id (CCCD), used to spot existing members' }) personalId?: string | null;
  @Field(() => Int) birthYear: number;
  @Field() gender: string;
  @Field() position: string;
  @Field() isManager: boolean;
  @Field() servingSentence: boolean;
  @Field() nationality: string;
  @Field(() => Int, { nullable: true }) contractMonths?: number | null;
  @Field(() => DateDay) submittedOn: string;
}

@InputType()
export class DecideApplicationInput {
  @Field(() => ID) applicationId: string;
  @Field() admit: boolean;
  @Field(() => DateDay) decidedOn: string;
  @Field(() => String, { nullable: true }) decisionNumber?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class CongressInput extends CaseRefInput {
  @Field(() => DateDay) heldOn: string;
  @Field(() => Int) attendees: number;
  @Field(() => [String]) executiveCommittee: string[];
  @Field() chairName: string;
  @Field(() => DateDay) dossierCompletedOn: string;
}

@InputType()
export class DecisionInput extends CaseRefInput {
  @Field() decisionNumber: string;
  @Field(() => DateDay) decidedOn: string;
  @Field() signedBy: string;
  @Field() grassrootsUnionName: string;
}

@InputType()
export class AdvanceInput extends CaseRefInput {
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
export class CloseInput extends CaseRefInput {
  @Field(() => CloseReason) reason: CloseReason;
  @Field() comment: string;
}

@InputType()
export class ReopenInput extends CaseRefInput {
  @Field() comment: string;
}

@InputType()
export class TargetInput {
  @Field(() => Int) year: number;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) officerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Left out: the saved target is kept; null: cleared' }) newMembers?: number | null;
  @Field(() => Int, { nullable: true, description: 'Left out: the saved target is kept; null: cleared' }) newGrassrootsUnions?: number | null;
  @Field(() => Float, { nullable: true, description: 'Left out: the saved target is kept; null: cleared' }) coveragePercent?: number | null;
}

@InputType()
export class ReportInput {
  @Field(() => ID) orgUnitId: string;
  @Field(() => PeriodKind) periodKind: PeriodKind;
  @Field(() => DateDay) periodStart: string;
}
