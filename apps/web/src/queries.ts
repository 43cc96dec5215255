import type { Role } from './i18n';
import type { CaseStage as Stage } from './stages';

/** The GraphQL documents the dashboard sends (names from /work/shared/API.md) and their shapes. */

export interface OrgUnit {
  id: string;
  name: string;
  kind: string;
  parent?: { id: string; name?: string } | null;
}
export interface Me {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  orgUnit: OrgUnit;
}
export interface UserRef {
  id: string;
  fullName: string;
  email?: string;
}
/** A user as `users(orgUnitId, role)` lists them: the active users of one unit. */
export interface UnitUser extends UserRef {
  role: Role;
  orgUnit: { id: string; name: string };
}
export interface CaseCard {
  id: string;
  version: number;
  stage: Stage;
  stageDueOn: string | null;
  overdue: boolean;
  closedReason: string | null;
  enterprise: { id: string; name: string; workerCount: number; district: string | null };
  assignee: UserRef | null;
  orgUnit: { id: string; name: string };
}
export interface Evidence {
  id: string;
  kind: string;
  stage: Stage;
  occurredOn: string;
  detailsJson: string;
  recordedAt: string;
}
export interface Application {
  id: string;
  fullName: string;
  status: string;
  submittedOn: string;
  decidedOn: string | null;
  decisionNumber: string | null;
  rejectionReason: string | null;
  birthYear: number;
  gender: string;
  position: string;
  nationality: string;
  contractMonths: number | null;
}
export interface Transition {
  from: Stage | null;
  to: Stage;
  at: string;
  by: UserRef;
  comment: string | null;
  action: string;
  version: number;
}
export interface CaseDetail extends CaseCard {
  stageEnteredAt: string;
  openedAt: string;
  closedFromStage: Stage | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  dossierCompletedOn: string | null;
  enterprise: CaseCard['enterprise'] & {
    taxCode: string;
    sector: string | null;
    address: string | null;
    ownership: string | null;
    hasUnion: boolean;
    surveyedOn: string | null;
  };
  grassrootsUnion: { id: string; name: string } | null;
  evidence: Evidence[];
  applications: Application[];
  history: Transition[];
}
export interface StageCount {
  stage: Stage;
  count: number;
  overdue: number;
}
export interface TargetProgress {
  target: number | null;
  actual: number;
}
export interface Coverage {
  enterprises25Plus: number;
  withUnion: number;
  percent: number | null;
  targetPercent: number | null;
}
export interface Pipeline {
  orgUnit: { id: string; name: string };
  year: number;
  stages: StageCount[];
  newMembers: TargetProgress;
  newGrassrootsUnions: TargetProgress;
  coverage: Coverage;
}
export interface OfficerFigures {
  officerId: string;
  fullName: string;
  cases: number;
  openCases: number;
  overdueCases: number;
  recognitions: number;
  membersAdmitted: number;
  targetMembers: number | null;
  targetGrassrootsUnions: number | null;
}
export interface Report {
  id: string;
  orgUnit: { id: string; name: string };
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  status: 'QUEUED' | 'RUNNING' | 'READY' | 'FAILED';
  progress: number;
  createdAt: string;
  builtAt: string | null;
  xlsxUrl: string | null;
  csvUrl: string | null;
  figures: {
    newMembers: TargetProgress;
    newGrassrootsUnions: TargetProgress;
    coverage: Coverage;
    stages: StageCount[];
    byOfficer?: OfficerFigures[] | null;
  } | null;
}
export interface Escalation {
  id: string;
  level: string;
  stage: Stage;
  raisedAt: string;
  acknowledgedAt: string | null;
  case: { id: string; stage: Stage; stageDueOn: string | null; enterprise: { name: string }; assignee: UserRef | null };
}
export interface ApplicationEscalation {
  id: string;
  level: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  application: { id: string; fullName: string; position: string; submittedOn: string; dueOn: string | null; status: string };
  decidingUnit: { id: string; name: string };
}
export interface Nomination {
  id: string;
  periodKind: string;
  periodStart: string;
  nominee: string;
  officer: UserRef | null;
  grassrootsUnion: { id: string; name: string } | null;
  score: number;
  basis: string;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
}

const CARD = `id version stage stageDueOn overdue closedReason
  enterprise { id name workerCount district }
  assignee { id fullName }
  orgUnit { id name }`;

const DETAIL = `${CARD} stageEnteredAt openedAt closedFromStage decisionNumber decidedOn dossierCompletedOn
  enterprise { id name workerCount district taxCode sector address ownership hasUnion surveyedOn }
  grassrootsUnion { id name }
  evidence { id kind stage occurredOn detailsJson recordedAt }
  applications { id fullName status submittedOn decidedOn decisionNumber rejectionReason birthYear gender position nationality contractMonths }
  history { from to at comment action version by { id fullName } }`;

export const Q = {
  me: `query Me { me { id email fullName role orgUnit { id name kind parent { id name } } } }`,
  orgUnits: `query Units { orgUnits { id name kind parent { id } } }`,
  /** Active users of a unit (default: the caller's own), optionally of one role; an officer lists only its own unit. */
  users: `query Users($u: ID, $r: Role) { users(orgUnitId: $u, role: $r) { id fullName email role orgUnit { id name } } }`,
  cases: `query Cases($f: CaseFilter, $first: Int, $after: String) {
    foundingCases(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${CARD} } } }`,
  case: `query Case($id: ID!) { foundingCase(id: $id) { ${DETAIL} } }`,
  pipeline: `query Pipeline($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) {
    orgUnit { id name } year stages { stage count overdue }
    newMembers { target actual } newGrassrootsUnions { target actual }
    coverage { enterprises25Plus withUnion percent targetPercent } } }`,
  escalations: `query Escalations($open: Boolean) { escalations(openOnly: $open) {
    id level stage raisedAt acknowledgedAt
    case { id stage stageDueOn enterprise { name } assignee { id fullName } } } }`,
  applicationEscalations: `query AppEscalations($open: Boolean) { applicationEscalations(openOnly: $open) {
    id level raisedAt acknowledgedAt application { id fullName position submittedOn dueOn status } decidingUnit { id name } } }`,
  enterprisesWithoutCase: `query Ents($f: EnterpriseFilter) { enterprises(filter: $f, first: 200) { nodes { id name workerCount hasUnion openCase { id } orgUnit { id name } } } }`,
};

const REPORT_FIELDS = `id orgUnit { id name } periodKind periodStart periodEnd status progress createdAt builtAt xlsxUrl csvUrl`;
const FIGURES = `figures { newMembers { target actual } newGrassrootsUnions { target actual }
  coverage { enterprises25Plus withUnion percent targetPercent } stages { stage count overdue } }`;
const FIGURES_BY_OFFICER = `figures { newMembers { target actual } newGrassrootsUnions { target actual }
  coverage { enterprises25Plus withUnion percent targetPercent } stages { stage count overdue }
  byOfficer { officerId fullName cases openCases overdueCases recognitions membersAdmitted targetMembers targetGrassrootsUnions } }`;

export const REPORTS = {
  list: `query Reports($u: ID) { reports(orgUnitId: $u) { ${REPORT_FIELDS} ${FIGURES} } }`,
  /** With the per-officer breakdown (an addition to the contract; falls back to `list` without it). */
  listByOfficer: `query ReportsByOfficer($u: ID) { reports(orgUnitId: $u) { ${REPORT_FIELDS} ${FIGURES_BY_OFFICER} } }`,
  one: `query Report($id: ID!) { report(id: $id) { ${REPORT_FIELDS} ${FIGURES} } }`,
  request: `mutation RequestReport($i: ReportInput!) { requestReport(input: $i) { ${REPORT_FIELDS} } }`,
};

export const REWARDS = {
  list: `query Nominations($u: ID, $p: Date) { rewardNominations(orgUnitId: $u, periodStart: $p) {
    id periodKind periodStart nominee officer { id fullName } grassrootsUnion { id name } score basis status } }`,
  decide: `mutation Decide($id: ID!, $approve: Boolean!, $note: String) { decideNomination(id: $id, approve: $approve, note: $note) { id status } }`,
  evaluate: `mutation Evaluate($u: ID!, $k: PeriodKind!, $p: Date!) { evaluateRewards(orgUnitId: $u, periodKind: $k, periodStart: $p) { id } }`,
};

export const M = {
  login: `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id email fullName role orgUnit { id name kind parent { id name } } } } }`,
  survey: `mutation Survey($i: SurveyInput!) { recordSurvey(input: $i) { id version stage } }`,
  outreach: `mutation Outreach($i: OutreachInput!) { recordOutreach(input: $i) { id version stage } }`,
  committee: `mutation Committee($i: CommitteeInput!) { formMobilizationCommittee(input: $i) { id version stage } }`,
  apply: `mutation Apply($i: ApplicationInput!) { submitApplication(input: $i) { id fullName status } }`,
  congress: `mutation Congress($i: CongressInput!) { recordFoundingCongress(input: $i) { id version stage } }`,
  decision: `mutation Decision($i: DecisionInput!) { recordRecognitionDecision(input: $i) { id version stage } }`,
  advance: `mutation Advance($i: AdvanceInput!) { advanceFoundingCase(input: $i) { id version stage } }`,
  close: `mutation Close($i: CloseInput!) { closeFoundingCase(input: $i) { id version stage } }`,
  reopen: `mutation Reopen($i: ReopenInput!) { reopenFoundingCase(input: $i) { id version stage } }`,
  assign: `mutation Assign($i: AssignCaseInput!) { assignFoundingCase(input: $i) { id version stage assignee { id fullName } } }`,
  open: `mutation Open($i: OpenCaseInput!) { openFoundingCase(input: $i) { id } }`,
  acknowledge: `mutation Ack($id: ID!) { acknowledgeEscalation(id: $id) { id acknowledgedAt } }`,
  setTarget: `mutation SetTarget($i: TargetInput!) { setTarget(input: $i) }`,
};
