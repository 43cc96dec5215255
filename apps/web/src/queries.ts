import type { Operation } from './api';
import type * as G from './generated/graphql';

/**
 * The GraphQL documents the dashboard sends, checked against the contract (schema.gql at the repo
 * root) by `npm run codegen`, which writes their result and variable types to generated/graphql.ts.
 * The GraphQL comment before each template is how codegen finds the documents. A fragment constant
 * appended to a document (`${CASE_CARD}`) sends the definitions it spreads; codegen skips such
 * interpolations and reads each fragment from its own constant.
 */

export const op = <R, V>(document: string) => document as Operation<R, V>;

export const SESSION_USER = /* GraphQL */ `fragment SessionUser on User { id email fullName role orgUnit { id name kind parent { id name } } }`;

const CASE_CARD = /* GraphQL */ `fragment CaseCard on FoundingCase { id version stage stageDueOn overdue closedReason
  enterprise { id name workerCount district taxCode }
  assignee { id fullName }
  orgUnit { id name } }`;

const CASE_DETAIL = /* GraphQL */ `fragment CaseDetail on FoundingCase { ...CaseCard
  stageEnteredAt openedAt closedFromStage decisionNumber decidedOn dossierCompletedOn
  enterprise { id name workerCount district taxCode sector address ownership hasUnion surveyedOn }
  grassrootsUnion { id name }
  evidence { id kind stage occurredOn detailsJson recordedAt }
  applications { id fullName status submittedOn decidedOn decisionNumber rejectionReason birthYear gender position nationality contractMonths }
  history { from to at comment action version by { id fullName } } } ${CASE_CARD}`;

export const Q = {
  me: op<G.MeQuery, G.MeQueryVariables>(/* GraphQL */ `query Me { me { ...SessionUser } } ${SESSION_USER}`),
  orgUnits: op<G.UnitsQuery, G.UnitsQueryVariables>(/* GraphQL */ `query Units { orgUnits { id name kind dissolvedAt parent { id } } }`),
  /** Active users of a unit (default: the caller's own), optionally of one role; an officer lists only its own unit. */
  users: op<G.UsersQuery, G.UsersQueryVariables>(
    /* GraphQL */ `query Users($u: ID, $r: Role) { users(orgUnitId: $u, role: $r) { id fullName email role orgUnit { id name } } }`,
  ),
  cases: op<G.CasesQuery, G.CasesQueryVariables>(/* GraphQL */ `query Cases($f: CaseFilter, $first: Int, $after: String) {
    foundingCases(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ...CaseCard } } } ${CASE_CARD}`),
  case: op<G.CaseQuery, G.CaseQueryVariables>(/* GraphQL */ `query Case($id: ID!) { foundingCase(id: $id) { ...CaseDetail } } ${CASE_DETAIL}`),
  pipeline: op<G.PipelineQuery, G.PipelineQueryVariables>(/* GraphQL */ `query Pipeline($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) {
    orgUnit { id name } year stages { stage count overdue }
    newMembers { target actual } newGrassrootsUnions { target actual }
    coverage { enterprises25Plus withUnion percent targetPercent }
    membersFromReturns { kind year periodStart referenceDay grassrootsUnions reportedUnions admitted membersAtEnd registerAdmitted } } }`),
  /** The enterprise picker's matches (ui/enterprise-picker.tsx): a page of 20 and how many match in all. */
  pickEnterprises: op<
    G.PickEnterprisesQuery,
    G.PickEnterprisesQueryVariables
  >(/* GraphQL */ `query PickEnterprises($f: EnterpriseFilter, $first: Int) { enterprises(filter: $f, first: $first) { totalCount
      nodes { id name taxCode district workerCount orgUnit { id name } } } }`),
};

const REPORT_FIELDS = /* GraphQL */ `fragment ReportFields on Report { id orgUnit { id name } periodKind periodStart periodEnd status progress createdAt builtAt xlsxUrl csvUrl }`;
const FIGURES = /* GraphQL */ `fragment Figures on ReportFigures { newMembers { ...Progress } newGrassrootsUnions { ...Progress }
  coverage { enterprises25Plus withUnion percent targetPercent } stages { stage count overdue } }
  fragment Progress on TargetProgress { target actual yearToDate percentOfYearTarget }`;

export const REPORTS = {
  list: op<G.ReportsQuery, G.ReportsQueryVariables>(
    /* GraphQL */ `query Reports($u: ID) { reports(orgUnitId: $u) { ...ReportFields figures { ...Figures } } } ${REPORT_FIELDS} ${FIGURES}`,
  ),
  /** With the per-officer breakdown. */
  listByOfficer: op<
    G.ReportsByOfficerQuery,
    G.ReportsByOfficerQueryVariables
  >(/* GraphQL */ `query ReportsByOfficer($u: ID) { reports(orgUnitId: $u) { ...ReportFields figures { ...Figures
    byOfficer { officerId fullName cases openCases overdueCases recognitions membersAdmitted targetMembers targetGrassrootsUnions } } } } ${REPORT_FIELDS} ${FIGURES}`),
  request: op<G.RequestReportMutation, G.RequestReportMutationVariables>(
    /* GraphQL */ `mutation RequestReport($i: ReportInput!) { requestReport(input: $i) { ...ReportFields } } ${REPORT_FIELDS}`,
  ),
};

export const REWARDS = {
  list: op<
    G.NominationsQuery,
    G.NominationsQueryVariables
  >(/* GraphQL */ `query Nominations($u: ID, $p: Date) { rewardNominations(orgUnitId: $u, periodStart: $p) {
    id periodKind periodStart nominee officer { id fullName } grassrootsUnion { id name } score basis status } }`),
  decide: op<G.DecideMutation, G.DecideMutationVariables>(
    /* GraphQL */ `mutation Decide($id: ID!, $approve: Boolean!, $note: String) { decideNomination(id: $id, approve: $approve, note: $note) { id status } }`,
  ),
  evaluate: op<G.EvaluateMutation, G.EvaluateMutationVariables>(
    /* GraphQL */ `mutation Evaluate($u: ID!, $k: PeriodKind!, $p: Date!) { evaluateRewards(orgUnitId: $u, periodKind: $k, periodStart: $p) { id } }`,
  ),
};

export const M = {
  login: op<G.LoginMutation, G.LoginMutationVariables>(
    /* GraphQL */ `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { ...SessionUser } } } ${SESSION_USER}`,
  ),
  survey: op<G.SurveyMutation, G.SurveyMutationVariables>(/* GraphQL */ `mutation Survey($i: SurveyInput!) { recordSurvey(input: $i) { id version stage } }`),
  outreach: op<G.OutreachMutation, G.OutreachMutationVariables>(
    /* GraphQL */ `mutation Outreach($i: OutreachInput!) { recordOutreach(input: $i) { id version stage } }`,
  ),
  committee: op<G.CommitteeMutation, G.CommitteeMutationVariables>(
    /* GraphQL */ `mutation Committee($i: CommitteeInput!) { formMobilizationCommittee(input: $i) { id version stage } }`,
  ),
  apply: op<G.ApplyMutation, G.ApplyMutationVariables>(
    /* GraphQL */ `mutation Apply($i: ApplicationInput!) { submitApplication(input: $i) { id fullName status } }`,
  ),
  congress: op<G.CongressMutation, G.CongressMutationVariables>(
    /* GraphQL */ `mutation Congress($i: CongressInput!) { recordFoundingCongress(input: $i) { id version stage } }`,
  ),
  decision: op<G.DecisionMutation, G.DecisionMutationVariables>(
    /* GraphQL */ `mutation Decision($i: DecisionInput!) { recordRecognitionDecision(input: $i) { id version stage } }`,
  ),
  advance: op<G.AdvanceMutation, G.AdvanceMutationVariables>(
    /* GraphQL */ `mutation Advance($i: AdvanceInput!) { advanceFoundingCase(input: $i) { id version stage } }`,
  ),
  close: op<G.CloseMutation, G.CloseMutationVariables>(/* GraphQL */ `mutation Close($i: CloseInput!) { closeFoundingCase(input: $i) { id version stage } }`),
  reopen: op<G.ReopenMutation, G.ReopenMutationVariables>(
    /* GraphQL */ `mutation Reopen($i: ReopenInput!) { reopenFoundingCase(input: $i) { id version stage } }`,
  ),
  assign: op<G.AssignMutation, G.AssignMutationVariables>(
    /* GraphQL */ `mutation Assign($i: AssignCaseInput!) { assignFoundingCase(input: $i) { id version stage assignee { id fullName } } }`,
  ),
  open: op<G.OpenMutation, G.OpenMutationVariables>(/* GraphQL */ `mutation Open($i: OpenCaseInput!) { openFoundingCase(input: $i) { id } }`),
  setTarget: op<G.SetTargetMutation, G.SetTargetMutationVariables>(/* GraphQL */ `mutation SetTarget($i: TargetInput!) { setTarget(input: $i) }`),
};

// The shapes the pages work with, named after what they show (all derived from the generated types).
export type { CaseFilter, EscalationLevel, PeriodKind, Role } from './generated/graphql';
export type Me = G.SessionUserFragment;
export type OrgUnit = G.UnitsQuery['orgUnits'][number];
/** A user as `users(orgUnitId, role)` lists them: the active users of one unit. */
export type UnitUser = G.UsersQuery['users'][number];
export type UserRef = NonNullable<G.CaseCardFragment['assignee']>;
export type CaseCard = G.CaseCardFragment;
export type CaseCardPage = G.CasesQuery['foundingCases'];
export type CaseDetail = G.CaseDetailFragment;
export type Evidence = CaseDetail['evidence'][number];
export type Pipeline = G.PipelineQuery['pipeline'];
export type Report = G.ReportsQuery['reports'][number];
export type Nomination = G.NominationsQuery['rewardNominations'][number];
