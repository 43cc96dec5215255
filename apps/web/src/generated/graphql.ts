/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { CaseStage } from '@app/domain/case-stage';
import type { CloseReason } from '@app/domain/case-stage';
export type AccountFilterInput = {
  active?: boolean | null | undefined;
  /** Users of this unit and its subtree */
  orgUnitId?: string | number | null | undefined;
  role?: Role | null | undefined;
  /** Part of the full name or e-mail; case and Vietnamese diacritics are ignored ("nguyen van" finds "Nguyễn Văn") */
  search?: string | null | undefined;
};

export type AcknowledgeCaseEscalationsInput = {
  /** Direct applications whose escalations to acknowledge */
  applicationIds?: Array<string | number> | null | undefined;
  /** Cases whose escalations to acknowledge */
  caseIds?: Array<string | number> | null | undefined;
};

export type AddStaffInput = {
  birthDate: string;
  /** Citizen id (CCCD): 12 digits checked against birthDate and sex; 11 digits get their lost leading 0 back when valid */
  citizenId: string;
  contractKind?: LabourContractKind | null | undefined;
  /** Months of a fixed-term contract */
  contractMonths?: number | null | undefined;
  fullName: string;
  grassrootsUnionId: string | number;
  /** Owner, director or anyone signing labour contracts (eligibility) */
  isManager?: boolean | null | undefined;
  job?: string | null | undefined;
  /** Default Việt Nam */
  nationality?: string | null | undefined;
  phone?: string | null | undefined;
  servingSentence?: boolean | null | undefined;
  sex: Sex;
};

export type AdmitMembersInput = {
  /** Pending applications to the CĐCS to admit */
  applicationIds?: Array<string | number> | null | undefined;
  decidedOn: string;
  decisionNumber: string;
  grassrootsUnionId: string | number;
  /** People of the staff list to admit */
  memberIds?: Array<string | number> | null | undefined;
  signer: string;
};

export type AdvanceInput = {
  caseId: string | number;
  comment?: string | null | undefined;
  expectedVersion: number;
};

export type ApplicationInput = {
  birthYear: number;
  caseId?: string | number | null | undefined;
  contractMonths?: number | null | undefined;
  fullName: string;
  gender: string;
  grassrootsUnionId?: string | number | null | undefined;
  isManager: boolean;
  nationality: string;
  /** Citizen id (CCCD), used to spot existing members */
  personalId?: string | null | undefined;
  position: string;
  servingSentence: boolean;
  submittedOn: string;
};

export type ApplicationStatus = 'ADMITTED' | 'REJECTED' | 'SUBMITTED' | 'WITHDRAWN';

export type AssignCaseInput = {
  assigneeId: string | number;
  caseId: string | number;
  expectedVersion: number;
  reason?: string | null | undefined;
};

/** A day off (a weekday) or a make-up working day (a Saturday or Sunday), with what it is and who announced it */
export type CalendarDayInput = {
  day: string;
  /** The announcing document, at most 120 characters */
  document?: string | null | undefined;
  kind: CalendarDayKind;
  /** Required, at most 200 characters */
  note: string;
};

export type CalendarDayKind = 'DAY_OFF' | 'MAKE_UP_WORKING_DAY';

export type CaseFilter = {
  assigneeId?: string | number | null | undefined;
  /** The enterprise's district (also without diacritics) */
  district?: string | null | undefined;
  orgUnitId?: string | number | null | undefined;
  overdue?: boolean | null | undefined;
  /** The enterprise's name (also without diacritics) or the start of its tax code */
  search?: string | null | undefined;
  stage?: CaseStage | null | undefined;
};

export { CaseStage };

export type ChangePasswordInput = {
  currentPassword: string;
  /** At least 10 characters (at most 72 bytes), not containing the e-mail address, not a common password */
  newPassword: string;
};

export type CloseEnterpriseInput = {
  /** The day it ceased operating: today or earlier */
  closedOn: string;
  id: string | number;
  note?: string | null | undefined;
};

export type CloseInput = {
  caseId: string | number;
  comment: string;
  expectedVersion: number;
  reason: CloseReason;
};

export { CloseReason };

export type CommitteeInput = {
  caseId: string | number;
  expectedVersion: number;
  formedOn: string;
  memberNames: Array<string>;
};

export type CongressInput = {
  attendees: number;
  caseId: string | number;
  chairName: string;
  dossierCompletedOn: string;
  executiveCommittee: Array<string>;
  expectedVersion: number;
  heldOn: string;
};

export type CreateEnterpriseInput = {
  address?: string | null | undefined;
  district?: string | null | undefined;
  hasUnion: boolean;
  name: string;
  orgUnitId: string | number;
  ownership?: Ownership | null | undefined;
  sector?: string | null | undefined;
  taxCode: string;
  workerCount: number;
  /** The day the workers were counted */
  workerCountOn?: string | null | undefined;
};

export type CreateGrassrootsAccountInput = {
  /** A recognized founding case: the account belongs to the CĐCS it founded */
  caseId: string | number;
  email: string;
  fullName: string;
  password: string;
};

export type CreateOrgUnitInput = {
  kind: OrgUnitKind;
  name: string;
  parentId?: string | number | null | undefined;
};

export type CreateUserInput = {
  email: string;
  fullName: string;
  orgUnitId: string | number;
  password: string;
  role: Role;
};

export type DecisionInput = {
  caseId: string | number;
  decidedOn: string;
  decisionNumber: string;
  expectedVersion: number;
  grassrootsUnionName: string;
  signedBy: string;
};

/** The official documents the product issues (docs/architecture.md#official-documents) */
export type DocumentKind = 'ADMISSION_DECISION' | 'PERIOD_REPORT' | 'RECOGNITION_DECISION';

/** A unit's document texts (name block, place, signing lines, signer, recipients) */
export type DocumentSettingsInput = {
  /** "TM. BAN THƯỜNG VỤ" or "TM. BAN CHẤP HÀNH" */
  authorityLine: string;
  issuerName: string;
  parentLine: string;
  placeName: string;
  recipients: Array<string>;
  /** Abbreviation after the type symbol: "CĐN" gives "12/QĐ-CĐN" */
  shortName: string;
  signerName: string;
  /** "CHỦ TỊCH", or two lines "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  signerTitle: string;
};

/** OPEN_CASE: has an open founding case; NO_CASE: never had any case; NO_OPEN_CASE: no open founding case (one may be opened) */
export type EnterpriseCaseStatus = 'NO_CASE' | 'NO_OPEN_CASE' | 'OPEN_CASE';

export type EnterpriseFilter = {
  caseStatus?: EnterpriseCaseStatus | null | undefined;
  district?: string | null | undefined;
  hasUnion?: boolean | null | undefined;
  includeClosed?: boolean | null | undefined;
  minWorkers?: number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  ownership?: Ownership | null | undefined;
  /** A name (also without diacritics) or the start of a tax code */
  search?: string | null | undefined;
  sector?: string | null | undefined;
  sort?: EnterpriseSort | null | undefined;
};

export type EnterpriseSort = 'NAME' | 'TAX_CODE' | 'UPDATED_DESC' | 'WORKERS_DESC';

export type EscalationLevel = 'BREACH' | 'CRITICAL' | 'WARNING';

export type ImportRowAction = 'CREATE' | 'REFUSED' | 'UNCHANGED' | 'UPDATE';

/** Issue an official document: it takes the next number of the issuing unit's register and is built by the worker */
export type IssueDocumentInput = {
  /** PERIOD_REPORT: difficulties, as the supervisor writes them */
  difficulties?: string | null | undefined;
  /** Default today; not before the last day in the register */
  issuedOn?: string | null | undefined;
  kind: DocumentKind;
  /** PERIOD_REPORT: proposals */
  proposals?: string | null | undefined;
  /** The founding case (RECOGNITION_DECISION), admission decision (ADMISSION_DECISION) or report (PERIOD_REPORT) */
  sourceId: string | number;
};

export type LabourContractKind = 'FIXED_TERM' | 'INDEFINITE' | 'OTHER';

/** How late a case is today, from its days (not from the stored level) */
export type LateStatus = 'CRITICAL' | 'DUE_SOON' | 'LEFT_STAGE' | 'ON_TIME' | 'OVERDUE';

/** Why a membership ended; TRANSFERRED: it goes on in another CĐCS */
export type LeaveReason = 'DIED' | 'EXPELLED' | 'LEFT_JOB' | 'PAUSED' | 'TRANSFERRED' | 'WITHDREW';

export type MemberFilter = {
  contractKind?: LabourContractKind | null | undefined;
  /** Members who left for this reason */
  leftReason?: LeaveReason | null | undefined;
  /** A name (also without diacritics) or the start of a citizen id */
  search?: string | null | undefined;
  sex?: Sex | null | undefined;
  status?: MemberStatus | null | undefined;
};

export type MemberStatus = 'LEFT' | 'MEMBER' | 'NOT_MEMBER';

export type NominationStatus = 'APPROVED' | 'PROPOSED' | 'REJECTED';

export type OpenCaseInput = {
  assigneeId?: string | number | null | undefined;
  enterpriseId: string | number;
};

export type OrgUnitKind = 'CONFEDERATION' | 'FEDERATION' | 'GRASSROOTS' | 'UPPER_LEVEL';

export type OutreachInput = {
  caseId: string | number;
  expectedVersion: number;
  heldOn: string;
  note?: string | null | undefined;
  workersInterested: number;
  workersReached: number;
};

export type Ownership = 'COLLECTIVE' | 'FOREIGN_INVESTED' | 'OTHER' | 'PRIVATE' | 'STATE';

export type PeriodKind = 'HALF_YEAR' | 'MONTH' | 'QUARTER' | 'YEAR';

/** A preview takes no number: from a source, or a sample of the kind for a unit with settings as typed */
export type PreviewDocumentInput = {
  difficulties?: string | null | undefined;
  kind: DocumentKind;
  orgUnitId?: string | number | null | undefined;
  proposals?: string | null | undefined;
  settings?: DocumentSettingsInput | null | undefined;
  sourceId?: string | number | null | undefined;
};

export type RecordMemberLeavingInput = {
  leftOn: string;
  memberId: string | number;
  note?: string | null | undefined;
  /** Not TRANSFERRED: a transfer is recorded by the receiving CĐCS with transferMember */
  reason: LeaveReason;
};

export type RegisterImportStatus = 'APPLIED' | 'APPLYING' | 'CANCELLED' | 'FAILED' | 'VALIDATED';

export type ReopenInput = {
  caseId: string | number;
  comment: string;
  expectedVersion: number;
};

export type ReportInput = {
  orgUnitId: string | number;
  periodKind: PeriodKind;
  periodStart: string;
};

export type ReportStatus = 'FAILED' | 'QUEUED' | 'READY' | 'RUNNING';

export type Role = 'ADMIN' | 'GRASSROOTS' | 'OFFICER' | 'SUPERVISOR';

export type SaveDocumentSettingsInput = {
  /** "TM. BAN THƯỜNG VỤ" or "TM. BAN CHẤP HÀNH" */
  authorityLine: string;
  issuerName: string;
  orgUnitId: string | number;
  parentLine: string;
  placeName: string;
  recipients: Array<string>;
  /** Abbreviation after the type symbol: "CĐN" gives "12/QĐ-CĐN" */
  shortName: string;
  signerName: string;
  /** "CHỦ TỊCH", or two lines "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  signerTitle: string;
};

export type Sex = 'FEMALE' | 'MALE';

export type SurveyInput = {
  caseId: string | number;
  contactName?: string | null | undefined;
  expectedVersion: number;
  hasUnion: boolean;
  note?: string | null | undefined;
  surveyedOn: string;
  workerCount: number;
};

export type TargetInput = {
  coveragePercent?: number | null | undefined;
  newGrassrootsUnions?: number | null | undefined;
  newMembers?: number | null | undefined;
  officerId?: string | number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  year: number;
};

export type TransferMemberInput = {
  /** The person on the receiving CĐCS's staff list; its citizen id finds the membership that ends */
  memberId: string | number;
  note?: string | null | undefined;
  transferredOn: string;
};

/** Only the fields given change (one UPDATE of those columns): a concurrent edit of other fields is kept */
export type UpdateEnterpriseInput = {
  address?: string | null | undefined;
  district?: string | null | undefined;
  hasUnion?: boolean | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  ownership?: Ownership | null | undefined;
  sector?: string | null | undefined;
  taxCode?: string | null | undefined;
  workerCount?: number | null | undefined;
  /** The day the count was taken (default today) */
  workerCountOn?: string | null | undefined;
};

export type UpdateOrgUnitInput = {
  id: string | number;
  name: string;
};

export type UpdateStaffInput = {
  birthDate: string;
  /** Citizen id (CCCD): 12 digits checked against birthDate and sex; 11 digits get their lost leading 0 back when valid */
  citizenId: string;
  contractKind?: LabourContractKind | null | undefined;
  /** Months of a fixed-term contract */
  contractMonths?: number | null | undefined;
  fullName: string;
  /** The Member id */
  id: string | number;
  /** Owner, director or anyone signing labour contracts (eligibility) */
  isManager?: boolean | null | undefined;
  job?: string | null | undefined;
  /** Default Việt Nam */
  nationality?: string | null | undefined;
  phone?: string | null | undefined;
  servingSentence?: boolean | null | undefined;
  sex: Sex;
};

export type UpdateUserInput = {
  fullName?: string | null | undefined;
  id: string | number;
  orgUnitId?: string | number | null | undefined;
  role?: Role | null | undefined;
};

/** Where a worker count came from: the register form, a register import, or a founding case's survey */
export type WorkerCountSource = 'IMPORT' | 'MANUAL' | 'SURVEY';

export type AccountRowFragment = {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  orgUnit: { id: string; name: string };
};

export type OrgNodeFragment = {
  id: string;
  name: string;
  kind: OrgUnitKind;
  dissolvedAt: string | null;
  parent: { id: string } | null;
  headFigures: { enterprises25Plus: number; withUnion: number; openCases: number; overdueCases: number; activeUsers: number; childCount: number };
};

export type PasswordStateQueryVariables = Exact<{ [key: string]: never }>;

export type PasswordStateQuery = { me: { id: string; mustChangePassword: boolean } };

export type AccountsQueryVariables = Exact<{
  f?: AccountFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AccountsQuery = {
  accounts: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      email: string;
      fullName: string;
      role: Role;
      active: boolean;
      mustChangePassword: boolean;
      createdAt: string;
      deactivatedAt: string | null;
      orgUnit: { id: string; name: string };
    }>;
  };
};

export type CreateUserMutationVariables = Exact<{
  i: CreateUserInput;
}>;

export type CreateUserMutation = {
  createUser: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    mustChangePassword: boolean;
    createdAt: string;
    deactivatedAt: string | null;
    orgUnit: { id: string; name: string };
  };
};

export type UpdateUserMutationVariables = Exact<{
  i: UpdateUserInput;
}>;

export type UpdateUserMutation = {
  updateUser: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    mustChangePassword: boolean;
    createdAt: string;
    deactivatedAt: string | null;
    orgUnit: { id: string; name: string };
  };
};

export type DeactivateUserMutationVariables = Exact<{
  id: string | number;
}>;

export type DeactivateUserMutation = {
  deactivateUser: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    mustChangePassword: boolean;
    createdAt: string;
    deactivatedAt: string | null;
    orgUnit: { id: string; name: string };
  };
};

export type ReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;

export type ReactivateUserMutation = {
  reactivateUser: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    mustChangePassword: boolean;
    createdAt: string;
    deactivatedAt: string | null;
    orgUnit: { id: string; name: string };
  };
};

export type ResetPasswordMutationVariables = Exact<{
  id: string | number;
}>;

export type ResetPasswordMutation = {
  resetPassword: {
    temporaryPassword: string;
    user: {
      id: string;
      email: string;
      fullName: string;
      role: Role;
      active: boolean;
      mustChangePassword: boolean;
      createdAt: string;
      deactivatedAt: string | null;
      orgUnit: { id: string; name: string };
    };
  };
};

export type ChangePasswordMutationVariables = Exact<{
  i: ChangePasswordInput;
}>;

export type ChangePasswordMutation = {
  changePassword: {
    accessToken: string;
    mustChangePassword: boolean;
    user: {
      id: string;
      email: string;
      fullName: string;
      role: Role;
      orgUnit: { id: string; name: string; kind: OrgUnitKind; parent: { id: string; name: string } | null };
    };
  };
};

export type OrgTreeQueryVariables = Exact<{
  root?: string | number | null | undefined;
}>;

export type OrgTreeQuery = {
  orgUnitTree: Array<{
    id: string;
    name: string;
    kind: OrgUnitKind;
    dissolvedAt: string | null;
    parent: { id: string } | null;
    headFigures: { enterprises25Plus: number; withUnion: number; openCases: number; overdueCases: number; activeUsers: number; childCount: number };
  }>;
};

export type OrgLinesQueryVariables = Exact<{ [key: string]: never }>;

export type OrgLinesQuery = { orgUnitTree: Array<{ id: string; name: string; kind: OrgUnitKind; dissolvedAt: string | null; parent: { id: string } | null }> };

export type CreateOrgUnitMutationVariables = Exact<{
  i: CreateOrgUnitInput;
}>;

export type CreateOrgUnitMutation = { createOrgUnit: { id: string; name: string; kind: OrgUnitKind } };

export type RenameOrgUnitMutationVariables = Exact<{
  i: UpdateOrgUnitInput;
}>;

export type RenameOrgUnitMutation = { updateOrgUnit: { id: string; name: string } };

export type CalendarDayRowFragment = { day: string; kind: CalendarDayKind; note: string | null; document: string | null };

export type CalendarChangeViewFragment = {
  day: string;
  movedCaseCount: number;
  movedApplicationCount: number;
  previous: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
  current: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
  movedCases: Array<{
    before: string;
    after: string;
    case: {
      id: string;
      stage: CaseStage;
      enterprise: { id: string; name: string; taxCode: string };
      orgUnit: { id: string; name: string };
      assignee: { id: string; fullName: string } | null;
    };
  }>;
};

export type CalendarDaysQueryVariables = Exact<{
  y: number;
}>;

export type CalendarDaysQuery = {
  calendarYears: Array<number>;
  calendarDays: Array<{ day: string; kind: CalendarDayKind; note: string | null; document: string | null }>;
};

export type SaveCalendarDayMutationVariables = Exact<{
  i: CalendarDayInput;
}>;

export type SaveCalendarDayMutation = {
  saveCalendarDay: {
    day: string;
    movedCaseCount: number;
    movedApplicationCount: number;
    previous: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
    current: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
    movedCases: Array<{
      before: string;
      after: string;
      case: {
        id: string;
        stage: CaseStage;
        enterprise: { id: string; name: string; taxCode: string };
        orgUnit: { id: string; name: string };
        assignee: { id: string; fullName: string } | null;
      };
    }>;
  };
};

export type RemoveCalendarDayMutationVariables = Exact<{
  d: string;
}>;

export type RemoveCalendarDayMutation = {
  removeCalendarDay: {
    day: string;
    movedCaseCount: number;
    movedApplicationCount: number;
    previous: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
    current: { day: string; kind: CalendarDayKind; note: string | null; document: string | null } | null;
    movedCases: Array<{
      before: string;
      after: string;
      case: {
        id: string;
        stage: CaseStage;
        enterprise: { id: string; name: string; taxCode: string };
        orgUnit: { id: string; name: string };
        assignee: { id: string; fullName: string } | null;
      };
    }>;
  };
};

export type DocumentRowFragment = {
  id: string;
  kind: DocumentKind;
  number: number;
  numberLabel: string;
  issuedOn: string;
  title: string;
  status: ReportStatus;
  cancelledAt: string | null;
  cancelReason: string | null;
  docxUrl: string | null;
  pdfUrl: string | null;
};

export type DocumentSettingsViewFragment = {
  orgUnitId: string;
  parentLine: string;
  issuerName: string;
  shortName: string;
  placeName: string;
  authorityLine: string;
  signerTitle: string;
  signerName: string;
  recipients: Array<string>;
  own: boolean;
  inheritedFrom: { id: string; name: string } | null;
};

export type DocumentsQueryVariables = Exact<{
  k: DocumentKind;
  s: string | number;
}>;

export type DocumentsQuery = {
  documents: Array<{
    id: string;
    kind: DocumentKind;
    number: number;
    numberLabel: string;
    issuedOn: string;
    title: string;
    status: ReportStatus;
    cancelledAt: string | null;
    cancelReason: string | null;
    docxUrl: string | null;
    pdfUrl: string | null;
  }>;
};

export type IssueDocumentMutationVariables = Exact<{
  i: IssueDocumentInput;
}>;

export type IssueDocumentMutation = {
  issueDocument: {
    id: string;
    kind: DocumentKind;
    number: number;
    numberLabel: string;
    issuedOn: string;
    title: string;
    status: ReportStatus;
    cancelledAt: string | null;
    cancelReason: string | null;
    docxUrl: string | null;
    pdfUrl: string | null;
  };
};

export type DocumentSettingsQueryVariables = Exact<{
  u: string | number;
}>;

export type DocumentSettingsQuery = {
  documentSettings: {
    orgUnitId: string;
    parentLine: string;
    issuerName: string;
    shortName: string;
    placeName: string;
    authorityLine: string;
    signerTitle: string;
    signerName: string;
    recipients: Array<string>;
    own: boolean;
    inheritedFrom: { id: string; name: string } | null;
  };
};

export type SaveDocumentSettingsMutationVariables = Exact<{
  i: SaveDocumentSettingsInput;
}>;

export type SaveDocumentSettingsMutation = {
  saveDocumentSettings: {
    orgUnitId: string;
    parentLine: string;
    issuerName: string;
    shortName: string;
    placeName: string;
    authorityLine: string;
    signerTitle: string;
    signerName: string;
    recipients: Array<string>;
    own: boolean;
    inheritedFrom: { id: string; name: string } | null;
  };
};

export type PreviewDocumentQueryVariables = Exact<{
  i: PreviewDocumentInput;
}>;

export type PreviewDocumentQuery = { previewDocument: string };

export type EscalationStepFieldsFragment = {
  id: string;
  level: EscalationLevel;
  caseStage: CaseStage | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgements: Array<{ at: string; by: { id: string; fullName: string } }>;
};

export type EscalatedCasesQueryVariables = Exact<{
  open?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type EscalatedCasesQuery = {
  escalatedCases: {
    totalCount: number;
    overdueCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      level: EscalationLevel;
      stage: CaseStage;
      dueOn: string | null;
      acknowledged: boolean;
      lateness: { status: LateStatus; label: string; workingDays: number; calendarDays: number };
      assignee: { id: string; fullName: string } | null;
      case: { id: string; enterprise: { id: string; name: string; district: string | null } };
      escalations: Array<{
        id: string;
        level: EscalationLevel;
        caseStage: CaseStage | null;
        raisedAt: string;
        acknowledgedAt: string | null;
        acknowledgements: Array<{ at: string; by: { id: string; fullName: string } }>;
      }>;
    }>;
  };
};

export type EscalatedApplicationsQueryVariables = Exact<{
  open?: boolean | null | undefined;
}>;

export type EscalatedApplicationsQuery = {
  escalatedApplications: {
    totalCount: number;
    nodes: Array<{
      level: EscalationLevel;
      dueOn: string | null;
      acknowledged: boolean;
      lateness: { status: LateStatus; label: string; workingDays: number; calendarDays: number };
      decidingUnit: { id: string; name: string };
      application: { id: string; fullName: string; position: string; submittedOn: string };
      escalations: Array<{
        id: string;
        level: EscalationLevel;
        caseStage: CaseStage | null;
        raisedAt: string;
        acknowledgedAt: string | null;
        acknowledgements: Array<{ at: string; by: { id: string; fullName: string } }>;
      }>;
    }>;
  };
};

export type AckRowsMutationVariables = Exact<{
  i: AcknowledgeCaseEscalationsInput;
}>;

export type AckRowsMutation = {
  acknowledgeCaseEscalations: {
    acknowledged: number;
    cases: Array<{ acknowledged: boolean; case: { id: string } }>;
    applications: Array<{ acknowledged: boolean; application: { id: string } }>;
  };
};

export type MemberRowFragment = {
  id: string;
  fullName: string;
  citizenId: string | null;
  birthDate: string | null;
  sex: Sex;
  job: string | null;
  contractKind: LabourContractKind | null;
  status: MemberStatus;
  admittedOn: string | null;
  decisionNumber: string | null;
  transferredIn: boolean;
  leftOn: string | null;
  leftReason: LeaveReason | null;
};

export type MembersQueryVariables = Exact<{
  g: string | number;
  f?: MemberFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type MembersQuery = {
  members: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      fullName: string;
      citizenId: string | null;
      birthDate: string | null;
      sex: Sex;
      job: string | null;
      contractKind: LabourContractKind | null;
      status: MemberStatus;
      admittedOn: string | null;
      decisionNumber: string | null;
      transferredIn: boolean;
      leftOn: string | null;
      leftReason: LeaveReason | null;
    }>;
  };
};

export type AddStaffMutationVariables = Exact<{
  i: AddStaffInput;
}>;

export type AddStaffMutation = { addStaff: { id: string; fullName: string; citizenId: string | null } };

export type AdmitMembersMutationVariables = Exact<{
  i: AdmitMembersInput;
}>;

export type AdmitMembersMutation = { admitMembers: { id: string; number: string; memberIds: Array<string> } };

export type MemberQueryVariables = Exact<{
  id: string | number;
}>;

export type MemberQuery = {
  member: {
    phone: string | null;
    leftNote: string | null;
    id: string;
    fullName: string;
    citizenId: string | null;
    birthDate: string | null;
    sex: Sex;
    job: string | null;
    contractKind: LabourContractKind | null;
    status: MemberStatus;
    admittedOn: string | null;
    decisionNumber: string | null;
    transferredIn: boolean;
    leftOn: string | null;
    leftReason: LeaveReason | null;
    memberships: Array<{
      id: string;
      admittedOn: string;
      decisionNumber: string | null;
      transferredIn: boolean;
      leftOn: string | null;
      leftReason: LeaveReason | null;
      leftNote: string | null;
    }>;
  };
};

export type UpdateStaffMutationVariables = Exact<{
  i: UpdateStaffInput;
}>;

export type UpdateStaffMutation = { updateStaff: { id: string; fullName: string } };

export type RecordMemberLeavingMutationVariables = Exact<{
  i: RecordMemberLeavingInput;
}>;

export type RecordMemberLeavingMutation = { recordMemberLeaving: { id: string; fullName: string; status: MemberStatus } };

export type TransferMemberMutationVariables = Exact<{
  i: TransferMemberInput;
}>;

export type TransferMemberMutation = { transferMember: { id: string; fullName: string; status: MemberStatus } };

export type GrassrootsUnionsQueryVariables = Exact<{
  u?: string | number | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type GrassrootsUnionsQuery = {
  grassrootsUnions: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      name: string;
      parentId: string | null;
      parentName: string | null;
      staffCount: number;
      membersCount: number;
      hasAccount: boolean;
    }>;
  };
};

export type CreateGrassrootsAccountMutationVariables = Exact<{
  i: CreateGrassrootsAccountInput;
}>;

export type CreateGrassrootsAccountMutation = { createGrassrootsAccount: { id: string; email: string; fullName: string } };

export type RegisterRowFragment = {
  id: string;
  name: string;
  taxCode: string;
  district: string | null;
  sector: string | null;
  ownership: Ownership | null;
  workerCount: number;
  surveyedOn: string | null;
  hasUnion: boolean;
  closedOn: string | null;
  updatedAt: string;
  orgUnit: { id: string; name: string };
  openCase: { id: string; stage: CaseStage } | null;
};

export type EnterpriseDetailFragment = {
  address: string | null;
  id: string;
  name: string;
  taxCode: string;
  district: string | null;
  sector: string | null;
  ownership: Ownership | null;
  workerCount: number;
  surveyedOn: string | null;
  hasUnion: boolean;
  closedOn: string | null;
  updatedAt: string;
  workerCountHistory: Array<{
    workerCount: number;
    countedOn: string;
    source: WorkerCountSource;
    note: string | null;
    recordedAt: string;
    recordedBy: { id: string; fullName: string } | null;
  }>;
  cases: Array<{
    id: string;
    stage: CaseStage;
    openedAt: string;
    stageDueOn: string | null;
    overdue: boolean;
    closedReason: CloseReason | null;
    closedFromStage: CaseStage | null;
    decidedOn: string | null;
    assignee: { id: string; fullName: string } | null;
  }>;
  orgUnit: { id: string; name: string };
  openCase: { id: string; stage: CaseStage } | null;
};

export type ImportFieldsFragment = {
  id: string;
  kind: string;
  fileName: string;
  status: RegisterImportStatus;
  sheetName: string | null;
  createdAt: string;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  refused: number;
  appliedRows: number;
  progress: number;
  error: string | null;
  orgUnit: { id: string; name: string };
  createdBy: { id: string; fullName: string };
};

export type RegisterQueryVariables = Exact<{
  f?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type RegisterQuery = {
  enterprises: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      name: string;
      taxCode: string;
      district: string | null;
      sector: string | null;
      ownership: Ownership | null;
      workerCount: number;
      surveyedOn: string | null;
      hasUnion: boolean;
      closedOn: string | null;
      updatedAt: string;
      orgUnit: { id: string; name: string };
      openCase: { id: string; stage: CaseStage } | null;
    }>;
  };
};

export type EnterpriseQueryVariables = Exact<{
  id: string | number;
}>;

export type EnterpriseQuery = {
  enterprise: {
    address: string | null;
    id: string;
    name: string;
    taxCode: string;
    district: string | null;
    sector: string | null;
    ownership: Ownership | null;
    workerCount: number;
    surveyedOn: string | null;
    hasUnion: boolean;
    closedOn: string | null;
    updatedAt: string;
    workerCountHistory: Array<{
      workerCount: number;
      countedOn: string;
      source: WorkerCountSource;
      note: string | null;
      recordedAt: string;
      recordedBy: { id: string; fullName: string } | null;
    }>;
    cases: Array<{
      id: string;
      stage: CaseStage;
      openedAt: string;
      stageDueOn: string | null;
      overdue: boolean;
      closedReason: CloseReason | null;
      closedFromStage: CaseStage | null;
      decidedOn: string | null;
      assignee: { id: string; fullName: string } | null;
    }>;
    orgUnit: { id: string; name: string };
    openCase: { id: string; stage: CaseStage } | null;
  };
};

export type CreateEnterpriseMutationVariables = Exact<{
  i: CreateEnterpriseInput;
}>;

export type CreateEnterpriseMutation = { createEnterprise: { id: string; name: string } };

export type UpdateEnterpriseMutationVariables = Exact<{
  i: UpdateEnterpriseInput;
}>;

export type UpdateEnterpriseMutation = { updateEnterprise: { id: string; updatedAt: string } };

export type CloseEnterpriseMutationVariables = Exact<{
  i: CloseEnterpriseInput;
}>;

export type CloseEnterpriseMutation = { closeEnterprise: { id: string; closedOn: string | null } };

export type ReopenEnterpriseMutationVariables = Exact<{
  id: string | number;
}>;

export type ReopenEnterpriseMutation = { reopenEnterprise: { id: string; closedOn: string | null } };

export type RegisterImportQueryVariables = Exact<{
  id: string | number;
  action?: ImportRowAction | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type RegisterImportQuery = {
  registerImport: {
    id: string;
    kind: string;
    fileName: string;
    status: RegisterImportStatus;
    sheetName: string | null;
    createdAt: string;
    totalRows: number;
    toCreate: number;
    toUpdate: number;
    unchanged: number;
    refused: number;
    appliedRows: number;
    progress: number;
    error: string | null;
    rows: {
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      nodes: Array<{
        rowNumber: number;
        action: ImportRowAction;
        taxCode: string | null;
        name: string | null;
        changedFields: Array<string>;
        applied: boolean;
        errors: Array<{ column: string | null; message: string }>;
      }>;
    };
    orgUnit: { id: string; name: string };
    createdBy: { id: string; fullName: string };
  };
};

export type RegisterImportStatusQueryVariables = Exact<{
  id: string | number;
}>;

export type RegisterImportStatusQuery = {
  registerImport: {
    id: string;
    kind: string;
    fileName: string;
    status: RegisterImportStatus;
    sheetName: string | null;
    createdAt: string;
    totalRows: number;
    toCreate: number;
    toUpdate: number;
    unchanged: number;
    refused: number;
    appliedRows: number;
    progress: number;
    error: string | null;
    orgUnit: { id: string; name: string };
    createdBy: { id: string; fullName: string };
  };
};

export type RegisterImportsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type RegisterImportsQuery = {
  registerImports: {
    totalCount: number;
    nodes: Array<{
      id: string;
      kind: string;
      fileName: string;
      status: RegisterImportStatus;
      sheetName: string | null;
      createdAt: string;
      totalRows: number;
      toCreate: number;
      toUpdate: number;
      unchanged: number;
      refused: number;
      appliedRows: number;
      progress: number;
      error: string | null;
      orgUnit: { id: string; name: string };
      createdBy: { id: string; fullName: string };
    }>;
  };
};

export type ConfirmRegisterImportMutationVariables = Exact<{
  id: string | number;
}>;

export type ConfirmRegisterImportMutation = {
  confirmRegisterImport: {
    id: string;
    kind: string;
    fileName: string;
    status: RegisterImportStatus;
    sheetName: string | null;
    createdAt: string;
    totalRows: number;
    toCreate: number;
    toUpdate: number;
    unchanged: number;
    refused: number;
    appliedRows: number;
    progress: number;
    error: string | null;
    orgUnit: { id: string; name: string };
    createdBy: { id: string; fullName: string };
  };
};

export type CancelRegisterImportMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelRegisterImportMutation = {
  cancelRegisterImport: {
    id: string;
    kind: string;
    fileName: string;
    status: RegisterImportStatus;
    sheetName: string | null;
    createdAt: string;
    totalRows: number;
    toCreate: number;
    toUpdate: number;
    unchanged: number;
    refused: number;
    appliedRows: number;
    progress: number;
    error: string | null;
    orgUnit: { id: string; name: string };
    createdBy: { id: string; fullName: string };
  };
};

export type SessionUserFragment = {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  orgUnit: { id: string; name: string; kind: OrgUnitKind; parent: { id: string; name: string } | null };
};

export type CaseCardFragment = {
  id: string;
  version: number;
  stage: CaseStage;
  stageDueOn: string | null;
  overdue: boolean;
  closedReason: CloseReason | null;
  enterprise: { id: string; name: string; workerCount: number; district: string | null; taxCode: string };
  assignee: { id: string; fullName: string } | null;
  orgUnit: { id: string; name: string };
};

export type CaseDetailFragment = {
  stageEnteredAt: string;
  openedAt: string;
  closedFromStage: CaseStage | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  dossierCompletedOn: string | null;
  id: string;
  version: number;
  stage: CaseStage;
  stageDueOn: string | null;
  overdue: boolean;
  closedReason: CloseReason | null;
  enterprise: {
    id: string;
    name: string;
    workerCount: number;
    district: string | null;
    taxCode: string;
    sector: string | null;
    address: string | null;
    ownership: Ownership | null;
    hasUnion: boolean;
    surveyedOn: string | null;
  };
  grassrootsUnion: { id: string; name: string } | null;
  evidence: Array<{ id: string; kind: string; stage: CaseStage; occurredOn: string; detailsJson: string; recordedAt: string }>;
  applications: Array<{
    id: string;
    fullName: string;
    status: ApplicationStatus;
    submittedOn: string;
    decidedOn: string | null;
    decisionNumber: string | null;
    rejectionReason: string | null;
    birthYear: number;
    gender: string;
    position: string;
    nationality: string;
    contractMonths: number | null;
  }>;
  history: Array<{
    from: CaseStage | null;
    to: CaseStage;
    at: string;
    comment: string | null;
    action: string;
    version: number;
    by: { id: string; fullName: string };
  }>;
  assignee: { id: string; fullName: string } | null;
  orgUnit: { id: string; name: string };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    orgUnit: { id: string; name: string; kind: OrgUnitKind; parent: { id: string; name: string } | null };
  };
};

export type UnitsQueryVariables = Exact<{ [key: string]: never }>;

export type UnitsQuery = { orgUnits: Array<{ id: string; name: string; kind: OrgUnitKind; parent: { id: string } | null }> };

export type UsersQueryVariables = Exact<{
  u?: string | number | null | undefined;
  r?: Role | null | undefined;
}>;

export type UsersQuery = { users: Array<{ id: string; fullName: string; email: string; role: Role; orgUnit: { id: string; name: string } }> };

export type CasesQueryVariables = Exact<{
  f?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type CasesQuery = {
  foundingCases: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      version: number;
      stage: CaseStage;
      stageDueOn: string | null;
      overdue: boolean;
      closedReason: CloseReason | null;
      enterprise: { id: string; name: string; workerCount: number; district: string | null; taxCode: string };
      assignee: { id: string; fullName: string } | null;
      orgUnit: { id: string; name: string };
    }>;
  };
};

export type CaseQueryVariables = Exact<{
  id: string | number;
}>;

export type CaseQuery = {
  foundingCase: {
    stageEnteredAt: string;
    openedAt: string;
    closedFromStage: CaseStage | null;
    decisionNumber: string | null;
    decidedOn: string | null;
    dossierCompletedOn: string | null;
    id: string;
    version: number;
    stage: CaseStage;
    stageDueOn: string | null;
    overdue: boolean;
    closedReason: CloseReason | null;
    enterprise: {
      id: string;
      name: string;
      workerCount: number;
      district: string | null;
      taxCode: string;
      sector: string | null;
      address: string | null;
      ownership: Ownership | null;
      hasUnion: boolean;
      surveyedOn: string | null;
    };
    grassrootsUnion: { id: string; name: string } | null;
    evidence: Array<{ id: string; kind: string; stage: CaseStage; occurredOn: string; detailsJson: string; recordedAt: string }>;
    applications: Array<{
      id: string;
      fullName: string;
      status: ApplicationStatus;
      submittedOn: string;
      decidedOn: string | null;
      decisionNumber: string | null;
      rejectionReason: string | null;
      birthYear: number;
      gender: string;
      position: string;
      nationality: string;
      contractMonths: number | null;
    }>;
    history: Array<{
      from: CaseStage | null;
      to: CaseStage;
      at: string;
      comment: string | null;
      action: string;
      version: number;
      by: { id: string; fullName: string };
    }>;
    assignee: { id: string; fullName: string } | null;
    orgUnit: { id: string; name: string };
  } | null;
};

export type PipelineQueryVariables = Exact<{
  u: string | number;
  y: number;
}>;

export type PipelineQuery = {
  pipeline: {
    year: number;
    orgUnit: { id: string; name: string };
    stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
    newMembers: { target: number | null; actual: number };
    newGrassrootsUnions: { target: number | null; actual: number };
    coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
  };
};

export type PickEnterprisesQueryVariables = Exact<{
  f?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
}>;

export type PickEnterprisesQuery = {
  enterprises: {
    totalCount: number;
    nodes: Array<{ id: string; name: string; taxCode: string; district: string | null; workerCount: number; orgUnit: { id: string; name: string } }>;
  };
};

export type ReportFieldsFragment = {
  id: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  status: ReportStatus;
  progress: number;
  createdAt: string;
  builtAt: string | null;
  xlsxUrl: string | null;
  csvUrl: string | null;
  orgUnit: { id: string; name: string };
};

export type FiguresFragment = {
  newMembers: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
  newGrassrootsUnions: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
  coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
  stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
};

export type ProgressFragment = { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };

export type ReportsQueryVariables = Exact<{
  u?: string | number | null | undefined;
}>;

export type ReportsQuery = {
  reports: Array<{
    id: string;
    periodKind: PeriodKind;
    periodStart: string;
    periodEnd: string;
    status: ReportStatus;
    progress: number;
    createdAt: string;
    builtAt: string | null;
    xlsxUrl: string | null;
    csvUrl: string | null;
    figures: {
      newMembers: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
      newGrassrootsUnions: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
      coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
      stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
    } | null;
    orgUnit: { id: string; name: string };
  }>;
};

export type ReportsByOfficerQueryVariables = Exact<{
  u?: string | number | null | undefined;
}>;

export type ReportsByOfficerQuery = {
  reports: Array<{
    id: string;
    periodKind: PeriodKind;
    periodStart: string;
    periodEnd: string;
    status: ReportStatus;
    progress: number;
    createdAt: string;
    builtAt: string | null;
    xlsxUrl: string | null;
    csvUrl: string | null;
    figures: {
      byOfficer: Array<{
        officerId: string;
        fullName: string;
        cases: number;
        openCases: number;
        overdueCases: number;
        recognitions: number;
        membersAdmitted: number;
        targetMembers: number | null;
        targetGrassrootsUnions: number | null;
      }> | null;
      newMembers: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
      newGrassrootsUnions: { target: number | null; actual: number; yearToDate: number | null; percentOfYearTarget: number | null };
      coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
      stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
    } | null;
    orgUnit: { id: string; name: string };
  }>;
};

export type RequestReportMutationVariables = Exact<{
  i: ReportInput;
}>;

export type RequestReportMutation = {
  requestReport: {
    id: string;
    periodKind: PeriodKind;
    periodStart: string;
    periodEnd: string;
    status: ReportStatus;
    progress: number;
    createdAt: string;
    builtAt: string | null;
    xlsxUrl: string | null;
    csvUrl: string | null;
    orgUnit: { id: string; name: string };
  };
};

export type NominationsQueryVariables = Exact<{
  u?: string | number | null | undefined;
  p?: string | null | undefined;
}>;

export type NominationsQuery = {
  rewardNominations: Array<{
    id: string;
    periodKind: PeriodKind;
    periodStart: string;
    nominee: string;
    score: number;
    basis: string;
    status: NominationStatus;
    officer: { id: string; fullName: string } | null;
    grassrootsUnion: { id: string; name: string } | null;
  }>;
};

export type DecideMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  note?: string | null | undefined;
}>;

export type DecideMutation = { decideNomination: { id: string; status: NominationStatus } };

export type EvaluateMutationVariables = Exact<{
  u: string | number;
  k: PeriodKind;
  p: string;
}>;

export type EvaluateMutation = { evaluateRewards: Array<{ id: string }> };

export type LoginMutationVariables = Exact<{
  e: string;
  p: string;
}>;

export type LoginMutation = {
  login: {
    accessToken: string;
    user: {
      id: string;
      email: string;
      fullName: string;
      role: Role;
      orgUnit: { id: string; name: string; kind: OrgUnitKind; parent: { id: string; name: string } | null };
    };
  };
};

export type SurveyMutationVariables = Exact<{
  i: SurveyInput;
}>;

export type SurveyMutation = { recordSurvey: { id: string; version: number; stage: CaseStage } };

export type OutreachMutationVariables = Exact<{
  i: OutreachInput;
}>;

export type OutreachMutation = { recordOutreach: { id: string; version: number; stage: CaseStage } };

export type CommitteeMutationVariables = Exact<{
  i: CommitteeInput;
}>;

export type CommitteeMutation = { formMobilizationCommittee: { id: string; version: number; stage: CaseStage } };

export type ApplyMutationVariables = Exact<{
  i: ApplicationInput;
}>;

export type ApplyMutation = { submitApplication: { id: string; fullName: string; status: ApplicationStatus } };

export type CongressMutationVariables = Exact<{
  i: CongressInput;
}>;

export type CongressMutation = { recordFoundingCongress: { id: string; version: number; stage: CaseStage } };

export type DecisionMutationVariables = Exact<{
  i: DecisionInput;
}>;

export type DecisionMutation = { recordRecognitionDecision: { id: string; version: number; stage: CaseStage } };

export type AdvanceMutationVariables = Exact<{
  i: AdvanceInput;
}>;

export type AdvanceMutation = { advanceFoundingCase: { id: string; version: number; stage: CaseStage } };

export type CloseMutationVariables = Exact<{
  i: CloseInput;
}>;

export type CloseMutation = { closeFoundingCase: { id: string; version: number; stage: CaseStage } };

export type ReopenMutationVariables = Exact<{
  i: ReopenInput;
}>;

export type ReopenMutation = { reopenFoundingCase: { id: string; version: number; stage: CaseStage } };

export type AssignMutationVariables = Exact<{
  i: AssignCaseInput;
}>;

export type AssignMutation = { assignFoundingCase: { id: string; version: number; stage: CaseStage; assignee: { id: string; fullName: string } | null } };

export type OpenMutationVariables = Exact<{
  i: OpenCaseInput;
}>;

export type OpenMutation = { openFoundingCase: { id: string } };

export type SetTargetMutationVariables = Exact<{
  i: TargetInput;
}>;

export type SetTargetMutation = { setTarget: boolean };
