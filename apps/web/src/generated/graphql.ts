/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  | T
  | {
      [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never;
    };
import type { CaseStage } from "@app/domain/case-stage";
import type { CloseReason } from "@app/domain/case-stage";
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

export type ApplicationStatus =
  "ADMITTED" | "REJECTED" | "SUBMITTED" | "WITHDRAWN";

export type AssignCaseInput = {
  assigneeId: string | number;
  caseId: string | number;
  expectedVersion: number;
  reason?: string | null | undefined;
};

export type CaseFilter = {
  assigneeId?: string | number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  overdue?: boolean | null | undefined;
  stage?: CaseStage | null | undefined;
};

export { CaseStage };

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

export type DecisionInput = {
  caseId: string | number;
  decidedOn: string;
  decisionNumber: string;
  expectedVersion: number;
  grassrootsUnionName: string;
  signedBy: string;
};

export type EnterpriseFilter = {
  hasUnion?: boolean | null | undefined;
  minWorkers?: number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  search?: string | null | undefined;
};

export type EscalationLevel = "BREACH" | "CRITICAL" | "WARNING";

export type NominationStatus = "APPROVED" | "PROPOSED" | "REJECTED";

export type OpenCaseInput = {
  assigneeId?: string | number | null | undefined;
  enterpriseId: string | number;
};

export type OrgUnitKind =
  "CONFEDERATION" | "FEDERATION" | "GRASSROOTS" | "UPPER_LEVEL";

export type OutreachInput = {
  caseId: string | number;
  expectedVersion: number;
  heldOn: string;
  note?: string | null | undefined;
  workersInterested: number;
  workersReached: number;
};

export type Ownership =
  "COLLECTIVE" | "FOREIGN_INVESTED" | "OTHER" | "PRIVATE" | "STATE";

export type PeriodKind = "HALF_YEAR" | "MONTH" | "QUARTER" | "YEAR";

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

export type ReportStatus = "FAILED" | "QUEUED" | "READY" | "RUNNING";

export type Role = "ADMIN" | "OFFICER" | "SUPERVISOR";

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

export type SessionUserFragment = {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  orgUnit: {
    id: string;
    name: string;
    kind: OrgUnitKind;
    parent: { id: string; name: string } | null;
  };
};

export type CaseCardFragment = {
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
  };
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
  evidence: Array<{
    id: string;
    kind: string;
    stage: CaseStage;
    occurredOn: string;
    detailsJson: string;
    recordedAt: string;
  }>;
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
    orgUnit: {
      id: string;
      name: string;
      kind: OrgUnitKind;
      parent: { id: string; name: string } | null;
    };
  };
};

export type UnitsQueryVariables = Exact<{ [key: string]: never }>;

export type UnitsQuery = {
  orgUnits: Array<{
    id: string;
    name: string;
    kind: OrgUnitKind;
    parent: { id: string } | null;
  }>;
};

export type UsersQueryVariables = Exact<{
  u?: string | number | null | undefined;
  r?: Role | null | undefined;
}>;

export type UsersQuery = {
  users: Array<{
    id: string;
    fullName: string;
    email: string;
    role: Role;
    orgUnit: { id: string; name: string };
  }>;
};

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
      enterprise: {
        id: string;
        name: string;
        workerCount: number;
        district: string | null;
      };
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
    evidence: Array<{
      id: string;
      kind: string;
      stage: CaseStage;
      occurredOn: string;
      detailsJson: string;
      recordedAt: string;
    }>;
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
    coverage: {
      enterprises25Plus: number;
      withUnion: number;
      percent: number | null;
      targetPercent: number | null;
    };
  };
};

export type EscalationsQueryVariables = Exact<{
  open?: boolean | null | undefined;
}>;

export type EscalationsQuery = {
  escalations: Array<{
    id: string;
    level: EscalationLevel;
    stage: CaseStage;
    raisedAt: string;
    acknowledgedAt: string | null;
    case: {
      id: string;
      stage: CaseStage;
      stageDueOn: string | null;
      enterprise: { name: string };
      assignee: { id: string; fullName: string } | null;
    };
  }>;
};

export type AppEscalationsQueryVariables = Exact<{
  open?: boolean | null | undefined;
}>;

export type AppEscalationsQuery = {
  applicationEscalations: Array<{
    id: string;
    level: EscalationLevel;
    raisedAt: string;
    acknowledgedAt: string | null;
    application: {
      id: string;
      fullName: string;
      position: string;
      submittedOn: string;
      dueOn: string | null;
      status: ApplicationStatus;
    };
    decidingUnit: { id: string; name: string };
  }>;
};

export type EntsQueryVariables = Exact<{
  f?: EnterpriseFilter | null | undefined;
}>;

export type EntsQuery = {
  enterprises: {
    nodes: Array<{
      id: string;
      name: string;
      workerCount: number;
      hasUnion: boolean;
      openCase: { id: string } | null;
      orgUnit: { id: string; name: string };
    }>;
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
  newMembers: { target: number | null; actual: number };
  newGrassrootsUnions: { target: number | null; actual: number };
  coverage: {
    enterprises25Plus: number;
    withUnion: number;
    percent: number | null;
    targetPercent: number | null;
  };
  stages: Array<{ stage: CaseStage; count: number; overdue: number }>;
};

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
      newMembers: { target: number | null; actual: number };
      newGrassrootsUnions: { target: number | null; actual: number };
      coverage: {
        enterprises25Plus: number;
        withUnion: number;
        percent: number | null;
        targetPercent: number | null;
      };
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
      newMembers: { target: number | null; actual: number };
      newGrassrootsUnions: { target: number | null; actual: number };
      coverage: {
        enterprises25Plus: number;
        withUnion: number;
        percent: number | null;
        targetPercent: number | null;
      };
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

export type DecideMutation = {
  decideNomination: { id: string; status: NominationStatus };
};

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
      orgUnit: {
        id: string;
        name: string;
        kind: OrgUnitKind;
        parent: { id: string; name: string } | null;
      };
    };
  };
};

export type SurveyMutationVariables = Exact<{
  i: SurveyInput;
}>;

export type SurveyMutation = {
  recordSurvey: { id: string; version: number; stage: CaseStage };
};

export type OutreachMutationVariables = Exact<{
  i: OutreachInput;
}>;

export type OutreachMutation = {
  recordOutreach: { id: string; version: number; stage: CaseStage };
};

export type CommitteeMutationVariables = Exact<{
  i: CommitteeInput;
}>;

export type CommitteeMutation = {
  formMobilizationCommittee: { id: string; version: number; stage: CaseStage };
};

export type ApplyMutationVariables = Exact<{
  i: ApplicationInput;
}>;

export type ApplyMutation = {
  submitApplication: {
    id: string;
    fullName: string;
    status: ApplicationStatus;
  };
};

export type CongressMutationVariables = Exact<{
  i: CongressInput;
}>;

export type CongressMutation = {
  recordFoundingCongress: { id: string; version: number; stage: CaseStage };
};

export type DecisionMutationVariables = Exact<{
  i: DecisionInput;
}>;

export type DecisionMutation = {
  recordRecognitionDecision: { id: string; version: number; stage: CaseStage };
};

export type AdvanceMutationVariables = Exact<{
  i: AdvanceInput;
}>;

export type AdvanceMutation = {
  advanceFoundingCase: { id: string; version: number; stage: CaseStage };
};

export type CloseMutationVariables = Exact<{
  i: CloseInput;
}>;

export type CloseMutation = {
  closeFoundingCase: { id: string; version: number; stage: CaseStage };
};

export type ReopenMutationVariables = Exact<{
  i: ReopenInput;
}>;

export type ReopenMutation = {
  reopenFoundingCase: { id: string; version: number; stage: CaseStage };
};

export type AssignMutationVariables = Exact<{
  i: AssignCaseInput;
}>;

export type AssignMutation = {
  assignFoundingCase: {
    id: string;
    version: number;
    stage: CaseStage;
    assignee: { id: string; fullName: string } | null;
  };
};

export type OpenMutationVariables = Exact<{
  i: OpenCaseInput;
}>;

export type OpenMutation = { openFoundingCase: { id: string } };

export type AckMutationVariables = Exact<{
  id: string | number;
}>;

export type AckMutation = {
  acknowledgeEscalation: { id: string; acknowledgedAt: string | null };
};

export type SetTargetMutationVariables = Exact<{
  i: TargetInput;
}>;

export type SetTargetMutation = { setTarget: boolean };
