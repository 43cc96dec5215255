import { Type } from '@nestjs/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateDay } from './date.scalar';
import { ApplicationStatus, CaseStage, CloseReason, EscalationLevel, FundingType, OrgUnitKind, Ownership, Role } from './enums';

@ObjectType('OrgUnit')
export class OrgUnitModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrgUnitKind) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true, description: 'The parent unit (null for the root), e.g. to build orgUnitTree into a tree' }) parentId?: string | null;
  @Field(() => OrgUnitModel, { nullable: true }) parent?: OrgUnitModel | null;
  @Field(() => [OrgUnitModel]) children?: OrgUnitModel[];
  @Field(() => Date, { nullable: true }) dissolvedAt?: Date | null;
  @Field(() => DateDay, {
    description:
      'The day it was founded (a CĐCS: its recognition), not the day it was entered; a CĐCS owes the statistics returns of periods whose reference day is on or after it',
  })
  establishedOn: string;
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

@ObjectType('MembershipApplicationConnection')
export class MembershipApplicationConnectionModel extends Connection(MembershipApplicationModel) {}
