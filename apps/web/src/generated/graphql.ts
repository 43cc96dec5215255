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

export type ActionItemInput = {
  assigneeId: string | number;
  dueOn: string;
  what: string;
};

export type ActionItemStatus = 'DONE' | 'OPEN';

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
  /** Empty: the CĐCS's register gives the number and the decision document is issued with the batch; a typed number may not have the register's form */
  decisionNumber?: string | null | undefined;
  grassrootsUnionId: string | number;
  /** People of the staff list to admit */
  memberIds?: Array<string | number> | null | undefined;
  /** Required with a typed number; else the signer of the CĐCS's document settings */
  signer?: string | null | undefined;
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

export type AssignMemberToUnionGroupInput = {
  memberId: string | number;
  /** Null: the member leaves its group */
  unionGroupId?: string | number | null | undefined;
};

export type AuditLogFilterInput = {
  /** Part of the actor's e-mail address */
  actor?: string | null | undefined;
  /** A table (e.g. enterprise): rows that changed a row of it */
  entity?: string | null | undefined;
  /** With or without entity: rows that changed the row of this id */
  entityId?: string | null | undefined;
  /** From this day (YYYY-MM-DD, Vietnam time), included */
  from?: string | null | undefined;
  /** A GraphQL mutation (e.g. updateEnterprise) or a route (e.g. GET /registers/enterprises.xlsx) */
  operation?: string | null | undefined;
  /** To this day (YYYY-MM-DD, Vietnam time), included */
  to?: string | null | undefined;
};

export type BudgetPlanLineInput = {
  amount: string;
  headingId: string | number;
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

/** Several days written at once (e.g. the Labour Code holidays of a year), in one transaction */
export type CalendarDaysInput = {
  /** At most 60 days, each once */
  days: Array<CalendarDayInput>;
};

export type CancelDocumentInput = {
  id: string | number;
  reason: string;
};

export type CancelReviewMeetingInput = {
  id: string | number;
  reason?: string | null | undefined;
};

export type CaseFilter = {
  assigneeId?: string | number | null | undefined;
  /** Part of the enterprise's district (also without diacritics): 'thai binh' finds 'Thành phố Thái Bình' */
  district?: string | null | undefined;
  orgUnitId?: string | number | null | undefined;
  overdue?: boolean | null | undefined;
  /** The enterprise's name (also without diacritics) or the start of its tax code */
  search?: string | null | undefined;
  stage?: CaseStage | null | undefined;
};

export { CaseStage };

/** A unit's level one step up (upgradeOrgUnit) or down (downgradeOrgUnit) from a day */
export type ChangeOrgUnitLevelInput = {
  /** The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025" */
  decisionReference: string;
  /** The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day */
  effectiveOn: string;
  id: string | number;
  /** A new parent from the same day (one that may hold the new level) */
  newParentId?: string | number | null | undefined;
};

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
  /** How the employer is financed */
  fundingType?: FundingType | null | undefined;
  /** The day fundingType holds from (default today) */
  fundingTypeFrom?: string | null | undefined;
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
  /** The day it was founded (not after today, not before 28/07/1929); default today */
  establishedOn?: string | null | undefined;
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

export type DecideApplicationInput = {
  admit: boolean;
  applicationId: string | number;
  decidedOn: string;
  decisionNumber?: string | null | undefined;
  reason?: string | null | undefined;
};

export type DecisionInput = {
  caseId: string | number;
  decidedOn: string;
  decisionNumber: string;
  expectedVersion: number;
  grassrootsUnionName: string;
  signedBy: string;
};

export type DissolveOrgUnitInput = {
  /** The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025" */
  decisionReference: string;
  /** The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day */
  effectiveOn: string;
  id: string | number;
  officers?: OfficersOnDissolve | null | undefined;
  targets?: TargetsOnDissolve | null | undefined;
  /** Receives its child units, enterprises, open cases, accounts and this year target; without it the call is refused when any would be left behind */
  transferTo?: string | number | null | undefined;
};

/** The official documents the product issues (docs/architecture.md#official-documents) */
export type DocumentKind = 'ADMISSION_DECISION' | 'PERIOD_REPORT' | 'PLAN' | 'RECOGNITION_DECISION' | 'REVIEW_CONCLUSION';

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

/** How an employer is financed (public service units by Nghị định 60/2021/NĐ-CP); STATE_BUDGET_FULL: its staff may not be admitted */
export type FundingType = 'NON_STATE' | 'SELF_FINANCED_FULL' | 'SELF_FINANCED_RECURRENT' | 'STATE_BUDGET_FULL' | 'STATE_BUDGET_PARTIAL';

export type HoldReviewMeetingInput = {
  actionItems: Array<ActionItemInput>;
  id: string | number;
  minutes: string;
};

export type ImportRowAction = 'CREATE' | 'REFUSED' | 'UNCHANGED' | 'UPDATE';

/** Issue an official document: it takes the next number of the issuing unit's register and is built by the worker */
export type IssueDocumentInput = {
  /** PERIOD_REPORT: difficulties, as the supervisor writes them */
  difficulties?: string | null | undefined;
  /** Default today (an admission decision: the batch's day, the only one allowed); not before the last day in the register */
  issuedOn?: string | null | undefined;
  kind: DocumentKind;
  /** PERIOD_REPORT: proposals */
  proposals?: string | null | undefined;
  /** The founding case (RECOGNITION_DECISION), admission decision (ADMISSION_DECISION), report (PERIOD_REPORT), plan version (PLAN) or held review meeting (REVIEW_CONCLUSION) */
  sourceId: string | number;
};

export type LabourContractKind = 'FIXED_TERM' | 'INDEFINITE' | 'OTHER';

/** How late a case is today, from its days (not from the stored level) */
export type LateStatus = 'CRITICAL' | 'DUE_SOON' | 'LEFT_STAGE' | 'ON_TIME' | 'OVERDUE';

/** Why a membership ended; TRANSFERRED: it goes on in another CĐCS */
export type LeaveReason = 'DIED' | 'DISSOLVED' | 'EXPELLED' | 'LEFT_JOB' | 'PAUSED' | 'TRANSFERRED' | 'WITHDREW';

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

/** DAY_OF_MONTH: that day (moved to the next working day, or back when none is left in the month); or the first / last working day */
export type MonthlyMeetingRule = 'DAY_OF_MONTH' | 'FIRST_WORKING_DAY' | 'LAST_WORKING_DAY';

export type MoveOrgUnitInput = {
  /** The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025" */
  decisionReference: string;
  /** The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day */
  effectiveOn: string;
  id: string | number;
  newParentId: string | number;
};

export type NominationStatus = 'APPROVED' | 'PROPOSED' | 'REJECTED';

/** MOVE to the receiving unit, or DEACTIVATE (an ADMIN account always moves) */
export type OfficersOnDissolve = 'DEACTIVATE' | 'MOVE';

export type OpenCaseInput = {
  assigneeId?: string | number | null | undefined;
  enterpriseId: string | number;
};

/** The Charter's kinds of change to the union's structure */
export type OrgChangeKind = 'CONSOLIDATE' | 'DISSOLVE' | 'DOWNGRADE' | 'FOUND' | 'MERGE' | 'MOVE' | 'RECEIVE' | 'RENAME' | 'SPLIT' | 'TRANSFER_OUT' | 'UPGRADE';

export type OrgChangeStatus = 'APPLIED' | 'CANCELLED' | 'FAILED' | 'SCHEDULED';

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

/** PENDING: no outcome yet (an open recommendation); ADMITTED: được kết nạp */
export type PartyOutcome = 'ADMITTED' | 'NOT_ADMITTED' | 'PENDING';

export type PeriodKind = 'HALF_YEAR' | 'MONTH' | 'QUARTER' | 'YEAR';

export type PlanAssignmentInput = {
  duty: string;
  newGrassrootsUnions?: number | null | undefined;
  newMembers?: number | null | undefined;
  officerId: string | number;
};

/** A preview takes no number: from a source, or a sample of the kind for a unit with settings as typed */
export type PreviewDocumentInput = {
  difficulties?: string | null | undefined;
  kind: DocumentKind;
  orgUnitId?: string | number | null | undefined;
  proposals?: string | null | undefined;
  settings?: DocumentSettingsInput | null | undefined;
  sourceId?: string | number | null | undefined;
};

export type RecommendMembersToPartyInput = {
  grassrootsUnionId: string | number;
  /** Active members of the CĐCS (Member ids), none with an open recommendation */
  memberIds: Array<string | number>;
  note?: string | null | undefined;
  resolutionNumber: string;
  resolutionOn: string;
};

export type RecordBudgetEntryInput = {
  amount: string;
  /** The founding case the spending served */
  caseId?: string | number | null | undefined;
  /** The new CĐCS the spending served */
  grassrootsUnionId?: string | number | null | undefined;
  headingId: string | number;
  note?: string | null | undefined;
  orgUnitId: string | number;
  spentOn: string;
  voucherNumber: string;
};

export type RecordMemberLeavingInput = {
  leftOn: string;
  memberId: string | number;
  note?: string | null | undefined;
  /** Not TRANSFERRED: a transfer is recorded by the receiving CĐCS with transferMember */
  reason: LeaveReason;
};

export type RecordPartyAdmissionInput = {
  /** True: admitted to the Party (được kết nạp) on decidedOn; false: not admitted */
  admitted: boolean;
  decidedOn: string;
  memberId: string | number;
  note?: string | null | undefined;
  recommendationId: string | number;
};

export type RecordUpperLevelMemberLeavingInput = {
  leftOn: string;
  /** The UpperLevelMember id */
  memberId: string | number;
  note?: string | null | undefined;
  /** Not TRANSFERRED: a transfer to a CĐCS is transferUpperLevelMember */
  reason: LeaveReason;
};

export type RegisterImportStatus = 'APPLIED' | 'APPLYING' | 'CANCELLED' | 'FAILED' | 'VALIDATED';

export type RenameOrgUnitInput = {
  /** The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025" */
  decisionReference: string;
  /** The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day */
  effectiveOn: string;
  id: string | number;
  name: string;
};

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

/** A CĐCS's return for a period: its status, NOT_SUBMITTED before the due day, MISSING after it (never submitted) */
export type ReturnBoardState = 'ACCEPTED' | 'MISSING' | 'NOT_SUBMITTED' | 'SENT_BACK' | 'SUBMITTED';

export type ReturnFiguresInput = {
  /** Admitted in the period (not transfers in) */
  admitted: number;
  leftDied: number;
  /** Omitted: the register's value (set by a dissolution, not typed) */
  leftDissolved?: number | null | undefined;
  leftExpelled: number;
  leftJob: number;
  leftPaused: number;
  leftTransferred: number;
  leftWithdrew: number;
  membersAtEnd: number;
  membersAtStart: number;
  /** Omitted: the register's value */
  partyAdmitted?: number | null | undefined;
  /** Omitted: the register's value */
  partyRecommended?: number | null | undefined;
  staffNotMembers: number;
  transferredIn: number;
  /** Omitted: the register's value; null: no union groups kept */
  unionGroups?: number | null | undefined;
  womenMembers: number;
};

/** HALF_YEAR: figures as at 31/5; YEAR: as at 30/11 (QĐ 1454/QĐ-TLĐ; configurable) */
export type ReturnPeriodKind = 'HALF_YEAR' | 'YEAR';

export type ReturnStatus = 'ACCEPTED' | 'DRAFT' | 'SENT_BACK' | 'SUBMITTED';

export type ReverseBudgetEntryInput = {
  entryId: string | number;
  reason: string;
  /** The reversing voucher's number; default the entry's */
  voucherNumber?: string | null | undefined;
};

export type ReviewMeetingStatus = 'CANCELLED' | 'HELD' | 'SCHEDULED';

export type Role = 'ADMIN' | 'GRASSROOTS' | 'OFFICER' | 'SUPERVISOR';

export type SaveBudgetHeadingInput = {
  active?: boolean | null | undefined;
  /** Absent: a new heading */
  id?: string | number | null | undefined;
  name: string;
  orgUnitId: string | number;
  position?: number | null | undefined;
};

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

export type SaveOfficerAreaInput = {
  /** Districts or communes, as the register writes them */
  districts?: Array<string> | null | undefined;
  enterpriseIds?: Array<string | number> | null | undefined;
  officerId: string | number;
  /** May overlap other shared areas */
  shared?: boolean | null | undefined;
};

export type SavePlanInput = {
  assignments?: Array<PlanAssignmentInput> | null | undefined;
  /** The version read (0: none yet); a newer one saved meanwhile answers CONFLICT */
  baseVersion?: number | null | undefined;
  coveragePercent?: number | null | undefined;
  issuedOn: string;
  newGrassrootsUnions?: number | null | undefined;
  newMembers?: number | null | undefined;
  /** e.g. "256/KH-CĐYT" */
  number: string;
  orgUnitId: string | number;
  title: string;
  year: number;
};

export type SaveStatisticsReturnInput = {
  figures: ReturnFiguresInput;
  grassrootsUnionId: string | number;
  kind: ReturnPeriodKind;
  /** Required when the figures differ from the register's */
  note?: string | null | undefined;
  /** 0 for a return not saved yet */
  version: number;
  year: number;
};

/** A unit’s own settings; a field left out keeps the value in force */
export type SaveStatisticsReturnSettingsInput = {
  /** 1 to 60 */
  dueWorkingDays?: number | null | undefined;
  /** MM-DD */
  halfYearDay?: string | null | undefined;
  /** True: drop the unit's own settings and take its ancestors' (or the defaults) again */
  inherit?: boolean | null | undefined;
  orgUnitId: string | number;
  /** 0 to 30, fewer than dueWorkingDays */
  reminderWorkingDays?: number | null | undefined;
  /** MM-DD, after the half-year day */
  yearDay?: string | null | undefined;
};

export type SaveUnionGroupInput = {
  grassrootsUnionId: string | number;
  /** Absent: a new group */
  id?: string | number | null | undefined;
  /** An active member of the CĐCS; it joins the group */
  leaderMemberId?: string | number | null | undefined;
  name: string;
};

export type ScheduleMonthlyReviewMeetingsInput = {
  chairId: string | number;
  /** 1–31, with DAY_OF_MONTH */
  dayOfMonth?: number | null | undefined;
  orgUnitId: string | number;
  /** Default DAY_OF_MONTH */
  rule?: MonthlyMeetingRule | null | undefined;
  title?: string | null | undefined;
  year: number;
};

export type ScheduleReviewMeetingInput = {
  chairId: string | number;
  day: string;
  orgUnitId: string | number;
  title?: string | null | undefined;
};

export type SendBackStatisticsReturnInput = {
  id: string | number;
  reason: string;
  version: number;
};

export type SetBudgetPlanInput = {
  lines: Array<BudgetPlanLineInput>;
  orgUnitId: string | number;
  year: number;
};

export type SetGrassrootsEmployerInput = {
  /** An enterprise of the register the caller sees; null clears the employer */
  enterpriseId?: string | number | null | undefined;
  grassrootsUnionId: string | number;
};

export type Sex = 'FEMALE' | 'MALE';

/** How to read the values: a count, a percentage, or whole đồng */
export type SnapshotChangeKind = 'COUNT' | 'MONEY' | 'PERCENT';

export type SplitOrgUnitInput = {
  /** The decision it follows, e.g. "Quyết định số 125/QĐ-LĐLĐ ngày 28/02/2025" */
  decisionReference: string;
  /** The first day the change holds (Asia/Ho_Chi_Minh): today or earlier applies at once (at most 31 days back, never into a closed month), a later day is applied by the worker at the start of that day */
  effectiveOn: string;
  id: string | number;
  /** false (chia tách): the unit is dissolved and whatever no part lists (units, enterprises, open cases, accounts, this year target) goes to the first part; true (tách): the unit goes on with the rest */
  keepOriginal?: boolean | null | undefined;
  /** Accounts no part lists, when the unit is dissolved */
  officers?: OfficersOnDissolve | null | undefined;
  /** The new units founded that day (at least two, or one with keepOriginal), at most 20 */
  parts: Array<SplitPartInput>;
  /** This year target, when the unit is dissolved */
  targets?: TargetsOnDissolve | null | undefined;
};

/** One new unit of a split and what it takes from the split unit (its kind and parent default to the split unit's) */
export type SplitPartInput = {
  /** Child units of the split unit that move under this one */
  childIds?: Array<string | number>;
  /** Enterprises of the split unit that move here, their open founding cases with them */
  enterpriseIds?: Array<string | number>;
  kind?: OrgUnitKind | null | undefined;
  name: string;
  parentId?: string | number | null | undefined;
  /** Accounts of the split unit that move here */
  userIds?: Array<string | number>;
};

export type StatisticsReturnVersionInput = {
  id: string | number;
  version: number;
};

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
  /** Left out: the saved target is kept; null: cleared */
  coveragePercent?: number | null | undefined;
  /** Left out: the saved target is kept; null: cleared */
  newGrassrootsUnions?: number | null | undefined;
  /** Left out: the saved target is kept; null: cleared */
  newMembers?: number | null | undefined;
  officerId?: string | number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  year: number;
};

/** MOVE: added to the receiver's year target; CLOSE: closed */
export type TargetsOnDissolve = 'CLOSE' | 'MOVE';

export type TransferMemberInput = {
  /** The person on the receiving CĐCS's staff list; its citizen id finds the membership that ends */
  memberId: string | number;
  note?: string | null | undefined;
  transferredOn: string;
};

export type TransferUpperLevelMemberInput = {
  /** The receiving CĐCS, in the upper-level union's subtree */
  grassrootsUnionId: string | number;
  /** The UpperLevelMember id */
  memberId: string | number;
  note?: string | null | undefined;
  transferredOn: string;
};

/** Only the fields given change (one UPDATE of those columns): a concurrent edit of other fields is kept */
export type UpdateEnterpriseInput = {
  address?: string | null | undefined;
  district?: string | null | undefined;
  /** A funding type holding from fundingTypeFrom (kept in fundingTypeHistory) */
  fundingType?: FundingType | null | undefined;
  /** The day fundingType holds from (default today; not before the current one's) */
  fundingTypeFrom?: string | null | undefined;
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
  /** A correction of the founding day; absent: kept */
  establishedOn?: string | null | undefined;
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
  establishedOn: string;
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
    establishedOn: string;
    parent: { id: string } | null;
    headFigures: { enterprises25Plus: number; withUnion: number; openCases: number; overdueCases: number; activeUsers: number; childCount: number };
  }>;
};

export type OrgLinesQueryVariables = Exact<{ [key: string]: never }>;

export type OrgLinesQuery = { orgUnitTree: Array<{ id: string; name: string; kind: OrgUnitKind; dissolvedAt: string | null; parent: { id: string } | null }> };

export type CreateOrgUnitMutationVariables = Exact<{
  i: CreateOrgUnitInput;
}>;

export type CreateOrgUnitMutation = { createOrgUnit: { id: string; name: string; kind: OrgUnitKind; establishedOn: string } };

export type RenameOrgUnitMutationVariables = Exact<{
  i: UpdateOrgUnitInput;
}>;

export type RenameOrgUnitMutation = { updateOrgUnit: { id: string; name: string; establishedOn: string } };

export type AuditLogQueryVariables = Exact<{
  f?: AuditLogFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AuditLogQuery = {
  auditLog: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      at: string;
      actorEmail: string | null;
      actorRole: string | null;
      ip: string | null;
      operation: string;
      entity: string | null;
      entityId: string | null;
      outcome: string;
      changes: Array<{
        table: string;
        op: string;
        rowId: string | null;
        fields: Array<{ field: string; before: string | null; after: string | null; beforeLabel: string | null; afterLabel: string | null }>;
      }>;
    }>;
  };
};

export type CalendarDayRowFragment = { day: string; kind: CalendarDayKind; note: string | null; document: string | null };

export type MovedCaseRowFragment = {
  before: string;
  after: string;
  case: {
    id: string;
    stage: CaseStage;
    enterprise: { id: string; name: string; taxCode: string };
    orgUnit: { id: string; name: string };
    assignee: { id: string; fullName: string } | null;
  };
};

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

export type CalendarDaysChangeViewFragment = {
  changedDayCount: number;
  movedCaseCount: number;
  movedApplicationCount: number;
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

export type SaveCalendarDaysMutationVariables = Exact<{
  i: CalendarDaysInput;
}>;

export type SaveCalendarDaysMutation = {
  saveCalendarDays: {
    changedDayCount: number;
    movedCaseCount: number;
    movedApplicationCount: number;
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

export type CalendarWarningsQueryVariables = Exact<{ [key: string]: never }>;

export type CalendarWarningsQuery = { calendarWarnings: Array<{ year: number; holdsDueDays: boolean; message: string }> };

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

export type CancelDocumentMutationVariables = Exact<{
  i: CancelDocumentInput;
}>;

export type CancelDocumentMutation = {
  cancelDocument: {
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
      transferredFromName: string | null;
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
      employerId: string | null;
      employerName: string | null;
      employerFromCase: boolean;
    }>;
  };
};

export type SetGrassrootsEmployerMutationVariables = Exact<{
  i: SetGrassrootsEmployerInput;
}>;

export type SetGrassrootsEmployerMutation = {
  setGrassrootsEmployer: { id: string; employerId: string | null; employerName: string | null; employerFromCase: boolean };
};

export type MembershipApplicationsQueryVariables = Exact<{
  g: string | number;
  s?: ApplicationStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type MembershipApplicationsQuery = {
  membershipApplications: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      fullName: string;
      birthYear: number;
      gender: string;
      position: string;
      status: ApplicationStatus;
      submittedOn: string;
      dueOn: string | null;
      decidedOn: string | null;
      decisionNumber: string | null;
      rejectionReason: string | null;
    }>;
  };
};

export type RejectApplicationMutationVariables = Exact<{
  i: DecideApplicationInput;
}>;

export type RejectApplicationMutation = { decideApplication: { id: string; fullName: string; status: ApplicationStatus; rejectionReason: string | null } };

export type UpperLevelApplicationsQueryVariables = Exact<{
  u: string | number;
  s?: ApplicationStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type UpperLevelApplicationsQuery = {
  upperLevelApplications: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      fullName: string;
      birthYear: number;
      gender: string;
      position: string;
      status: ApplicationStatus;
      submittedOn: string;
      dueOn: string | null;
      decidedOn: string | null;
      decisionNumber: string | null;
      rejectionReason: string | null;
    }>;
  };
};

export type AdmitApplicationMutationVariables = Exact<{
  i: DecideApplicationInput;
}>;

export type AdmitApplicationMutation = {
  decideApplication: { id: string; fullName: string; status: ApplicationStatus; decisionNumber: string | null; decidedOn: string | null };
};

export type UpperLevelMembersQueryVariables = Exact<{
  u: string | number;
  f?: MemberFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type UpperLevelMembersQuery = {
  upperLevelMembers: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      fullName: string;
      citizenId: string | null;
      birthYear: number;
      sex: Sex;
      position: string | null;
      status: MemberStatus;
      admittedOn: string;
      decisionNumber: string | null;
      leftOn: string | null;
      leftReason: LeaveReason | null;
      leftNote: string | null;
    }>;
  };
};

export type RecordUpperLevelMemberLeavingMutationVariables = Exact<{
  i: RecordUpperLevelMemberLeavingInput;
}>;

export type RecordUpperLevelMemberLeavingMutation = { recordUpperLevelMemberLeaving: { id: string; fullName: string; status: MemberStatus } };

export type TransferUpperLevelMemberMutationVariables = Exact<{
  i: TransferUpperLevelMemberInput;
}>;

export type TransferUpperLevelMemberMutation = { transferUpperLevelMember: { id: string; fullName: string; status: MemberStatus; leftNote: string | null } };

export type AdmissionDecisionsQueryVariables = Exact<{
  g: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type AdmissionDecisionsQuery = {
  admissionDecisions: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{ id: string; number: string; decidedOn: string; signer: string; membersCount: number; members: Array<{ id: string; fullName: string }> }>;
  };
};

export type CreateGrassrootsAccountMutationVariables = Exact<{
  i: CreateGrassrootsAccountInput;
}>;

export type CreateGrassrootsAccountMutation = { createGrassrootsAccount: { id: string; email: string; fullName: string } };

export type ActiveMembersQueryVariables = Exact<{
  g: string | number;
}>;

export type ActiveMembersQuery = { members: { totalCount: number; nodes: Array<{ id: string; fullName: string }> } };

export type PartyRecommendationsQueryVariables = Exact<{
  g: string | number;
  y?: number | null | undefined;
}>;

export type PartyRecommendationsQuery = {
  partyRecommendations: Array<{
    id: string;
    resolutionNumber: string;
    resolutionOn: string;
    note: string | null;
    members: Array<{ memberId: string; fullName: string; outcome: PartyOutcome; decidedOn: string | null; note: string | null }>;
  }>;
};

export type RecommendMembersToPartyMutationVariables = Exact<{
  i: RecommendMembersToPartyInput;
}>;

export type RecommendMembersToPartyMutation = { recommendMembersToParty: { id: string; resolutionNumber: string; members: Array<{ memberId: string }> } };

export type RecordPartyAdmissionMutationVariables = Exact<{
  i: RecordPartyAdmissionInput;
}>;

export type RecordPartyAdmissionMutation = { recordPartyAdmission: { id: string } };

export type UnionGroupsQueryVariables = Exact<{
  g: string | number;
}>;

export type UnionGroupsQuery = {
  unionGroups: Array<{ id: string; name: string; leaderMemberId: string | null; leaderName: string | null; members: Array<{ id: string; fullName: string }> }>;
};

export type SaveUnionGroupMutationVariables = Exact<{
  i: SaveUnionGroupInput;
}>;

export type SaveUnionGroupMutation = { saveUnionGroup: { id: string; name: string } };

export type RemoveUnionGroupMutationVariables = Exact<{
  id: string | number;
}>;

export type RemoveUnionGroupMutation = { removeUnionGroup: boolean };

export type AssignMemberToUnionGroupMutationVariables = Exact<{
  i: AssignMemberToUnionGroupInput;
}>;

export type AssignMemberToUnionGroupMutation = { assignMemberToUnionGroup: { id: string; fullName: string } };

export type MeetingSnapshotFieldsFragment = {
  asOf: string;
  unitName: string;
  openCases: number;
  overdueCases: number;
  budgetSpent: string | null;
  newMembers: { target: number | null; yearToDate: number | null };
  newGrassrootsUnions: { target: number | null; yearToDate: number | null };
  coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
  stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
  overdueCaseList: Array<{
    caseId: string;
    enterpriseName: string;
    stage: CaseStage;
    stageDueOn: string;
    assigneeName: string | null;
    daysLate: number | null;
  }>;
  officers: Array<{
    officerId: string;
    fullName: string;
    openCases: number;
    overdueCases: number;
    recognitions: number;
    membersAdmitted: number;
    targetMembers: number | null;
    targetGrassrootsUnions: number | null;
    budgetSpent: string | null;
  }>;
};

export type ReviewMeetingsQueryVariables = Exact<{
  u: string | number;
  y: number;
}>;

export type ReviewMeetingsQuery = {
  reviewMeetings: Array<{ id: string; day: string; title: string | null; status: ReviewMeetingStatus; chairName: string; heldAt: string | null }>;
};

export type ReviewMeetingQueryVariables = Exact<{
  id: string | number;
}>;

export type ReviewMeetingQuery = {
  reviewMeeting: {
    id: string;
    orgUnitId: string;
    orgUnitName: string;
    day: string;
    title: string | null;
    status: ReviewMeetingStatus;
    chairName: string;
    minutes: string | null;
    heldAt: string | null;
    cancelReason: string | null;
    snapshot: {
      asOf: string;
      unitName: string;
      openCases: number;
      overdueCases: number;
      budgetSpent: string | null;
      newMembers: { target: number | null; yearToDate: number | null };
      newGrassrootsUnions: { target: number | null; yearToDate: number | null };
      coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
      stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
      overdueCaseList: Array<{
        caseId: string;
        enterpriseName: string;
        stage: CaseStage;
        stageDueOn: string;
        assigneeName: string | null;
        daysLate: number | null;
      }>;
      officers: Array<{
        officerId: string;
        fullName: string;
        openCases: number;
        overdueCases: number;
        recognitions: number;
        membersAdmitted: number;
        targetMembers: number | null;
        targetGrassrootsUnions: number | null;
        budgetSpent: string | null;
      }>;
    } | null;
    previous: {
      id: string;
      day: string;
      snapshot: {
        asOf: string;
        unitName: string;
        openCases: number;
        overdueCases: number;
        budgetSpent: string | null;
        newMembers: { target: number | null; yearToDate: number | null };
        newGrassrootsUnions: { target: number | null; yearToDate: number | null };
        coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
        stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
        overdueCaseList: Array<{
          caseId: string;
          enterpriseName: string;
          stage: CaseStage;
          stageDueOn: string;
          assigneeName: string | null;
          daysLate: number | null;
        }>;
        officers: Array<{
          officerId: string;
          fullName: string;
          openCases: number;
          overdueCases: number;
          recognitions: number;
          membersAdmitted: number;
          targetMembers: number | null;
          targetGrassrootsUnions: number | null;
          budgetSpent: string | null;
        }>;
      } | null;
    } | null;
    changeSincePrevious: Array<{
      officerId: string | null;
      fullName: string | null;
      indicator: string;
      label: string;
      kind: SnapshotChangeKind;
      previous: string | null;
      current: string | null;
      change: string | null;
    }>;
    actionItems: Array<{
      id: string;
      position: number;
      what: string;
      assigneeId: string;
      assigneeName: string;
      dueOn: string;
      status: ActionItemStatus;
      completedAt: string | null;
      escalationLevel: EscalationLevel | null;
      lateness: { status: LateStatus; label: string };
    }>;
  };
};

export type ScheduleMeetingMutationVariables = Exact<{
  i: ScheduleReviewMeetingInput;
}>;

export type ScheduleMeetingMutation = { scheduleReviewMeeting: { id: string; day: string } };

export type ScheduleMonthlyMeetingsMutationVariables = Exact<{
  i: ScheduleMonthlyReviewMeetingsInput;
}>;

export type ScheduleMonthlyMeetingsMutation = { scheduleMonthlyReviewMeetings: Array<{ id: string; day: string }> };

export type CancelMeetingMutationVariables = Exact<{
  i: CancelReviewMeetingInput;
}>;

export type CancelMeetingMutation = { cancelReviewMeeting: { id: string; status: ReviewMeetingStatus } };

export type HoldMeetingMutationVariables = Exact<{
  i: HoldReviewMeetingInput;
}>;

export type HoldMeetingMutation = { holdReviewMeeting: { id: string; status: ReviewMeetingStatus } };

export type CompleteActionItemMutationVariables = Exact<{
  id: string | number;
}>;

export type CompleteActionItemMutation = { completeActionItem: { id: string; status: ActionItemStatus } };

export type PlanViewFragment = {
  id: string;
  year: number;
  version: number;
  latest: boolean;
  number: string;
  issuedOn: string;
  title: string;
  newMembers: number | null;
  newGrassrootsUnions: number | null;
  coveragePercent: number | null;
  savedAt: string;
  savedBy: { id: string; fullName: string } | null;
  assignments: Array<{ officerId: string; officerName: string; duty: string; newMembers: number | null; newGrassrootsUnions: number | null }>;
};

export type AreaViewFragment = {
  officerId: string;
  officerName: string;
  shared: boolean;
  districts: Array<string>;
  enterpriseCount: number;
  focus: number;
  focusWithUnion: number;
  coveragePercent: number | null;
  enterprises: Array<{ id: string; name: string; district: string | null; workerCount: number; hasUnion: boolean }>;
};

export type HeadingTotalsFragment = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  planned: string | null;
  spent: string;
  spentPercent: string | null;
  overPlan: boolean;
};

export type EntryRowFragment = {
  id: string;
  headingId: string;
  headingName: string;
  spentOn: string;
  amount: string;
  voucherNumber: string;
  note: string | null;
  reversesId: string | null;
  reversedById: string | null;
  recordedAt: string;
  recordedBy: { id: string; fullName: string } | null;
};

export type PlanQueryVariables = Exact<{
  u: string | number;
  y: number;
}>;

export type PlanQuery = {
  plan: {
    id: string;
    year: number;
    version: number;
    latest: boolean;
    number: string;
    issuedOn: string;
    title: string;
    newMembers: number | null;
    newGrassrootsUnions: number | null;
    coveragePercent: number | null;
    savedAt: string;
    savedBy: { id: string; fullName: string } | null;
    assignments: Array<{ officerId: string; officerName: string; duty: string; newMembers: number | null; newGrassrootsUnions: number | null }>;
  } | null;
  planVersions: Array<{
    id: string;
    year: number;
    version: number;
    latest: boolean;
    number: string;
    issuedOn: string;
    title: string;
    newMembers: number | null;
    newGrassrootsUnions: number | null;
    coveragePercent: number | null;
    savedAt: string;
    savedBy: { id: string; fullName: string } | null;
    assignments: Array<{ officerId: string; officerName: string; duty: string; newMembers: number | null; newGrassrootsUnions: number | null }>;
  }>;
};

export type SavePlanMutationVariables = Exact<{
  i: SavePlanInput;
}>;

export type SavePlanMutation = {
  savePlan: {
    id: string;
    year: number;
    version: number;
    latest: boolean;
    number: string;
    issuedOn: string;
    title: string;
    newMembers: number | null;
    newGrassrootsUnions: number | null;
    coveragePercent: number | null;
    savedAt: string;
    savedBy: { id: string; fullName: string } | null;
    assignments: Array<{ officerId: string; officerName: string; duty: string; newMembers: number | null; newGrassrootsUnions: number | null }>;
  };
};

export type OfficerAreasQueryVariables = Exact<{
  u: string | number;
}>;

export type OfficerAreasQuery = {
  officerAreas: Array<{
    officerId: string;
    officerName: string;
    shared: boolean;
    districts: Array<string>;
    enterpriseCount: number;
    focus: number;
    focusWithUnion: number;
    coveragePercent: number | null;
    enterprises: Array<{ id: string; name: string; district: string | null; workerCount: number; hasUnion: boolean }>;
  }>;
};

export type SaveOfficerAreaMutationVariables = Exact<{
  i: SaveOfficerAreaInput;
}>;

export type SaveOfficerAreaMutation = {
  saveOfficerArea: {
    officerId: string;
    officerName: string;
    shared: boolean;
    districts: Array<string>;
    enterpriseCount: number;
    focus: number;
    focusWithUnion: number;
    coveragePercent: number | null;
    enterprises: Array<{ id: string; name: string; district: string | null; workerCount: number; hasUnion: boolean }>;
  };
};

export type BudgetQueryVariables = Exact<{
  u: string | number;
  y: number;
}>;

export type BudgetQuery = {
  budget: {
    orgUnitId: string;
    year: number;
    planned: string;
    spent: string;
    spentPercent: string | null;
    yearElapsedPercent: string;
    newMembers: number;
    newGrassrootsUnions: number;
    costPerNewMember: string | null;
    costPerNewGrassrootsUnion: string | null;
    headings: Array<{
      id: string;
      name: string;
      position: number;
      active: boolean;
      planned: string | null;
      spent: string;
      spentPercent: string | null;
      overPlan: boolean;
    }>;
    entries: Array<{
      id: string;
      headingId: string;
      headingName: string;
      spentOn: string;
      amount: string;
      voucherNumber: string;
      note: string | null;
      reversesId: string | null;
      reversedById: string | null;
      recordedAt: string;
      recordedBy: { id: string; fullName: string } | null;
    }>;
  };
};

export type SetBudgetPlanMutationVariables = Exact<{
  i: SetBudgetPlanInput;
}>;

export type SetBudgetPlanMutation = { setBudgetPlan: { planned: string } };

export type SaveBudgetHeadingMutationVariables = Exact<{
  i: SaveBudgetHeadingInput;
}>;

export type SaveBudgetHeadingMutation = { saveBudgetHeading: { id: string; name: string } };

export type RecordBudgetEntryMutationVariables = Exact<{
  i: RecordBudgetEntryInput;
}>;

export type RecordBudgetEntryMutation = {
  recordBudgetEntry: {
    warning: string | null;
    entry: {
      id: string;
      headingId: string;
      headingName: string;
      spentOn: string;
      amount: string;
      voucherNumber: string;
      note: string | null;
      reversesId: string | null;
      reversedById: string | null;
      recordedAt: string;
      recordedBy: { id: string; fullName: string } | null;
    };
    heading: {
      id: string;
      name: string;
      position: number;
      active: boolean;
      planned: string | null;
      spent: string;
      spentPercent: string | null;
      overPlan: boolean;
    };
  };
};

export type ReverseBudgetEntryMutationVariables = Exact<{
  i: ReverseBudgetEntryInput;
}>;

export type ReverseBudgetEntryMutation = {
  reverseBudgetEntry: {
    warning: string | null;
    entry: {
      id: string;
      headingId: string;
      headingName: string;
      spentOn: string;
      amount: string;
      voucherNumber: string;
      note: string | null;
      reversesId: string | null;
      reversedById: string | null;
      recordedAt: string;
      recordedBy: { id: string; fullName: string } | null;
    };
  };
};

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
  areaOfficer: { id: string; fullName: string } | null;
};

export type EnterpriseDetailFragment = {
  address: string | null;
  fundingType: FundingType | null;
  fundingTypeFrom: string | null;
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
  fundingTypeHistory: Array<{
    fundingType: FundingType;
    validFrom: string;
    source: string;
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
  areaOfficer: { id: string; fullName: string } | null;
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
  appliedCreated: number;
  appliedUpdated: number;
  appliedUnchanged: number;
  appliedSkipped: number;
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
      areaOfficer: { id: string; fullName: string } | null;
    }>;
  };
};

export type EnterpriseQueryVariables = Exact<{
  id: string | number;
}>;

export type EnterpriseQuery = {
  enterprise: {
    address: string | null;
    fundingType: FundingType | null;
    fundingTypeFrom: string | null;
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
    fundingTypeHistory: Array<{
      fundingType: FundingType;
      validFrom: string;
      source: string;
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
    areaOfficer: { id: string; fullName: string } | null;
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
    appliedCreated: number;
    appliedUpdated: number;
    appliedUnchanged: number;
    appliedSkipped: number;
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
    appliedCreated: number;
    appliedUpdated: number;
    appliedUnchanged: number;
    appliedSkipped: number;
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
      appliedCreated: number;
      appliedUpdated: number;
      appliedUnchanged: number;
      appliedSkipped: number;
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
    appliedCreated: number;
    appliedUpdated: number;
    appliedUnchanged: number;
    appliedSkipped: number;
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
    appliedCreated: number;
    appliedUpdated: number;
    appliedUnchanged: number;
    appliedSkipped: number;
    progress: number;
    error: string | null;
    orgUnit: { id: string; name: string };
    createdBy: { id: string; fullName: string };
  };
};

export type OrgChangeFragment = {
  id: string;
  kind: OrgChangeKind;
  kindLabel: string;
  status: OrgChangeStatus;
  effectiveOn: string;
  decisionReference: string;
  summary: string;
  createdByName: string;
  createdAt: string;
  failure: string | null;
};

export type OrgTreeAsOfQueryVariables = Exact<{
  d: string;
}>;

export type OrgTreeAsOfQuery = { orgUnitTree: Array<{ id: string; name: string; kind: OrgUnitKind; parentId: string | null; dissolvedAt: string | null }> };

export type ScheduledOrgChangesQueryVariables = Exact<{
  until?: string | null | undefined;
}>;

export type ScheduledOrgChangesQuery = {
  scheduledOrgChanges: Array<{
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  }>;
};

export type OrgUnitHistoryQueryVariables = Exact<{
  id: string | number;
}>;

export type OrgUnitHistoryQuery = {
  orgUnitHistory: Array<{
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  }>;
};

export type MoveOrgUnitMutationVariables = Exact<{
  i: MoveOrgUnitInput;
}>;

export type MoveOrgUnitMutation = {
  moveOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type RenameOrgUnitOnMutationVariables = Exact<{
  i: RenameOrgUnitInput;
}>;

export type RenameOrgUnitOnMutation = {
  renameOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type DissolveOrgUnitMutationVariables = Exact<{
  i: DissolveOrgUnitInput;
}>;

export type DissolveOrgUnitMutation = {
  dissolveOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type SplitOrgUnitMutationVariables = Exact<{
  i: SplitOrgUnitInput;
}>;

export type SplitOrgUnitMutation = {
  splitOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type UpgradeOrgUnitMutationVariables = Exact<{
  i: ChangeOrgUnitLevelInput;
}>;

export type UpgradeOrgUnitMutation = {
  upgradeOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type DowngradeOrgUnitMutationVariables = Exact<{
  i: ChangeOrgUnitLevelInput;
}>;

export type DowngradeOrgUnitMutation = {
  downgradeOrgUnit: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type CancelOrgUnitChangeMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelOrgUnitChangeMutation = {
  cancelOrgUnitChange: {
    id: string;
    kind: OrgChangeKind;
    kindLabel: string;
    status: OrgChangeStatus;
    effectiveOn: string;
    decisionReference: string;
    summary: string;
    createdByName: string;
    createdAt: string;
    failure: string | null;
  };
};

export type ReturnFigureValuesFragment = {
  membersAtStart: number;
  admitted: number;
  transferredIn: number;
  leftTransferred: number;
  leftJob: number;
  leftWithdrew: number;
  leftExpelled: number;
  leftDied: number;
  leftPaused: number;
  leftDissolved: number;
  membersAtEnd: number;
  womenMembers: number;
  staffNotMembers: number;
  partyRecommended: number;
  partyAdmitted: number;
  unionGroups: number | null;
};

export type ReturnDetailFragment = {
  id: string | null;
  grassrootsUnionId: string;
  grassrootsUnionName: string;
  kind: ReturnPeriodKind;
  year: number;
  periodStart: string;
  referenceDay: string;
  dueOn: string;
  status: ReturnStatus;
  version: number;
  note: string | null;
  sentBackReason: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  late: boolean;
  figures: {
    membersAtStart: number;
    admitted: number;
    transferredIn: number;
    leftTransferred: number;
    leftJob: number;
    leftWithdrew: number;
    leftExpelled: number;
    leftDied: number;
    leftPaused: number;
    leftDissolved: number;
    membersAtEnd: number;
    womenMembers: number;
    staffNotMembers: number;
    partyRecommended: number;
    partyAdmitted: number;
    unionGroups: number | null;
  };
  prefill: {
    membersAtStart: number;
    admitted: number;
    transferredIn: number;
    leftTransferred: number;
    leftJob: number;
    leftWithdrew: number;
    leftExpelled: number;
    leftDied: number;
    leftPaused: number;
    leftDissolved: number;
    membersAtEnd: number;
    womenMembers: number;
    staffNotMembers: number;
    partyRecommended: number;
    partyAdmitted: number;
    unionGroups: number | null;
  };
  versions: Array<{
    version: number;
    action: string;
    status: ReturnStatus;
    note: string | null;
    reason: string | null;
    at: string;
    figures: {
      membersAtStart: number;
      admitted: number;
      transferredIn: number;
      leftTransferred: number;
      leftJob: number;
      leftWithdrew: number;
      leftExpelled: number;
      leftDied: number;
      leftPaused: number;
      leftDissolved: number;
      membersAtEnd: number;
      womenMembers: number;
      staffNotMembers: number;
      partyRecommended: number;
      partyAdmitted: number;
      unionGroups: number | null;
    };
  }>;
};

export type ReturnSettingsDetailFragment = {
  orgUnitId: string;
  orgUnitName: string;
  fromOrgUnitId: string | null;
  fromOrgUnitName: string | null;
  halfYearDay: string;
  yearDay: string;
  dueWorkingDays: number;
  reminderWorkingDays: number;
  updatedAt: string | null;
};

export type StatisticsReturnQueryVariables = Exact<{
  g: string | number;
  k: ReturnPeriodKind;
  y: number;
}>;

export type StatisticsReturnQuery = {
  statisticsReturn: {
    id: string | null;
    grassrootsUnionId: string;
    grassrootsUnionName: string;
    kind: ReturnPeriodKind;
    year: number;
    periodStart: string;
    referenceDay: string;
    dueOn: string;
    status: ReturnStatus;
    version: number;
    note: string | null;
    sentBackReason: string | null;
    firstSubmittedAt: string | null;
    submittedAt: string | null;
    decidedAt: string | null;
    late: boolean;
    figures: {
      membersAtStart: number;
      admitted: number;
      transferredIn: number;
      leftTransferred: number;
      leftJob: number;
      leftWithdrew: number;
      leftExpelled: number;
      leftDied: number;
      leftPaused: number;
      leftDissolved: number;
      membersAtEnd: number;
      womenMembers: number;
      staffNotMembers: number;
      partyRecommended: number;
      partyAdmitted: number;
      unionGroups: number | null;
    };
    prefill: {
      membersAtStart: number;
      admitted: number;
      transferredIn: number;
      leftTransferred: number;
      leftJob: number;
      leftWithdrew: number;
      leftExpelled: number;
      leftDied: number;
      leftPaused: number;
      leftDissolved: number;
      membersAtEnd: number;
      womenMembers: number;
      staffNotMembers: number;
      partyRecommended: number;
      partyAdmitted: number;
      unionGroups: number | null;
    };
    versions: Array<{
      version: number;
      action: string;
      status: ReturnStatus;
      note: string | null;
      reason: string | null;
      at: string;
      figures: {
        membersAtStart: number;
        admitted: number;
        transferredIn: number;
        leftTransferred: number;
        leftJob: number;
        leftWithdrew: number;
        leftExpelled: number;
        leftDied: number;
        leftPaused: number;
        leftDissolved: number;
        membersAtEnd: number;
        womenMembers: number;
        staffNotMembers: number;
        partyRecommended: number;
        partyAdmitted: number;
        unionGroups: number | null;
      };
    }>;
  };
};

export type SaveStatisticsReturnMutationVariables = Exact<{
  i: SaveStatisticsReturnInput;
}>;

export type SaveStatisticsReturnMutation = { saveStatisticsReturn: { id: string | null; status: ReturnStatus; version: number } };

export type SubmitStatisticsReturnMutationVariables = Exact<{
  i: StatisticsReturnVersionInput;
}>;

export type SubmitStatisticsReturnMutation = { submitStatisticsReturn: { id: string | null; status: ReturnStatus; version: number; late: boolean } };

export type AcceptStatisticsReturnMutationVariables = Exact<{
  i: StatisticsReturnVersionInput;
}>;

export type AcceptStatisticsReturnMutation = { acceptStatisticsReturn: { id: string | null; status: ReturnStatus; version: number } };

export type SendBackStatisticsReturnMutationVariables = Exact<{
  i: SendBackStatisticsReturnInput;
}>;

export type SendBackStatisticsReturnMutation = { sendBackStatisticsReturn: { id: string | null; status: ReturnStatus; version: number } };

export type ReturnsBoardQueryVariables = Exact<{
  u: string | number;
  k: ReturnPeriodKind;
  y: number;
}>;

export type ReturnsBoardQuery = {
  statisticsReturns: {
    submitted: number;
    accepted: number;
    sentBack: number;
    late: number;
    missing: number;
    notSubmitted: number;
    rows: Array<{ grassrootsUnionId: string; name: string; state: ReturnBoardState; late: boolean; dueOn: string; returnId: string | null }>;
  };
};

export type ConsolidatedReturnQueryVariables = Exact<{
  u: string | number;
  k: ReturnPeriodKind;
  y: number;
}>;

export type ConsolidatedReturnQuery = {
  consolidatedStatisticsReturn: {
    unitId: string;
    unitName: string;
    rows: Array<{
      unitId: string;
      name: string;
      grassroots: number;
      accepted: number;
      figures: {
        membersAtStart: number;
        admitted: number;
        transferredIn: number;
        leftTransferred: number;
        leftJob: number;
        leftWithdrew: number;
        leftExpelled: number;
        leftDied: number;
        leftPaused: number;
        leftDissolved: number;
        membersAtEnd: number;
        womenMembers: number;
        staffNotMembers: number;
        partyRecommended: number;
        partyAdmitted: number;
        unionGroups: number | null;
      };
    }>;
    total: {
      grassroots: number;
      accepted: number;
      figures: {
        membersAtStart: number;
        admitted: number;
        transferredIn: number;
        leftTransferred: number;
        leftJob: number;
        leftWithdrew: number;
        leftExpelled: number;
        leftDied: number;
        leftPaused: number;
        leftDissolved: number;
        membersAtEnd: number;
        womenMembers: number;
        staffNotMembers: number;
        partyRecommended: number;
        partyAdmitted: number;
        unionGroups: number | null;
      };
    };
    missing: Array<{ grassrootsUnionId: string; name: string; state: ReturnBoardState; late: boolean; dueOn: string }>;
  };
};

export type ReturnSettingsQueryVariables = Exact<{
  u: string | number;
}>;

export type ReturnSettingsQuery = {
  statisticsReturnSettings: {
    orgUnitId: string;
    orgUnitName: string;
    fromOrgUnitId: string | null;
    fromOrgUnitName: string | null;
    halfYearDay: string;
    yearDay: string;
    dueWorkingDays: number;
    reminderWorkingDays: number;
    updatedAt: string | null;
  };
};

export type SaveReturnSettingsMutationVariables = Exact<{
  i: SaveStatisticsReturnSettingsInput;
}>;

export type SaveReturnSettingsMutation = {
  saveStatisticsReturnSettings: {
    orgUnitId: string;
    orgUnitName: string;
    fromOrgUnitId: string | null;
    fromOrgUnitName: string | null;
    halfYearDay: string;
    yearDay: string;
    dueWorkingDays: number;
    reminderWorkingDays: number;
    updatedAt: string | null;
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

export type UnitsQuery = { orgUnits: Array<{ id: string; name: string; kind: OrgUnitKind; dissolvedAt: string | null; parent: { id: string } | null }> };

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
    membersFromReturns: {
      kind: ReturnPeriodKind;
      year: number;
      periodStart: string;
      referenceDay: string;
      grassrootsUnions: number;
      reportedUnions: number;
      admitted: number;
      membersAtEnd: number;
      registerAdmitted: number;
    };
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
