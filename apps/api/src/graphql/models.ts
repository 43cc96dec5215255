import { Type } from '@nestjs/common';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import {
  ApplicationStatus,
  CaseStage,
  CloseReason,
  EscalationLevel,
  FundingType,
  NominationStatus,
  OrgUnitKind,
  Ownership,
  PeriodKind,
  ReportStatus,
  RewardOccasion,
  RewardRule,
  Role,
} from './enums';

@ObjectType('OrgUnit')
export class OrgUnitModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrgUnitKind) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true, description: 'The parent unit (null for the root), e.g. to build orgUnitTree into a tree' }) parentId?: string | null;
  @Field(() => OrgUnitModel, { nullable: true }) parent?: OrgUnitModel | null;
  @Field(() => [OrgUnitModel]) children?: OrgUnitModel[];
  @Field(() => Date, { nullable: true }) dissolvedAt?: Date | null;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() fullName: string;
  @Field(() => Role) role: Role;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  @Field({ description: 'False once deactivated: the account can no longer log in and its tokens are refused' }) active: boolean;
  @Field({ description: 'After a password reset: only me and changePassword are allowed until the password is changed' }) mustChangePassword: boolean;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) deactivatedAt: Date | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field(() => UserModel) user: UserModel;
  @Field({ description: 'The password is a temporary one: change it (changePassword) before anything else' }) mustChangePassword: boolean;
}

@ObjectType('Enterprise')
export class EnterpriseModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() taxCode: string;
  @Field(() => String, { nullable: true }) district: string | null;
  @Field(() => String, { nullable: true }) sector: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => Ownership, { nullable: true }) ownership: Ownership | null;
  @Field(() => Int) workerCount: number;
  @Field(() => DateDay, { nullable: true, description: 'The day the worker count was surveyed' }) surveyedOn: string | null;
  @Field() hasUnion: boolean;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  @Field(() => FoundingCaseModel, { nullable: true }) openCase?: FoundingCaseModel | null;
  @Field(() => DateDay, { nullable: true, description: 'Ceased operating from this day (out of coverage); null while operating' }) closedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Why it ceased operating, as noted when it was closed' }) closedNote: string | null;
  @Field(() => FundingType, { nullable: true, description: 'How the employer is financed: the latest type recorded; null when never given' })
  fundingType: FundingType | null;
  @Field(() => DateDay, { nullable: true, description: 'The day fundingType holds from' }) fundingTypeFrom: string | null;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('CaseTransition')
export class CaseTransitionModel {
  @Field(() => CaseStage, { name: 'from', nullable: true }) fromStage: CaseStage | null;
  @Field(() => CaseStage, { name: 'to' }) toStage: CaseStage;
  @Field(() => Date) at: Date;
  @Field(() => UserModel) by?: UserModel;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field({ description: 'ASSIGN, RECORD_SURVEY, RECORD_OUTREACH, FORM_COMMITTEE, RECORD_CONGRESS, RECORD_DECISION, ADVANCE, CLOSE, REOPEN' })
  action: string;
  @Field(() => Int, { description: 'The case version this step produced' }) version: number;
}

@ObjectType('CaseEvidence')
export class CaseEvidenceModel {
  @Field(() => ID) id: string;
  @Field({ description: 'SURVEY, OUTREACH, COMMITTEE, CONGRESS or DECISION' }) kind: string;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => DateDay) occurredOn: string;
  @Field({ description: 'The recorded figures and names, as JSON' }) detailsJson: string;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('MembershipApplication')
export class MembershipApplicationModel {
  @Field(() => ID) id: string;
  @Field() fullName: string;
  @Field(() => ApplicationStatus) status: ApplicationStatus;
  @Field(() => DateDay) submittedOn: string;
  @Field(() => DateDay, { nullable: true }) decidedOn: string | null;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => Int) birthYear: number;
  @Field() gender: string;
  @Field() position: string;
  @Field() nationality: string;
  @Field(() => Int, { nullable: true }) contractMonths: number | null;
  @Field(() => DateDay, { nullable: true, description: 'Decision due day for applications decided by an upper-level union' }) dueOn: string | null;
}

@ObjectType('FoundingCase')
export class FoundingCaseModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => EnterpriseModel) enterprise?: EnterpriseModel;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  @Field(() => UserModel, { nullable: true }) assignee?: UserModel | null;
  @Field(() => Date) stageEnteredAt: Date;
  @Field(() => DateDay, { nullable: true }) stageDueOn: string | null;
  @Field(() => CloseReason, { nullable: true }) closedReason: CloseReason | null;
  @Field(() => CaseStage, { nullable: true }) closedFromStage: CaseStage | null;
  @Field(() => [MembershipApplicationModel]) applications?: MembershipApplicationModel[];
  @Field(() => [CaseTransitionModel]) history?: CaseTransitionModel[];
  @Field(() => [CaseEvidenceModel]) evidence?: CaseEvidenceModel[];
  @Field(() => OrgUnitModel, { nullable: true }) grassrootsUnion?: OrgUnitModel | null;
  @Field(() => DateDay, { nullable: true }) dossierCompletedOn: string | null;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => DateDay, { nullable: true }) decidedOn: string | null;
  @Field(() => Date) openedAt: Date;
  @Field({ description: 'Still in an open stage past its due day' }) overdue?: boolean;
}

@ObjectType('StageCount')
export class StageCountModel {
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => Int) count: number;
  @Field(() => Int) overdue: number;
}

@ObjectType('TargetProgress')
export class TargetProgressModel {
  @Field(() => Int, { nullable: true, description: "The year's target (Kế hoạch năm)" }) target: number | null;
  @Field(() => Int, { description: "The period's result (Kết quả kỳ)" }) actual: number;
  @Field(() => Int, { nullable: true, description: 'From 1 January to the period end (Lũy kế từ đầu năm); null in reports built before it was kept' })
  yearToDate?: number | null;
  @Field(() => Float, { nullable: true, description: 'yearToDate / target × 100 (% kế hoạch năm, lũy kế)' }) percentOfYearTarget?: number | null;
}

@ObjectType('CoverageProgress')
export class CoverageProgressModel {
  @Field(() => Int) enterprises25Plus: number;
  @Field(() => Int) withUnion: number;
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => Float, { nullable: true }) targetPercent: number | null;
}

@ObjectType('ReceivedUnitsFigures', { description: "Bao gồm các đơn vị tiếp nhận trong năm: figures by today's tree" })
export class ReceivedUnitsFiguresModel {
  @Field(() => Int) newMembers: number;
  @Field(() => Int) newGrassrootsUnions: number;
}

@ObjectType('Pipeline')
export class PipelineModel {
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => Int) year: number;
  @Field(() => [StageCountModel]) stages: StageCountModel[];
  @Field(() => TargetProgressModel) newMembers: TargetProgressModel;
  @Field(() => TargetProgressModel) newGrassrootsUnions: TargetProgressModel;
  @Field(() => CoverageProgressModel) coverage: CoverageProgressModel;
  @Field(() => ReceivedUnitsFiguresModel, {
    description:
      "The year's new members and CĐCS counted by today's tree: with the units received during the year (restructuring), also for their days before they came",
  })
  includingReceived: ReceivedUnitsFiguresModel;
}

@ObjectType('Escalation')
export class EscalationModel {
  @Field(() => ID) id: string;
  @Field(() => FoundingCaseModel, { name: 'case' }) foundingCase?: FoundingCaseModel;
  caseId: string;
  @Field(() => EscalationLevel) level: EscalationLevel;
  @Field(() => CaseStage) stage: CaseStage;
  @Field(() => Date) raisedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
}

@ObjectType('ApplicationEscalation', {
  description: 'An application sent directly to an upper-level union and not decided by its due day (BREACH, to its supervisors)',
})
export class ApplicationEscalationModel {
  @Field(() => ID, { description: 'The escalation id, for acknowledgeEscalation' }) id: string;
  @Field(() => MembershipApplicationModel) application?: MembershipApplicationModel;
  applicationId: string;
  @Field(() => OrgUnitModel, { description: 'The upper-level union that has to decide' }) decidingUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => EscalationLevel) level: EscalationLevel;
  @Field(() => Date) raisedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
}

@ObjectType('OfficerFigures')
export class OfficerFiguresModel {
  @Field(() => ID) officerId: string;
  @Field() fullName: string;
  @Field(() => Int) cases: number;
  @Field(() => Int) openCases: number;
  @Field(() => Int) overdueCases: number;
  @Field(() => Int) recognitions: number;
  @Field(() => Int) membersAdmitted: number;
  @Field(() => Int, { nullable: true }) targetMembers: number | null;
  @Field(() => Int, { nullable: true }) targetGrassrootsUnions: number | null;
}

@ObjectType('GrassrootsFigures')
export class GrassrootsFiguresModel {
  @Field(() => ID) unitId: string;
  @Field() name: string;
  @Field(() => Int) membersAdmitted: number;
  @Field(() => Int) membersAtEnd: number;
  @Field(() => DateDay, { nullable: true }) recognizedOn: string | null;
}

@ObjectType('ReportFigures')
export class ReportFiguresModel {
  @Field(() => TargetProgressModel) newMembers: TargetProgressModel;
  @Field(() => TargetProgressModel) newGrassrootsUnions: TargetProgressModel;
  @Field(() => CoverageProgressModel) coverage: CoverageProgressModel;
  @Field(() => [StageCountModel]) stages: StageCountModel[];
  @Field(() => [OfficerFiguresModel], { nullable: true }) byOfficer?: OfficerFiguresModel[];
  @Field(() => [GrassrootsFiguresModel], { nullable: true }) byGrassrootsUnion?: GrassrootsFiguresModel[];
  @Field(() => Int, { nullable: true }) overdueCases?: number;
}

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID) id: string;
  @Field(() => OrgUnitModel) orgUnit?: OrgUnitModel;
  orgUnitId: string;
  @Field(() => PeriodKind) periodKind: PeriodKind;
  @Field(() => DateDay) periodStart: string;
  @Field(() => DateDay) periodEnd: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Int) progress: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) builtAt: Date | null;
  @Field(() => ReportFiguresModel, { nullable: true }) figures?: ReportFiguresModel | null;
  @Field(() => String, { nullable: true }) xlsxUrl?: string | null;
  @Field(() => String, { nullable: true }) csvUrl?: string | null;
  @Field(() => Int, { description: 'Builds of the same unit and period are numbered; scheduled builds are 1' }) version: number;
  @Field(() => String, { nullable: true, description: 'Why the build failed' }) error: string | null;
}

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

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

/** A page of a list (Page in @app/core): the base of each `<Node>Connection` type. */
export function Connection<T>(node: Type<T>) {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionModel {
    @Field(() => [node]) nodes: T[];
    @Field(() => Int) totalCount: number;
    @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  }
  return ConnectionModel;
}

@ObjectType('FoundingCaseConnection')
export class FoundingCaseConnectionModel extends Connection(FoundingCaseModel) {}

@ObjectType('EnterpriseConnection')
export class EnterpriseConnectionModel extends Connection(EnterpriseModel) {}
