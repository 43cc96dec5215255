import { randomUUID } from 'node:crypto';
import { GRAPHQL_LIMITS } from '../../apps/api/src/security/graphql-limits';
import { CaseRef, M, addDays, applicant, openCase, vnToday } from '../support/case-fixtures';
import { csvOf, dryRun, upload, validTaxCode } from '../support/register-imports';
import { INTROSPECTION, Operation, SchemaWalk } from '../support/schema-walk';
import { GqlResult, PASSWORD, Province, TestApi, TestUser, newTaxCode } from '../support/test-api';
import { SeenError, refusalProblems } from '../support/vietnamese';

/**
 * Every refusal the API sends is in Vietnamese (docs/architecture.md#errors). Walks every Query and
 * Mutation of the running schema: anonymously (UNAUTHENTICATED), as each role with plausible
 * arguments whose ids name nothing (FORBIDDEN, NOT_FOUND, business refusals), with malformed ids,
 * with a bad value at every argument and input field (BAD_USER_INPUT naming that field), with a bad
 * literal in the query text; then the refusals each operation's own rules give (BUSINESS, which
 * must list every operation), GraphQL's own (parse, validation, limits) and the REST routes'.
 * Every message, and every per-field message, must be Vietnamese (test/support/vietnamese.ts).
 */

interface World {
  api: TestApi;
  p: Province;
  admin: TestUser;
  officer: TestUser;
  supervisor: TestUser;
  ref: CaseRef;
}
type Call = { query: string; variables?: Record<string, unknown>; token?: string; expect?: string; fields?: string[] };
type Business = (w: World) => Promise<Call[]> | Call[];

const today = vnToday();
const tomorrow = addDays(today, 1);
const FAR_DAY = '2099-06-17';
const RETURN_ZERO = Object.fromEntries(
  [
    'membersAtStart',
    'admitted',
    'transferredIn',
    'leftTransferred',
    'leftJob',
    'leftWithdrew',
    'leftExpelled',
    'leftDied',
    'leftPaused',
    'membersAtEnd',
    'womenMembers',
    'staffNotMembers',
  ].map((k) => [k, 0]),
);
let meetingDays = 0;
/** A meeting of the world's unit on a day of its own in the past, held (with an action item) or only scheduled. */
async function meetingOf(w: World, held: boolean): Promise<string> {
  const day = addDays(today, -300 - meetingDays++);
  const id = (
    await w.api.ok(
      `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { id } }`,
      { i: { orgUnitId: w.p.unitId, day, chairId: w.supervisor.id } },
      w.supervisor.token,
    )
  ).scheduleReviewMeeting.id as string;
  if (held)
    await w.api.ok(
      `mutation($i: HoldReviewMeetingInput!) { holdReviewMeeting(input: $i) { id } }`,
      { i: { id, minutes: 'Biên bản', actionItems: [] } },
      w.supervisor.token,
    );
  return id;
}
const caseInput = (w: World, more: Record<string, unknown>) => ({ caseId: w.ref.caseId, expectedVersion: w.ref.version, ...more });

/** Refusals of each operation's own rules, reachable cheaply; `[]` where the walk's generic calls are all it refuses. */
const BUSINESS: Record<string, Business> = {
  'Query.me': () => [],
  'Query.users': (w) => [
    { query: `query($u: ID) { users(orgUnitId: $u) { id } }`, variables: { u: w.p.federationId }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.orgUnits': () => [],
  'Query.foundingCases': (w) => [
    {
      query: `query($f: CaseFilter) { foundingCases(filter: $f) { totalCount } }`,
      variables: { f: { search: 'x'.repeat(300) } },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['search'],
    },
  ],
  'Query.foundingCase': () => [],
  'Query.enterprises': (w) => [
    {
      query: `{ enterprises(first: 0, after: "khong-phai-con-tro") { totalCount } }`,
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['first', 'after'],
    },
  ],
  'Query.enterprise': () => [],
  'Query.pipeline': (w) => [
    {
      query: `query($u: ID!) { pipeline(orgUnitId: $u, year: 1999) { year } }`,
      variables: { u: w.p.unitId },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
  ],
  'Query.escalations': () => [],
  'Query.members': (w) => [
    { query: `query($u: ID!) { members(grassrootsUnionId: $u) { totalCount } }`, variables: { u: w.p.unitId }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.member': () => [],
  // A unit that is not a CĐCS: NOT_FOUND; a page size out of range: BAD_USER_INPUT on first.
  'Query.membershipApplications': (w) => [
    {
      query: `query($u: ID!) { membershipApplications(grassrootsUnionId: $u) { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `query($u: ID!) { membershipApplications(grassrootsUnionId: $u, status: null, first: 0) { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['first'],
    },
  ],
  'Query.admissionDecisions': (w) => [
    {
      query: `query($u: ID!) { admissionDecisions(grassrootsUnionId: $u) { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.admin.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `query($u: ID!) { admissionDecisions(grassrootsUnionId: $u, first: 500) { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['first'],
    },
  ],
  'Query.grassrootsUnions': (w) => [
    {
      query: `query($u: ID) { grassrootsUnions(orgUnitId: $u) { totalCount } }`,
      variables: { u: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `{ grassrootsUnions(search: "${'x'.repeat(101)}") { totalCount } }`,
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['search'],
    },
  ],
  // A unit that is not an upper-level union (a federation): NOT_FOUND; a bad cursor: BAD_USER_INPUT on after.
  'Query.upperLevelApplications': (w) => [
    {
      query: `query($u: ID!) { upperLevelApplications(orgUnitId: $u) { totalCount } }`,
      variables: { u: w.p.federationId },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `query($u: ID!) { upperLevelApplications(orgUnitId: $u, after: "khong-phai-con-tro") { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['after'],
    },
  ],
  // A unit that is not an upper-level union (a federation): NOT_FOUND; a search too long: BAD_USER_INPUT on search.
  'Query.upperLevelMembers': (w) => [
    {
      query: `query($u: ID!) { upperLevelMembers(orgUnitId: $u) { totalCount } }`,
      variables: { u: w.p.federationId },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `query($u: ID!) { upperLevelMembers(orgUnitId: $u, filter: { search: "${'x'.repeat(101)}" }) { totalCount } }`,
      variables: { u: w.p.unitId },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['search'],
    },
  ],
  // A transfer is not a leaving, a day after today; a membership nobody has: NOT_FOUND.
  'Mutation.recordUpperLevelMemberLeaving': (w) => [
    {
      query: `mutation($i: RecordUpperLevelMemberLeavingInput!) { recordUpperLevelMemberLeaving(input: $i) { id } }`,
      variables: { i: { memberId: randomUUID(), leftOn: tomorrow, reason: 'TRANSFERRED' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['leftOn', 'reason'],
    },
    {
      query: `mutation($i: RecordUpperLevelMemberLeavingInput!) { recordUpperLevelMemberLeaving(input: $i) { id } }`,
      variables: { i: { memberId: randomUUID(), leftOn: today, reason: 'LEFT_JOB' } },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.transferUpperLevelMember': (w) => [
    {
      query: `mutation($i: TransferUpperLevelMemberInput!) { transferUpperLevelMember(input: $i) { id } }`,
      variables: { i: { memberId: randomUUID(), grassrootsUnionId: randomUUID(), transferredOn: tomorrow, note: 'x'.repeat(5001) } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['transferredOn', 'note'],
    },
    {
      query: `mutation($i: TransferUpperLevelMemberInput!) { transferUpperLevelMember(input: $i) { id } }`,
      variables: { i: { memberId: randomUUID(), grassrootsUnionId: randomUUID(), transferredOn: today } },
      token: w.admin.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.setGrassrootsEmployer': async (w) => {
    const SET = `mutation($i: SetGrassrootsEmployerInput!) { setGrassrootsEmployer(input: $i) { id } }`;
    const cdcs = async (name: string) =>
      (
        await w.api.ok(
          `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
          { i: { name: `Công đoàn cơ sở ${name} ${w.p.tag}`, kind: 'GRASSROOTS', parentId: w.p.unitId } },
          w.supervisor.token,
        )
      ).createOrgUnit.id as string;
    const [first, second] = [await cdcs('Trường A'), await cdcs('Trường B')];
    await w.api.ok(SET, { i: { grassrootsUnionId: first, enterpriseId: w.ref.enterpriseId } }, w.supervisor.token);
    // The same enterprise for a second CĐCS.
    return [
      {
        query: SET,
        variables: { i: { grassrootsUnionId: second, enterpriseId: w.ref.enterpriseId } },
        token: w.supervisor.token,
        expect: 'BAD_USER_INPUT',
        fields: ['enterpriseId'],
      },
    ];
  },
  'Query.escalatedCases': (w) => [
    { query: `{ escalatedCases(first: 0) { totalCount } }`, token: w.officer.token, expect: 'BAD_USER_INPUT', fields: ['first'] },
  ],
  'Query.escalatedApplications': () => [],
  'Query.applicationEscalations': () => [],
  'Query.rewardNominations': () => [],
  'Query.calendarYears': () => [],
  'Query.calendarWarnings': () => [],
  'Query.calendarDays': (w) => [{ query: `{ calendarDays(year: 1999) { day } }`, token: w.officer.token, expect: 'BAD_USER_INPUT', fields: ['year'] }],
  // Official documents (docs/architecture.md#official-documents).
  'Mutation.issueDocument': (w) => [
    {
      // The case is not recognized yet; the day is in the future: the input is refused first.
      query: `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { id } }`,
      variables: { i: { kind: 'RECOGNITION_DECISION', sourceId: w.ref.caseId, issuedOn: FAR_DAY, difficulties: 'x'.repeat(5001) } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['issuedOn', 'difficulties'],
    },
    {
      query: `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { id } }`,
      variables: { i: { kind: 'RECOGNITION_DECISION', sourceId: w.ref.caseId } },
      token: w.supervisor.token,
      expect: 'CONFLICT',
    },
  ],
  'Mutation.cancelDocument': (w) => [
    {
      query: `mutation($i: CancelDocumentInput!) { cancelDocument(input: $i) { id } }`,
      variables: { i: { id: '00000000-0000-4000-8000-000000000000', reason: 'Ghi sai' } },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
    {
      query: `mutation($i: CancelDocumentInput!) { cancelDocument(input: $i) { id } }`,
      variables: { i: { id: '00000000-0000-4000-8000-000000000000', reason: ' ' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['reason'],
    },
  ],
  'Query.documents': (w) => [
    {
      query: `query($s: ID!) { documents(kind: RECOGNITION_DECISION, sourceId: $s) { id } }`,
      variables: { s: '00000000-0000-4000-8000-000000000000' },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Query.document': () => [],
  'Query.documentSettings': (w) => [
    {
      query: `query($u: ID!) { documentSettings(orgUnitId: $u) { own } }`,
      variables: { u: '00000000-0000-4000-8000-000000000000' },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.saveDocumentSettings': (w) => [
    {
      query: `mutation($i: SaveDocumentSettingsInput!) { saveDocumentSettings(input: $i) { own } }`,
      variables: {
        i: {
          orgUnitId: w.p.unitId,
          parentLine: ' ',
          issuerName: 'CÔNG ĐOÀN NGÀNH Y TẾ',
          shortName: 'cđ yt',
          placeName: 'Thái Bình',
          authorityLine: 'TM. BAN THƯỜNG VỤ',
          signerTitle: 'CHỦ TỊCH',
          signerName: 'Phạm Văn Đức',
          recipients: [],
        },
      },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['parentLine', 'shortName', 'recipients'],
    },
  ],
  'Query.previewDocument': (w) => [
    {
      query: `query($i: PreviewDocumentInput!) { previewDocument(input: $i) }`,
      variables: { i: { kind: 'PERIOD_REPORT' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['sourceId'],
    },
  ],
  'Query.report': () => [],
  'Query.reports': () => [],
  'Query.accounts': (w) => [{ query: `{ accounts { totalCount } }`, token: w.officer.token, expect: 'FORBIDDEN' }],
  'Query.orgUnitTree': () => [],
  'Query.registerImport': () => [],
  'Query.registerImports': (w) => [
    { query: `{ registerImports(first: 0) { totalCount } }`, token: w.officer.token, expect: 'BAD_USER_INPUT', fields: ['first'] },
  ],
  // The audit log (docs/architecture.md#audit-log): managers only; a day that is not one, a bad cursor.
  'Query.auditLog': (w) => [
    { query: `{ auditLog { totalCount } }`, token: w.officer.token, expect: 'FORBIDDEN' },
    {
      query: `{ auditLog(filter: { from: "2024-02-30", to: "hôm qua" }, after: "khong-phai-con-tro") { totalCount } }`,
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['from', 'to', 'after'],
    },
  ],
  'Mutation.login': async (w) => {
    const email = `khong.co.${randomUUID().slice(0, 8)}@test.vn`;
    const calls: Call[] = [{ query: `mutation { login(email: "${w.officer.email}", password: "sai-mat-khau") { accessToken } }`, expect: 'UNAUTHENTICATED' }];
    for (let i = 0; i < 6; i++) calls.push({ query: `mutation { login(email: "${email}", password: "sai-mat-khau") { accessToken } }` });
    calls.push({ query: `mutation { login(email: "${email}", password: "sai-mat-khau") { accessToken } }`, expect: 'TOO_MANY_REQUESTS' });
    return calls;
  },
  'Mutation.createUser': (w) => [
    {
      query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      variables: { i: { email: 'khong-phai-email', fullName: ' ', password: 'ngan', role: 'OFFICER', orgUnitId: w.p.unitId } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['email', 'fullName', 'password'],
    },
    {
      query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      variables: { i: { email: 'a@test.vn', fullName: 'A', password: 'du-dai-roi-1', role: 'ADMIN', orgUnitId: w.p.unitId } },
      token: w.supervisor.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.createOrgUnit': (w) => [
    {
      query: M.createOrgUnit,
      variables: { i: { name: '  ', kind: 'GRASSROOTS', parentId: w.p.unitId } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name'],
    },
    {
      query: M.createOrgUnit,
      variables: { i: { name: 'Liên đoàn', kind: 'FEDERATION', parentId: w.p.unitId } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['kind'],
    },
  ],
  'Mutation.openFoundingCase': (w) => [
    { query: M.open, variables: { i: { enterpriseId: w.ref.enterpriseId } }, token: w.supervisor.token, expect: 'CONFLICT' },
  ],
  'Mutation.assignFoundingCase': (w) => [
    {
      query: M.assign,
      variables: { i: caseInput(w, { assigneeId: randomUUID() }) },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['assigneeId'],
    },
  ],
  'Mutation.recordSurvey': (w) => [
    {
      query: M.survey,
      variables: { i: caseInput(w, { surveyedOn: tomorrow, workerCount: -1, hasUnion: false }) },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['surveyedOn', 'workerCount'],
    },
  ],
  'Mutation.recordOutreach': (w) => [
    {
      query: M.outreach,
      variables: { i: caseInput(w, { heldOn: tomorrow, workersReached: 10, workersInterested: 20 }) },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['heldOn', 'workersInterested'],
    },
    {
      query: M.outreach,
      variables: { i: caseInput(w, { heldOn: today, workersReached: 10, workersInterested: 5 }) },
      token: w.officer.token,
      expect: 'TRANSITION_NOT_ALLOWED',
    },
  ],
  'Mutation.formMobilizationCommittee': (w) => [
    {
      query: M.committee,
      variables: { i: caseInput(w, { formedOn: today, memberNames: [] }) },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['memberNames'],
    },
  ],
  'Mutation.recordFoundingCongress': (w) => [
    {
      query: M.congress,
      variables: {
        i: caseInput(w, {
          heldOn: today,
          attendees: 0,
          executiveCommittee: ['Nguyễn Thị Hoa'],
          chairName: 'Trần Văn Nam',
          dossierCompletedOn: addDays(today, -3),
        }),
      },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['dossierCompletedOn', 'attendees', 'chairName'],
    },
  ],
  'Mutation.recordRecognitionDecision': (w) => [
    {
      query: M.decision,
      variables: { i: caseInput(w, { decisionNumber: ' ', decidedOn: tomorrow, signedBy: '', grassrootsUnionName: 'CĐCS' }) },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['decidedOn', 'decisionNumber', 'signedBy'],
    },
  ],
  'Mutation.advanceFoundingCase': (w) => [
    { query: M.advance, variables: { i: caseInput(w, {}) }, token: w.officer.token, expect: 'TRANSITION_NOT_ALLOWED' },
    { query: M.advance, variables: { i: caseInput(w, { expectedVersion: w.ref.version + 5 }) }, token: w.officer.token, expect: 'CONFLICT' },
  ],
  'Mutation.closeFoundingCase': (w) => [
    {
      query: M.close,
      variables: { i: caseInput(w, { expectedVersion: 0, reason: 'OTHER', comment: 'x' }) },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['expectedVersion'],
    },
  ],
  'Mutation.reopenFoundingCase': (w) => [
    { query: M.reopen, variables: { i: caseInput(w, { comment: 'Mở lại' }) }, token: w.supervisor.token, expect: 'TRANSITION_NOT_ALLOWED' },
  ],
  'Mutation.createEnterprise': (w) => [
    {
      query: M.createEnterprise,
      variables: { i: { name: '', taxCode: '0100107519', workerCount: -3, hasUnion: false, orgUnitId: w.p.unitId } },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name', 'taxCode', 'workerCount'],
    },
  ],
  'Mutation.updateEnterprise': (w) => [
    {
      query: `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`,
      variables: { i: { id: w.ref.enterpriseId, workerCount: -5, workerCountOn: tomorrow } },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['workerCount', 'workerCountOn'],
    },
  ],
  'Mutation.closeEnterprise': (w) => [
    {
      query: `mutation($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { id } }`,
      variables: { i: { id: w.ref.enterpriseId, closedOn: tomorrow } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['closedOn'],
    },
    {
      query: `mutation($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { id } }`,
      variables: { i: { id: w.ref.enterpriseId, closedOn: today } },
      token: w.supervisor.token,
      expect: 'CONFLICT',
    },
  ],
  'Mutation.reopenEnterprise': (w) => [
    { query: `mutation($id: ID!) { reopenEnterprise(id: $id) { id } }`, variables: { id: w.ref.enterpriseId }, token: w.supervisor.token, expect: 'CONFLICT' },
  ],
  'Mutation.submitApplication': (w) => [
    {
      query: M.apply,
      variables: { i: applicant({ caseId: w.ref.caseId }, { isManager: true, servingSentence: true }) },
      token: w.officer.token,
      expect: 'INELIGIBLE',
    },
    {
      query: M.apply,
      variables: { i: applicant({ caseId: w.ref.caseId }, { birthYear: 1800, submittedOn: tomorrow, personalId: '12' }) },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['personalId', 'birthYear', 'submittedOn'],
    },
  ],
  'Mutation.decideApplication': (w) => [
    {
      query: M.decideApplication,
      variables: { i: { applicationId: randomUUID(), admit: true, decidedOn: tomorrow } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['decidedOn', 'decisionNumber'],
    },
  ],
  'Mutation.setTarget': (w) => [
    {
      query: M.setTarget,
      variables: { i: { year: 1999, coveragePercent: 200, newMembers: -1 } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year', 'orgUnitId', 'newMembers', 'coveragePercent'],
    },
  ],
  'Mutation.acknowledgeEscalation': () => [],
  'Mutation.addStaff': (w) => [
    {
      query: `mutation($i: AddStaffInput!) { addStaff(input: $i) { id } }`,
      variables: { i: { grassrootsUnionId: w.p.unitId, fullName: 'Nguyễn Văn A', citizenId: '001090000001', birthDate: '1990-01-01', sex: 'MALE' } },
      token: w.officer.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.updateStaff': () => [],
  'Mutation.admitMembers': (w) => [
    {
      query: `mutation($i: AdmitMembersInput!) { admitMembers(input: $i) { id } }`,
      variables: { i: { grassrootsUnionId: w.p.unitId, decisionNumber: 'x'.repeat(101), decidedOn: tomorrow, signer: '' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['decisionNumber', 'decidedOn', 'signer', 'memberIds'],
    },
  ],
  'Query.statisticsReturn': (w) => [
    {
      query: `query($g: ID!) { statisticsReturn(grassrootsUnionId: $g, kind: HALF_YEAR, year: 1990) { id } }`,
      variables: { g: w.p.unitId },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
  ],
  'Query.statisticsReturns': (w) => [
    {
      query: `query($u: ID!) { statisticsReturns(orgUnitId: $u, kind: YEAR, year: 2026) { missing } }`,
      variables: { u: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Query.consolidatedStatisticsReturn': (w) => [
    {
      query: `query($u: ID!) { consolidatedStatisticsReturn(orgUnitId: $u, kind: YEAR, year: 2026) { unitId } }`,
      variables: { u: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.saveStatisticsReturn': (w) => [
    {
      query: `mutation($i: SaveStatisticsReturnInput!) { saveStatisticsReturn(input: $i) { id } }`,
      variables: { i: { grassrootsUnionId: w.p.unitId, kind: 'YEAR', year: 2026, version: 0, figures: RETURN_ZERO } },
      token: w.officer.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.submitStatisticsReturn': (w) => [
    { query: `mutation { submitStatisticsReturn(input: { id: "${randomUUID()}", version: 1 }) { id } }`, token: w.admin.token, expect: 'NOT_FOUND' },
  ],
  'Mutation.acceptStatisticsReturn': (w) => [
    { query: `mutation { acceptStatisticsReturn(input: { id: "${randomUUID()}", version: 1 }) { id } }`, token: w.officer.token, expect: 'FORBIDDEN' },
  ],
  'Mutation.sendBackStatisticsReturn': (w) => [
    {
      query: `mutation { sendBackStatisticsReturn(input: { id: "${randomUUID()}", version: 1, reason: " " }) { id } }`,
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['reason'],
    },
  ],
  // Review meetings (docs/architecture.md#review-meetings).
  'Query.reviewMeetings': (w) => [
    {
      query: `query($u: ID!) { reviewMeetings(orgUnitId: $u, year: 1999) { id } }`,
      variables: { u: w.p.unitId },
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
    {
      query: `query($u: ID!) { reviewMeetings(orgUnitId: $u, year: 2026) { id } }`,
      variables: { u: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Query.reviewMeeting': (w) => [
    { query: `query($id: ID!) { reviewMeeting(id: $id) { id } }`, variables: { id: randomUUID() }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Mutation.scheduleReviewMeeting': (w) => [
    {
      query: `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, day: today, chairId: randomUUID(), title: 'x'.repeat(301) } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['chairId', 'title'],
    },
    {
      query: `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, day: today, chairId: w.supervisor.id } },
      token: w.officer.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.scheduleMonthlyReviewMeetings': (w) => [
    {
      query: `mutation($i: ScheduleMonthlyReviewMeetingsInput!) { scheduleMonthlyReviewMeetings(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, year: 1999, chairId: w.supervisor.id, dayOfMonth: 32 } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year', 'dayOfMonth'],
    },
  ],
  'Mutation.cancelReviewMeeting': async (w) => {
    const held = await meetingOf(w, true);
    return [
      {
        query: `mutation($i: CancelReviewMeetingInput!) { cancelReviewMeeting(input: $i) { id } }`,
        variables: { i: { id: held } },
        token: w.supervisor.token,
        expect: 'CONFLICT',
      },
      {
        query: `mutation($i: CancelReviewMeetingInput!) { cancelReviewMeeting(input: $i) { id } }`,
        variables: { i: { id: randomUUID() } },
        token: w.admin.token,
        expect: 'NOT_FOUND',
      },
    ];
  },
  'Mutation.holdReviewMeeting': async (w) => {
    const held = await meetingOf(w, true);
    const open = await meetingOf(w, false);
    const hold = `mutation($i: HoldReviewMeetingInput!) { holdReviewMeeting(input: $i) { id } }`;
    return [
      { query: hold, variables: { i: { id: held, minutes: 'Lần hai', actionItems: [] } }, token: w.supervisor.token, expect: 'CONFLICT' },
      {
        query: hold,
        variables: { i: { id: open, minutes: ' ', actionItems: [{ what: ' ', assigneeId: randomUUID(), dueOn: '2000-01-03' }] } },
        token: w.supervisor.token,
        expect: 'BAD_USER_INPUT',
        fields: ['minutes', 'actionItems.0.what', 'actionItems.0.assigneeId', 'actionItems.0.dueOn'],
      },
    ];
  },
  'Mutation.completeActionItem': (w) => [
    { query: `mutation($id: ID!) { completeActionItem(id: $id) { id } }`, variables: { id: randomUUID() }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.statisticsReturnSettings': (w) => [
    {
      query: `query($u: ID!) { statisticsReturnSettings(orgUnitId: $u) { dueWorkingDays } }`,
      variables: { u: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.saveStatisticsReturnSettings': (w) => [
    {
      query: `mutation($i: SaveStatisticsReturnSettingsInput!) { saveStatisticsReturnSettings(input: $i) { dueWorkingDays } }`,
      variables: { i: { orgUnitId: w.p.unitId, halfYearDay: '02-30', yearDay: '13-01', dueWorkingDays: 0, reminderWorkingDays: 31 } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['halfYearDay', 'yearDay', 'dueWorkingDays', 'reminderWorkingDays'],
    },
  ],
  'Mutation.recordMemberLeaving': () => [],
  'Mutation.transferMember': () => [],
  'Query.partyRecommendations': (w) => [
    {
      query: `query($g: ID!) { partyRecommendations(grassrootsUnionId: $g, year: 1990) { id } }`,
      variables: { g: w.p.unitId },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
  ],
  'Mutation.recommendMembersToParty': (w) => [
    {
      query: `mutation($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) { id } }`,
      variables: { i: { grassrootsUnionId: w.p.unitId, resolutionNumber: ' ', resolutionOn: tomorrow, memberIds: [] } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['resolutionNumber', 'resolutionOn', 'memberIds'],
    },
  ],
  'Mutation.recordPartyAdmission': (w) => [
    {
      query: `mutation($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id } }`,
      variables: { i: { recommendationId: randomUUID(), memberId: randomUUID(), admitted: true, decidedOn: tomorrow } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['decidedOn'],
    },
    {
      query: `mutation($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id } }`,
      variables: { i: { recommendationId: randomUUID(), memberId: randomUUID(), admitted: false, decidedOn: today } },
      token: w.admin.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Query.unionGroups': (w) => [
    { query: `query($g: ID!) { unionGroups(grassrootsUnionId: $g) { id } }`, variables: { g: w.p.unitId }, token: w.admin.token, expect: 'NOT_FOUND' },
  ],
  'Mutation.saveUnionGroup': (w) => [
    {
      query: `mutation($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id } }`,
      variables: { i: { grassrootsUnionId: w.p.unitId, name: '  ', leaderMemberId: 'khong-phai-ma' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name', 'leaderMemberId'],
    },
  ],
  'Mutation.removeUnionGroup': (w) => [{ query: `mutation { removeUnionGroup(id: "${randomUUID()}") }`, token: w.admin.token, expect: 'NOT_FOUND' }],
  'Mutation.assignMemberToUnionGroup': (w) => [
    {
      query: `mutation($i: AssignMemberToUnionGroupInput!) { assignMemberToUnionGroup(input: $i) { id } }`,
      variables: { i: { memberId: randomUUID(), unionGroupId: randomUUID() } },
      token: w.admin.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.createGrassrootsAccount': (w) => [
    {
      query: `mutation($i: CreateGrassrootsAccountInput!) { createGrassrootsAccount(input: $i) { id } }`,
      variables: { i: { caseId: w.ref.caseId, email: 'cdcs.moi@example.vn', fullName: 'Chủ tịch CĐCS', password: 'Mot-mat-khau-dai-2026' } },
      token: w.supervisor.token,
      expect: 'TRANSITION_NOT_ALLOWED',
    },
  ],
  'Mutation.acknowledgeCaseEscalations': (w) => [
    {
      query: `mutation { acknowledgeCaseEscalations(input: { caseIds: [] }) { acknowledged } }`,
      token: w.officer.token,
      expect: 'BAD_USER_INPUT',
      fields: ['caseIds'],
    },
    {
      query: `mutation($c: [ID!]) { acknowledgeCaseEscalations(input: { caseIds: $c }) { acknowledged } }`,
      variables: { c: ['00000000-0000-4000-8000-000000000000'] },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.evaluateRewards': (w) => [
    {
      query: `mutation($u: ID!) { evaluateRewards(orgUnitId: $u, periodKind: QUARTER, periodStart: "2025-04-01") { id } }`,
      variables: { u: w.p.unitId },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['periodStart'],
    },
  ],
  'Mutation.decideNomination': () => [],
  'Mutation.setCalendarDay': (w) => [{ query: `mutation { setCalendarDay(day: "${FAR_DAY}", kind: null) }`, token: w.supervisor.token, expect: 'FORBIDDEN' }],
  'Mutation.saveCalendarDay': (w) => [
    {
      // A day off on a Sunday, an empty note and a document too long: all three at once.
      query: `mutation($i: CalendarDayInput!) { saveCalendarDay(input: $i) { movedCaseCount } }`,
      variables: { i: { day: '2026-06-07', kind: 'DAY_OFF', note: '', document: 'x'.repeat(121) } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['kind', 'note', 'document'],
    },
    {
      query: `mutation($i: CalendarDayInput!) { saveCalendarDay(input: $i) { movedCaseCount } }`,
      variables: { i: { day: '2026-06-08', kind: 'DAY_OFF', note: 'Nghỉ' } },
      token: w.supervisor.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.saveCalendarDays': (w) => [
    {
      // A Sunday off with an empty note, and the same day twice: every day's problems at once, by its place in the list.
      query: `mutation($i: CalendarDaysInput!) { saveCalendarDays(input: $i) { movedCaseCount } }`,
      variables: {
        i: {
          days: [
            { day: '2026-06-07', kind: 'DAY_OFF', note: '' },
            { day: '2026-06-10', kind: 'DAY_OFF', note: 'Nghỉ' },
            { day: '2026-06-10', kind: 'DAY_OFF', note: 'Nghỉ' },
          ],
        },
      },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['days.2.day'],
    },
    {
      query: `mutation($i: CalendarDaysInput!) { saveCalendarDays(input: $i) { movedCaseCount } }`,
      variables: { i: { days: [{ day: '2026-06-07', kind: 'DAY_OFF', note: '' }] } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['days.0.kind', 'days.0.note'],
    },
    {
      query: `mutation($i: CalendarDaysInput!) { saveCalendarDays(input: $i) { movedCaseCount } }`,
      variables: { i: { days: [] } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['days'],
    },
    {
      query: `mutation($i: CalendarDaysInput!) { saveCalendarDays(input: $i) { movedCaseCount } }`,
      variables: { i: { days: [{ day: '2026-06-08', kind: 'DAY_OFF', note: 'Nghỉ' }] } },
      token: w.supervisor.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.removeCalendarDay': (w) => [
    { query: `mutation { removeCalendarDay(day: "2026-06-09") { movedCaseCount } }`, token: w.admin.token, expect: 'BAD_USER_INPUT', fields: ['day'] },
  ],
  'Mutation.requestReport': (w) => [
    {
      query: `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, periodKind: 'MONTH', periodStart: '2025-02-03' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['periodStart'],
    },
    {
      query: `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, periodKind: 'MONTH', periodStart: `${today.slice(0, 8)}01` } },
      token: w.officer.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.updateUser': (w) => [
    {
      query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`,
      variables: { i: { id: w.officer.id, fullName: ' ' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['fullName'],
    },
    {
      query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`,
      variables: { i: { id: w.officer.id, role: 'ADMIN' } },
      token: w.supervisor.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.deactivateUser': (w) => [
    { query: `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, variables: { id: w.admin.id }, token: w.admin.token, expect: 'FORBIDDEN' },
  ],
  'Mutation.reactivateUser': (w) => [
    { query: `mutation($id: ID!) { reactivateUser(id: $id) { id } }`, variables: { id: w.admin.id }, token: w.supervisor.token, expect: 'NOT_FOUND' },
  ],
  'Mutation.resetPassword': (w) => [
    {
      query: `mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword } }`,
      variables: { id: w.supervisor.id },
      token: w.supervisor.token,
      expect: 'FORBIDDEN',
    },
  ],
  'Mutation.changePassword': async (w) => {
    // Failed logins of earlier suites in this run count against the test address's throttle; start it afresh.
    await w.api.db.query(`DELETE FROM login_failure WHERE key LIKE 'address:%'`);
    return [
      {
        query: `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
        variables: { i: { currentPassword: 'sai-mat-khau', newPassword: 'ngan' } },
        token: w.officer.token,
        expect: 'BAD_USER_INPUT',
        fields: ['currentPassword'],
      },
    ];
  },
  'Mutation.updateOrgUnit': (w) => [
    {
      query: `mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, name: '' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name'],
    },
  ],
  // Restructuring (docs/architecture.md#restructuring): each refusal names why.
  'Mutation.moveOrgUnit': (w) => [
    {
      query: `mutation($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, newParentId: w.p.unitId, effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['newParentId'],
    },
  ],
  'Mutation.transferOrgUnits': (w) => [
    {
      query: `mutation($i: TransferOrgUnitsInput!) { transferOrgUnits(input: $i) { id } }`,
      variables: { i: { ids: [], newParentId: w.p.federationId, effectiveOn: today, decisionReference: '' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['ids', 'decisionReference'],
    },
  ],
  'Mutation.renameOrgUnit': (w) => [
    {
      query: `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, name: ' ', effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name'],
    },
  ],
  'Mutation.foundOrgUnit': (w) => [
    {
      query: `mutation($i: FoundOrgUnitInput!) { foundOrgUnit(input: $i) { id } }`,
      variables: { i: { name: 'Công đoàn xã', kind: 'UPPER_LEVEL', parentId: w.p.federationId, effectiveOn: '2001-01-01', decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['effectiveOn'],
    },
  ],
  'Mutation.dissolveOrgUnit': (w) => [
    {
      query: `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['transferTo'],
    },
  ],
  'Mutation.mergeOrgUnits': (w) => [
    {
      query: `mutation($i: MergeOrgUnitsInput!) { mergeOrgUnits(input: $i) { id } }`,
      variables: { i: { ids: [w.p.unitId], into: w.p.unitId, effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['into'],
    },
  ],
  'Mutation.splitOrgUnit': (w) => [
    {
      query: `mutation($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, parts: [{ name: 'Công đoàn A' }], effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['parts'],
    },
  ],
  'Mutation.upgradeOrgUnit': (w) => [
    {
      query: `mutation($i: ChangeOrgUnitLevelInput!) { upgradeOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.federationId, effectiveOn: today, decisionReference: 'QĐ 1' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['id'],
    },
  ],
  'Mutation.downgradeOrgUnit': (w) => [
    {
      query: `mutation($i: ChangeOrgUnitLevelInput!) { downgradeOrgUnit(input: $i) { id } }`,
      variables: { i: { id: w.p.unitId, effectiveOn: today, decisionReference: '' } },
      token: w.admin.token,
      expect: 'BAD_USER_INPUT',
      fields: ['decisionReference'],
    },
  ],
  'Mutation.cancelOrgUnitChange': async (w) => {
    const r = await w.api.ok(
      `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id } }`,
      { i: { id: w.p.unitId, name: 'Tên đổi sau', effectiveOn: FAR_DAY, decisionReference: 'QĐ 2' } },
      w.admin.token,
    );
    const cancel = `mutation($id: ID!) { cancelOrgUnitChange(id: $id) { id } }`;
    await w.api.ok(cancel, { id: r.renameOrgUnit.id }, w.admin.token);
    return [{ query: cancel, variables: { id: r.renameOrgUnit.id }, token: w.admin.token, expect: 'CONFLICT' }];
  },
  'Query.orgUnitHistory': (w) => [
    { query: `query($id: ID!) { orgUnitHistory(id: $id) { id } }`, variables: { id: w.p.federationId }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.scheduledOrgChanges': (w) => [
    {
      query: `query($r: ID) { scheduledOrgChanges(rootId: $r) { id } }`,
      variables: { r: w.p.federationId },
      token: w.officer.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Mutation.confirmRegisterImport': () => [],
  'Mutation.cancelRegisterImport': async (w) => {
    const file = csvOf([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'],
      [`Công ty Lời Việt ${randomUUID().slice(0, 6)}`, validTaxCode(), 40],
    ]);
    const { id } = await dryRun(w.api, w.supervisor.token, file, { fileName: 'loi-viet.csv', orgUnitId: w.p.unitId });
    const cancel = `mutation($id: ID!) { cancelRegisterImport(id: $id) { id } }`;
    await w.api.ok(cancel, { id }, w.supervisor.token);
    return [{ query: cancel, variables: { id }, token: w.supervisor.token, expect: 'CONFLICT' }];
  },
  // The plan, areas and budget (docs/architecture.md#plan-areas-and-budget).
  'Query.plan': (w) => [
    {
      query: `query($u: ID!) { plan(orgUnitId: $u, year: 1999) { id } }`,
      variables: { u: w.p.unitId },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
    { query: `query($u: ID!) { plan(orgUnitId: $u, year: 2026) { id } }`, variables: { u: w.p.federationId }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.planVersions': (w) => [
    {
      query: `query($u: ID!) { planVersions(orgUnitId: $u, year: 2026) { id } }`,
      variables: { u: w.p.federationId },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
  ],
  'Query.officerAreas': (w) => [
    { query: `query($u: ID!) { officerAreas(orgUnitId: $u) { officerId } }`, variables: { u: w.p.federationId }, token: w.officer.token, expect: 'NOT_FOUND' },
  ],
  'Query.budget': (w) => [
    {
      query: `query($u: ID!) { budget(orgUnitId: $u, year: 1999) { spent } }`,
      variables: { u: w.p.unitId },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year'],
    },
  ],
  'Mutation.savePlan': (w) => [
    {
      query: `mutation($i: SavePlanInput!) { savePlan(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, year: 1999, number: ' ', issuedOn: today, title: '', coveragePercent: 120 } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['year', 'number', 'title', 'coveragePercent'],
    },
  ],
  'Mutation.saveOfficerArea': (w) => [
    {
      query: `mutation($i: SaveOfficerAreaInput!) { saveOfficerArea(input: $i) { officerId } }`,
      variables: { i: { officerId: w.supervisor.id, districts: ['Huyện Vũ Thư'] } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['officerId'],
    },
  ],
  'Mutation.saveBudgetHeading': (w) => [
    {
      query: `mutation($i: SaveBudgetHeadingInput!) { saveBudgetHeading(input: $i) { id } }`,
      variables: { i: { orgUnitId: w.p.unitId, name: ' ' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['name'],
    },
  ],
  'Mutation.setBudgetPlan': (w) => [
    {
      query: `mutation($i: SetBudgetPlanInput!) { setBudgetPlan(input: $i) { spent } }`,
      variables: { i: { orgUnitId: w.p.unitId, year: 2026, lines: [{ headingId: randomUUID(), amount: '-1' }] } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['lines'],
    },
  ],
  'Mutation.recordBudgetEntry': (w) => [
    {
      query: `mutation($i: RecordBudgetEntryInput!) { recordBudgetEntry(input: $i) { warning } }`,
      variables: { i: { orgUnitId: w.p.unitId, headingId: randomUUID(), spentOn: tomorrow, amount: '0', voucherNumber: ' ' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['amount', 'spentOn', 'voucherNumber'],
    },
    {
      query: `mutation($i: RecordBudgetEntryInput!) { recordBudgetEntry(input: $i) { warning } }`,
      variables: { i: { orgUnitId: w.p.unitId, headingId: randomUUID(), spentOn: today, amount: '1250000.5', voucherNumber: 'PC-1' } },
      token: w.supervisor.token,
      expect: 'BAD_USER_INPUT',
      fields: ['amount'],
    },
  ],
  'Mutation.reverseBudgetEntry': (w) => [
    {
      query: `mutation($i: ReverseBudgetEntryInput!) { reverseBudgetEntry(input: $i) { warning } }`,
      variables: { i: { entryId: '999999999', reason: 'Ghi nhầm' } },
      token: w.supervisor.token,
      expect: 'NOT_FOUND',
    },
  ],
};

describe('every refusal is in Vietnamese', () => {
  let w: World;
  let walk: SchemaWalk;
  const problems: string[] = [];
  /** Codes seen per operation (and per kind of request), for the coverage checks. */
  const codes = new Map<string, Set<string>>();

  const note = (where: string, errors: GqlResult['errors']) => {
    for (const e of errors ?? []) {
      const seen: SeenError = { code: e.extensions?.code, message: e.message, fields: e.extensions?.fields, messages: e.extensions?.messages };
      for (const p of refusalProblems(seen)) problems.push(`${where}: ${p}`);
      const set = codes.get(where.split(' ')[0]) ?? new Set<string>();
      set.add(seen.code);
      codes.set(where.split(' ')[0], set);
    }
  };
  let calls = 0;
  const call = async (where: string, c: Call): Promise<GqlResult> => {
    calls += 1;
    const r = await w.api.gql(c.query, c.variables ?? {}, c.token);
    note(where, r.errors);
    if (c.expect && r.errors?.[0]?.extensions?.code !== c.expect)
      problems.push(`${where}: expected ${c.expect}, got ${JSON.stringify(r.errors?.[0] ?? r.data)}`);
    const fields: string[] = r.errors?.[0]?.extensions?.fields ?? [];
    for (const f of c.fields ?? [])
      if (!fields.includes(f)) problems.push(`${where}: field ${f} not named (fields ${JSON.stringify(fields)}: ${r.errors?.[0]?.message})`);
    return r;
  };

  beforeAll(async () => {
    const api = await TestApi.start();
    const p = await api.newProvince(2);
    const admin = await api.newAdmin();
    const ref = await openCase(api, p);
    w = { api, p, admin, officer: p.officers[0], supervisor: p.supervisor, ref };
    walk = new SchemaWalk((await api.ok(INTROSPECTION, {}, admin.token)).__schema);
  });
  const started = new Date();
  afterAll(async () => {
    // The walk's failed logins must not throttle the suites after it (same address); the far day it may have set goes.
    await w?.api.db.query(`DELETE FROM login_failure WHERE at >= $1`, [started]);
    await w?.api.db.query(`DELETE FROM calendar_day WHERE day = $1`, [FAR_DAY]).catch(() => undefined);
    await w?.api.close();
  });

  it('has business refusals listed for every operation of the schema, and none that is gone', () => {
    const ops = walk.operations.map((o) => o.key).sort();
    expect(ops.filter((k) => !(k in BUSINESS))).toEqual([]);
    expect(Object.keys(BUSINESS).filter((k) => !ops.includes(k))).toEqual([]);
  });

  it('walks every operation: anonymous, each role, unknown and malformed ids, a bad value at every leaf, a bad literal', async () => {
    const roles = () => [w.officer, w.supervisor, w.admin];
    for (const op of walk.operations) {
      const doc = walk.document(op);
      const anon = await call(`${op.key} anonymous`, { query: doc, variables: walk.args(op, randomUUID, FAR_DAY) });
      if (anon.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') problems.push(`${op.key} anonymous: not UNAUTHENTICATED`);
      for (const u of roles()) await call(`${op.key} as ${u.email}`, { query: doc, variables: walk.args(op, randomUUID, FAR_DAY), token: u.token });
      if (JSON.stringify(op.args).includes('"ID"')) {
        await call(`${op.key} malformed-id`, { query: doc, variables: walk.args(op, () => 'khong-phai-uuid', FAR_DAY), token: w.admin.token });
      }
      await spoilEveryLeaf(op);
      if (op.args.length) {
        const bad = { [op.args[0].name]: walk.badLiteral(op.args[0].type) };
        await call(`${op.key} literal`, {
          query: walk.document(op, bad),
          variables: walk.args(op, randomUUID, FAR_DAY),
          token: w.admin.token,
          expect: 'BAD_USER_INPUT',
          fields: [op.args[0].name],
        });
      }
    }
    expect(problems).toEqual([]);
    const all = new Set([...codes.values()].flatMap((s) => [...s]));
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']) expect(all).toContain(code);
    console.log(`vietnamese errors walk: ${walk.operations.length} operations, ${calls} calls; codes seen: ${[...all].sort().join(', ')}`);
    // Thousands of calls, growing with every operation: past jest's default 30 s on a loaded machine.
  }, 180_000);

  async function spoilEveryLeaf(op: Operation): Promise<void> {
    const doc = walk.document(op);
    for (const leaf of walk.leaves(op)) {
      const spoiled = (value: unknown, drop = false) => {
        const args = walk.args(op, randomUUID, FAR_DAY) as Record<string, any>;
        const [arg, field] = leaf.path;
        const target = field ? (args[arg] ??= {}) : args;
        const key = field ?? arg;
        if (drop) delete target[key];
        else target[key] = value;
        return args;
      };
      const name = leaf.path[leaf.path.length - 1];
      for (const bad of walk.badValues(leaf.type)) {
        await call(`${op.key} ${leaf.path.join('.')}=${bad.what}`, {
          query: doc,
          variables: spoiled(bad.value),
          token: w.admin.token,
          expect: 'BAD_USER_INPUT',
          fields: [name],
        });
      }
      if (leaf.required && leaf.inInput) {
        await call(`${op.key} ${leaf.path.join('.')} missing`, {
          query: doc,
          variables: spoiled(undefined, true),
          token: w.admin.token,
          expect: 'BAD_USER_INPUT',
          fields: [name],
        });
      }
    }
    const input = walk.leaves(op).find((l) => l.inInput);
    if (input) {
      const args = walk.args(op, randomUUID, FAR_DAY) as Record<string, any>;
      args[input.path[0]] = { ...(args[input.path[0]] ?? {}), truongLa: 1 };
      await call(`${op.key} unknown-input-field`, { query: doc, variables: args, token: w.admin.token, expect: 'BAD_USER_INPUT', fields: ['truongLa'] });
    }
  }

  it("gives each operation's own refusals (every bad field of an input at once)", async () => {
    problems.length = 0;
    for (const [key, business] of Object.entries(BUSINESS)) {
      for (const [i, c] of (await business(w)).entries()) await call(`${key} business#${i}`, c);
    }
    expect(problems).toEqual([]);
  });

  it('says the rules the issue names, beside their fields', async () => {
    const survey = await w.api.gql(M.survey, { i: caseInput(w, { surveyedOn: tomorrow, workerCount: -1, hasUnion: false }) }, w.officer.token);
    expect(survey.errors![0].extensions!.messages.surveyedOn).toMatch(/^Ngày khảo sát không được sau hôm nay/);
    expect(survey.errors![0].extensions!.messages.workerCount).toBe('Số lao động phải từ 0 trở lên');
    const outreach = await w.api.gql(M.outreach, { i: caseInput(w, { heldOn: today, workersReached: 10, workersInterested: 20 }) }, w.officer.token);
    expect(outreach.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workersInterested'],
      messages: { workersInterested: 'Số người quan tâm không được lớn hơn số người được tuyên truyền' },
    });
    const date = await w.api.gql(M.survey, { i: caseInput(w, { surveyedOn: '31/02/2025', workerCount: 'mười', hasUnion: false }) }, w.officer.token);
    expect(date.errors![0].message).toContain('31/02/2025 không phải là ngày hợp lệ');
    // Both bad values at once: the first error names them all.
    expect(date.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining(['surveyedOn', 'workerCount']) });
    expect(date.errors![0].extensions!.messages.workerCount).toBe('Số lao động phải là số nguyên');
    const advance = await w.api.gql(M.advance, { i: caseInput(w, {}) }, w.officer.token);
    expect(advance.errors![0]).toMatchObject({
      message: 'Chưa chuyển được hồ sơ khỏi giai đoạn “Khảo sát”: chưa có kết quả khảo sát',
      extensions: { code: 'TRANSITION_NOT_ALLOWED', unmet: ['SURVEY_MISSING'], stage: 'SURVEY' },
    });
  });

  it("answers GraphQL's own refusals (parse, validation, limits) in Vietnamese", async () => {
    problems.length = 0;
    const t = w.admin.token;
    const deep = `{ me { orgUnit ${'{ parent '.repeat(GRAPHQL_LIMITS.maxDepth)}{ id }${' }'.repeat(GRAPHQL_LIMITS.maxDepth)} } }`;
    const heavy = `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: foundingCases(first: 200) { nodes { id enterprise { id name orgUnit { id name parent { id name } } } assignee { id fullName orgUnit { id name } } history { from to by { id fullName } } } }`).join(' ')} }`;
    const docs: Record<string, string> = {
      parse: '{ me { id }',
      unknownField: '{ khongCo }',
      unknownArgument: '{ me(x: 1) { id } }',
      unknownType: 'query($x: KhongCo) { me { id } }',
      noSubselection: '{ me }',
      undefinedVariable: '{ enterprise(id: $x) { id } }',
      unusedVariable: 'query($x: Int) { me { id } }',
      wrongVariablePosition: 'query($x: String) { enterprise(id: $x) { id } }',
      missingArgument: '{ enterprise { id } }',
      depth: deep,
      aliases: `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      directives: `{ me ${'@include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 1)}{ id } }`,
      cost: heavy,
      tokens: `{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens + 10)}} }`,
      twoOperations: 'query A { me { id } } query B { me { id } }',
      subscription: 'subscription { me { id } }',
    };
    for (const [name, query] of Object.entries(docs)) await call(`document:${name}`, { query, token: t });
    await call('document:nul', {
      query: `query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }`,
      variables: { f: { search: 'a\u0000b' } },
      token: t,
      expect: 'BAD_USER_INPUT',
      fields: ['search'],
    });
    await call('document:missing-variable', { query: 'query($id: ID!) { enterprise(id: $id) { id } }', token: t, expect: 'BAD_USER_INPUT', fields: ['id'] });
    await call('token:bad', { query: '{ me { id } }', token: 'khong-phai-token', expect: 'UNAUTHENTICATED' });
    for (const body of [{}, { query: '{ me { id } }', variables: '"x"' }, { query: 5 }, [{ query: '{ me { id } }' }]]) {
      const res = await fetch(`${w.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
        body: JSON.stringify(body),
      });
      note(`http:${JSON.stringify(body)}`, ((await res.json()) as GqlResult).errors);
    }
    const get = await fetch(`${w.api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { authorization: `Bearer ${t}` } });
    if (get.headers.get('content-type')?.includes('json')) note('http:GET', ((await get.json()) as GqlResult).errors);
    expect(problems).toEqual([]);
  });

  it('answers the REST routes (imports, report and register files) in Vietnamese', async () => {
    const rest = async (name: string, path: string, init: RequestInit & { token?: string } = {}) => {
      const res = await fetch(`${w.api.url}${path}`, { ...init, headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });
      const body = (await res.json().catch(() => ({ message: undefined }))) as {
        code: string;
        message: string;
        fields?: string[];
        messages?: Record<string, string>;
        errors?: { message: string }[];
      };
      const seen: SeenError = { code: body.code, message: body.message, fields: body.fields, messages: body.messages };
      const found = [...refusalProblems(seen), ...(body.errors ?? []).flatMap((e) => refusalProblems({ code: body.code, message: e.message }))];
      return { status: res.status, body, problems: found.map((p) => `${name}: ${p}`) };
    };
    const answers = [
      await rest('upload anonymous', '/imports/enterprises', { method: 'POST' }),
      await rest('upload without a file', '/imports/enterprises', { method: 'POST', token: w.supervisor.token, body: new FormData() }),
      await rest('upload not multipart', '/imports/enterprises', { method: 'POST', token: w.supervisor.token, body: 'x' }),
      await rest('refused rows unknown', `/imports/${randomUUID()}/refused.xlsx`, { token: w.supervisor.token }),
      await rest('report unknown', `/reports/${randomUUID()}/xlsx`, { token: w.admin.token }),
      await rest('report malformed id', '/reports/khong-phai-uuid/csv', { token: w.admin.token }),
      await rest('report anonymous', `/reports/${randomUUID()}/csv`),
      await rest('register bad filter', '/registers/enterprises.xlsx?minWorkers=-1&includeClosed=co', { token: w.officer.token }),
      await rest('admin session as officer', '/admin/session', { method: 'POST', token: w.officer.token }),
      await rest('no such route', '/health/khong-co', { method: 'POST' }),
    ];
    // A report still QUEUED (no worker here builds it): its files are a CONFLICT until it is READY.
    const queued = await w.api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      { i: { orgUnitId: w.p.unitId, periodKind: 'MONTH', periodStart: `${today.slice(0, 8)}01` } },
      w.supervisor.token,
    );
    answers.push(await rest('report not ready', `/reports/${queued.requestReport.id}/xlsx`, { token: w.supervisor.token }));
    const outOfScope = await upload(
      w.api,
      w.officer.token,
      csvOf([
        ['Tên doanh nghiệp', 'Mã số thuế'],
        ['Công ty A', newTaxCode()],
      ]),
      { orgUnitId: w.p.federationId },
    );
    expect(outOfScope.status).toBe(404);
    expect(answers.flatMap((a) => a.problems)).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual([401, 400, 400, 404, 404, 404, 401, 400, 403, 404, 409]);
    expect(answers[7].body.fields).toEqual(expect.arrayContaining(['minWorkers', 'includeClosed']));
  });

  it('keeps the password rules in Vietnamese for a fresh account', async () => {
    const r = await w.api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          email: `loi.${randomUUID().slice(0, 6)}@test.vn`,
          fullName: 'Nguyễn Văn A',
          password: PASSWORD.slice(0, 3),
          role: 'OFFICER',
          orgUnitId: w.p.unitId,
        },
      },
      w.supervisor.token,
    );
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });
    expect(
      refusalProblems({ code: 'BAD_USER_INPUT', message: r.errors![0].message, fields: ['password'], messages: r.errors![0].extensions!.messages }),
    ).toEqual([]);
  });
});
