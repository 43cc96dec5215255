import { EscalationsService, Role, UsersService } from '@app/core';
import { addDays, applicant, createEnterprise, openCase, steps, vnToday, walkToStage } from '../support/case-fixtures';
import { Cdcs, G, addStaff, newCdcs, newDirectMember, staffPerson } from '../support/grassroots';
import {
  ZERO_RETURN_FIGURES,
  admitStaff,
  documentSettings,
  firstHeading,
  newDryRun,
  newLedgerEntry,
  newUnionGroup,
  recommendToParty,
  uniq,
} from '../support/mutation-fixtures';
import { heldMeeting, scheduleMeeting } from '../support/review-meetings';
import { PASSWORD, Province, TestApi, TestUser, newTaxCode } from '../support/test-api';

/**
 * One successful call per mutation of the schema, for test/audit/audit-log.e2e-spec.ts (docs/architecture.md#audit-log).
 * A scenario prepares what its call needs (through the API or the services: those calls are audited too, under
 * their own request ids) and answers the caller's token and the call's variables; the test builds the document
 * from the schema. A mutation added to the schema needs an entry here: a few lines, e.g.
 *   newMutation: async (w) => ({ token: w.p.supervisor.token, vars: { input: { … } } }),
 */
export interface AuditWorld {
  api: TestApi;
  admin: TestUser;
  p: Province;
  cdcs: Cdcs;
  /** Days the calendar scenarios write, taken out again after the test. */
  farDays: string[];
}
export interface ScenarioCall {
  /** Undefined: anonymous (login). */
  token?: string;
  vars: Record<string, unknown>;
}
export type Scenario = (w: AuditWorld) => Promise<ScenarioCall>;

const today = () => vnToday();
const year = () => Number(vnToday().slice(0, 4));

/** A weekday of June in the last year an ADMIN may set (two years on), the `n`-th Tuesday/Wednesday…: past every case's window. */
export function farWeekday(n: number): string {
  const y = year() + 2;
  let seen = 0;
  for (let d = 1; d <= 30; d++) {
    const wd = new Date(Date.UTC(y, 5, d)).getUTCDay();
    if (wd >= 1 && wd <= 5 && seen++ === n) return `${y}-06-${String(d).padStart(2, '0')}`;
  }
  throw new Error('no weekday');
}

async function newAccount(w: AuditWorld): Promise<string> {
  return (
    await w.api.app.get(UsersService).insert({
      email: `audit.account.${uniq()}@test.vn`,
      fullName: 'Cán bộ Nhật Ký',
      role: Role.OFFICER,
      orgUnitId: w.p.unitId,
      password: PASSWORD,
    })
  ).id;
}

async function newStaff(w: AuditWorld, admit: boolean, extra: Record<string, unknown> = {}): Promise<string> {
  const [id] = await addStaff(w.api, w.cdcs, 1, extra);
  if (admit) await admitStaff(w.api, w.cdcs.chair.token, w.cdcs.id, id);
  return id;
}

function newImport(w: AuditWorld): Promise<string> {
  return newDryRun(w.api, w.p, 'Nhật Ký', 'nhat-ky.csv');
}

let returnYear = 2010;
/** A fresh return of the CĐCS (a year of its own), saved; with `submit`, submitted. */
async function newReturn(w: AuditWorld, submit: boolean): Promise<{ id: string; version: number }> {
  const y = returnYear++;
  const saved = (
    await w.api.ok(
      `mutation($i: SaveStatisticsReturnInput!) { saveStatisticsReturn(input: $i) { id version } }`,
      { i: { grassrootsUnionId: w.cdcs.id, kind: 'YEAR', year: y, version: 0, figures: ZERO_RETURN_FIGURES, note: 'Nhật ký' } },
      w.cdcs.chair.token,
    )
  ).saveStatisticsReturn;
  if (!submit) return saved;
  return (
    await w.api.ok(
      `mutation($i: StatisticsReturnVersionInput!) { submitStatisticsReturn(input: $i) { id version } }`,
      { i: { id: saved.id, version: saved.version } },
      w.cdcs.chair.token,
    )
  ).submitStatisticsReturn;
}

async function escalatedCase(w: AuditWorld): Promise<string> {
  const ref = await openCase(w.api, w.p);
  await w.api.app.get(EscalationsService).sweepCase(ref.caseId, '2099-12-31');
  return ref.caseId;
}

/** A fresh recommendation (by the chair) of a fresh admitted member of the CĐCS. */
async function newRecommendation(w: AuditWorld): Promise<{ recommendationId: string; memberId: string }> {
  const memberId = await newStaff(w, true);
  return { recommendationId: await recommendToParty(w.api, w.cdcs.chair.token, w.cdcs.id, memberId), memberId };
}

function unionGroup(w: AuditWorld): Promise<string> {
  return newUnionGroup(w.api, w.cdcs.chair.token, w.cdcs.id, 'Tổ Nhật Ký');
}

let meetingSeq = 0;
/** A day no other meeting of the province's unit uses: after (1) or before (-1) today. */
const meetingDay = (sign: 1 | -1) => addDays(today(), sign * (300 + meetingSeq++));

/** The province unit's first spending heading (the defaults made on first use). */
const heading = (w: AuditWorld) => firstHeading(w.api, w.p.unitId);

/** A fresh empty CĐCS under the province's unit (no enterprises, so any structure change may take it). */
/** A new commune union (công đoàn xã) under the federation, holding nothing. */
async function freshUpper(w: AuditWorld): Promise<string> {
  const d = await w.api.ok(
    `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
    { i: { name: `Công đoàn xã ${uniq()}`, kind: 'UPPER_LEVEL', parentId: w.p.federationId } },
    w.admin.token,
  );
  return d.createOrgUnit.id;
}

async function freshUnit(w: AuditWorld): Promise<string> {
  const d = await w.api.ok(
    `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
    { i: { name: `Công đoàn cơ sở ${uniq()}`, kind: 'GRASSROOTS', parentId: w.p.unitId } },
    w.p.supervisor.token,
  );
  return d.createOrgUnit.id;
}
/** A structure change's day and decision: in the future, so the change is scheduled (one row, one transaction). */
const structure = () => ({ effectiveOn: addDays(today(), 30), decisionReference: `QĐ ${uniq()}` });

const documentsReady = new WeakSet<AuditWorld>();
/** A fresh admission decision of the CĐCS (through admitMembers), the CĐCS's document settings saved once (a signer). */
async function newAdmission(w: AuditWorld): Promise<string> {
  if (!documentsReady.has(w)) {
    await w.api.ok(
      `mutation($i: SaveDocumentSettingsInput!) { saveDocumentSettings(input: $i) { orgUnitId } }`,
      { i: documentSettings(w.cdcs.id) },
      w.admin.token,
    );
    documentsReady.add(w);
  }
  const staff = await newStaff(w, true);
  const [row] = await w.api.db.query(`SELECT admission_decision_id AS id FROM member WHERE staff_id = $1`, [staff]);
  return row.id;
}

export const SUCCESS: Record<string, Scenario> = {
  login: async (w) => ({ vars: { email: w.p.officers[0].email, password: PASSWORD } }),
  createUser: async (w) => ({
    token: w.admin.token,
    vars: { input: { email: `audit.${uniq()}@test.vn`, fullName: 'Nguyễn Văn Nhật Ký', password: 'long-enough-1', role: 'OFFICER', orgUnitId: w.p.unitId } },
  }),
  createOrgUnit: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { name: `Công đoàn cơ sở ${uniq()}`, kind: 'GRASSROOTS', parentId: w.p.unitId } },
  }),
  addStaff: async (w) => ({ token: w.cdcs.chair.token, vars: { input: { grassrootsUnionId: w.cdcs.id, ...staffPerson() } } }),
  updateStaff: async (w) => ({ token: w.cdcs.chair.token, vars: { input: { id: await newStaff(w, false), ...staffPerson() } } }),
  admitMembers: async (w) => ({
    token: w.cdcs.chair.token,
    vars: {
      input: {
        grassrootsUnionId: w.cdcs.id,
        decisionNumber: `QĐ-${uniq()}`,
        decidedOn: today(),
        signer: 'Nguyễn Văn Ký',
        memberIds: [await newStaff(w, false)],
      },
    },
  }),
  recordMemberLeaving: async (w) => ({
    token: w.cdcs.chair.token,
    vars: { input: { memberId: await newStaff(w, true), leftOn: today(), reason: 'LEFT_JOB' } },
  }),
  transferMember: async (w) => {
    const from = await newStaff(w, true);
    const [row] = await w.api.db.query(`SELECT citizen_id, birth_date::text AS birth_date, sex FROM grassroots_staff WHERE id = $1`, [from]);
    const other = await newCdcs(w.api, w.p, 'Công ty Nhận');
    const there = (
      await w.api.ok(
        G.addStaff,
        { i: { grassrootsUnionId: other.id, ...staffPerson({ citizenId: row.citizen_id, birthDate: row.birth_date, sex: row.sex }) } },
        other.chair.token,
      )
    ).addStaff.id;
    return { token: other.chair.token, vars: { input: { memberId: there, transferredOn: today() } } };
  },
  recordUpperLevelMemberLeaving: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { memberId: (await newDirectMember(w.api, w.p, w.p.supervisor.token)).memberId, leftOn: today(), reason: 'WITHDREW' } },
  }),
  transferUpperLevelMember: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { memberId: (await newDirectMember(w.api, w.p, w.p.supervisor.token)).memberId, grassrootsUnionId: w.cdcs.id, transferredOn: today() } },
  }),
  createGrassrootsAccount: async (w) => {
    const ref = await walkToStage(w.api, w.p, 'RECOGNIZED');
    return {
      token: w.p.supervisor.token,
      vars: { input: { caseId: ref.caseId, email: `cdcs.${uniq()}@test.vn`, fullName: 'Chủ tịch Nhật Ký', password: 'long-enough-1' } },
    };
  },
  saveStatisticsReturn: async (w) => ({
    token: w.cdcs.chair.token,
    vars: { input: { grassrootsUnionId: w.cdcs.id, kind: 'YEAR', year: returnYear++, version: 0, figures: ZERO_RETURN_FIGURES, note: 'Nhật ký' } },
  }),
  submitStatisticsReturn: async (w) => ({ token: w.cdcs.chair.token, vars: { input: await newReturn(w, false) } }),
  acceptStatisticsReturn: async (w) => ({ token: w.p.supervisor.token, vars: { input: await newReturn(w, true) } }),
  sendBackStatisticsReturn: async (w) => ({ token: w.p.supervisor.token, vars: { input: { ...(await newReturn(w, true)), reason: 'Số liệu chưa khớp' } } }),
  openFoundingCase: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { enterpriseId: await createEnterprise(w.api, w.p), assigneeId: w.p.officers[0].id } },
  }),
  assignFoundingCase: async (w) => {
    const ref = await openCase(w.api, w.p);
    return {
      token: w.p.supervisor.token,
      vars: { input: { caseId: ref.caseId, expectedVersion: ref.version, assigneeId: w.p.officers[1].id, reason: 'Phân công lại' } },
    };
  },
  recordSurvey: async (w) => {
    const ref = await openCase(w.api, w.p);
    return {
      token: w.p.officers[0].token,
      vars: { input: { caseId: ref.caseId, expectedVersion: ref.version, surveyedOn: today(), workerCount: 120, hasUnion: false } },
    };
  },
  recordOutreach: async (w) => {
    const ref = await walkToStage(w.api, w.p, 'OUTREACH');
    return {
      token: w.p.officers[0].token,
      vars: { input: { caseId: ref.caseId, expectedVersion: ref.version, heldOn: today(), workersReached: 80, workersInterested: 30 } },
    };
  },
  formMobilizationCommittee: async (w) => {
    const ref = await walkToStage(w.api, w.p, 'GUIDANCE');
    return {
      token: w.p.officers[0].token,
      vars: { input: { caseId: ref.caseId, expectedVersion: ref.version, formedOn: today(), memberNames: ['Nguyễn Thị Hoa', 'Trần Văn Nam'] } },
    };
  },
  recordFoundingCongress: async (w) => {
    const ref = await walkToStage(w.api, w.p, 'FOUNDING_CEREMONY');
    return {
      token: w.p.officers[0].token,
      vars: {
        input: {
          caseId: ref.caseId,
          expectedVersion: ref.version,
          heldOn: today(),
          attendees: 42,
          executiveCommittee: ['Nguyễn Thị Hoa', 'Trần Văn Nam', 'Lê Thị Mai'],
          chairName: 'Nguyễn Thị Hoa',
          dossierCompletedOn: today(),
        },
      },
    };
  },
  recordRecognitionDecision: async (w) => {
    const ref = await walkToStage(w.api, w.p, 'RECOGNITION_DECISION');
    return {
      token: w.p.supervisor.token,
      vars: {
        input: {
          caseId: ref.caseId,
          expectedVersion: ref.version,
          decisionNumber: `9/QĐ-${uniq()}`,
          decidedOn: today(),
          signedBy: 'Phạm Văn Đức',
          grassrootsUnionName: `Công đoàn cơ sở ${uniq()}`,
        },
      },
    };
  },
  advanceFoundingCase: async (w) => {
    const ref = await openCase(w.api, w.p);
    await steps.survey(w.api, w.p.officers[0].token, ref);
    return { token: w.p.officers[0].token, vars: { input: { caseId: ref.caseId, expectedVersion: ref.version } } };
  },
  closeFoundingCase: async (w) => {
    const ref = await openCase(w.api, w.p);
    return { token: w.p.supervisor.token, vars: { input: { caseId: ref.caseId, expectedVersion: ref.version, reason: 'OTHER', comment: 'Nhật ký' } } };
  },
  reopenFoundingCase: async (w) => {
    const ref = await openCase(w.api, w.p);
    const closed = await w.api.ok(
      `mutation($i: CloseInput!) { closeFoundingCase(input: $i) { version } }`,
      { i: { caseId: ref.caseId, expectedVersion: ref.version, reason: 'OTHER', comment: 'Nhật ký' } },
      w.p.supervisor.token,
    );
    return { token: w.p.supervisor.token, vars: { input: { caseId: ref.caseId, expectedVersion: closed.closeFoundingCase.version, comment: 'Mở lại' } } };
  },
  createEnterprise: async (w) => ({
    token: w.p.officers[0].token,
    vars: { input: { name: `Công ty Nhật Ký ${uniq()}`, taxCode: newTaxCode(), workerCount: 40, hasUnion: false, orgUnitId: w.p.unitId } },
  }),
  updateEnterprise: async (w) => ({
    token: w.p.officers[0].token,
    vars: { input: { id: await createEnterprise(w.api, w.p), address: `Số ${uniq()} phố Lê Lợi`, workerCount: 77 } },
  }),
  closeEnterprise: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { id: await createEnterprise(w.api, w.p), closedOn: today(), note: 'Giải thể' } },
  }),
  reopenEnterprise: async (w) => {
    const id = await createEnterprise(w.api, w.p);
    await w.api.ok(`mutation($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { id } }`, { i: { id, closedOn: today() } }, w.p.supervisor.token);
    return { token: w.p.supervisor.token, vars: { id } };
  },
  submitApplication: async (w) => ({ token: w.p.supervisor.token, vars: { input: applicant({ grassrootsUnionId: w.cdcs.id }) } }),
  decideApplication: async (w) => {
    const app = await w.api.ok(
      `mutation($i: ApplicationInput!) { submitApplication(input: $i) { id } }`,
      { i: applicant({ grassrootsUnionId: w.cdcs.id }) },
      w.p.supervisor.token,
    );
    return {
      token: w.p.supervisor.token,
      vars: { input: { applicationId: app.submitApplication.id, admit: true, decidedOn: today(), decisionNumber: `QĐ-${uniq()}` } },
    };
  },
  setTarget: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { year: year(), orgUnitId: w.p.unitId, newMembers: 100 + Math.floor(Math.random() * 900) } },
  }),
  acknowledgeEscalation: async (w) => {
    const caseId = await escalatedCase(w);
    const [e] = await w.api.db.query(`SELECT id FROM escalation WHERE case_id = $1 AND level = 'WARNING'`, [caseId]);
    return { token: w.p.officers[0].token, vars: { id: e.id } };
  },
  acknowledgeCaseEscalations: async (w) => ({ token: w.p.supervisor.token, vars: { input: { caseIds: [await escalatedCase(w)] } } }),
  evaluateRewards: async (w) => ({ token: w.p.supervisor.token, vars: { orgUnitId: w.p.unitId, periodKind: 'YEAR', periodStart: `${year()}-01-01` } }),
  decideNomination: async (w) => {
    const [n] = await w.api.db.query(
      `INSERT INTO reward_nomination (org_unit_id, occasion, period_kind, period_start, period_end, rule, officer_id, nominee, score, basis, figures)
       VALUES ($1, 'YEAR_END', 'YEAR', $2, $3, 'OFFICER_RESULTS', $4, 'Cán bộ Nhật Ký', 1, 'nhật ký', '{}') RETURNING id`,
      [w.p.unitId, `${returnYear}-01-01`, `${returnYear++}-12-31`, w.p.officers[0].id],
    );
    return { token: w.p.supervisor.token, vars: { id: n.id, approve: true, note: 'Đồng ý' } };
  },
  setCalendarDay: async (w) => {
    const day = farWeekday(1);
    w.farDays.push(day);
    return { token: w.admin.token, vars: { day, kind: 'DAY_OFF', note: 'Nghỉ bù (nhật ký)', document: 'Thông báo 2/TB-NK' } };
  },
  saveCalendarDay: async (w) => {
    const day = farWeekday(2);
    w.farDays.push(day);
    return { token: w.admin.token, vars: { input: { day, kind: 'DAY_OFF', note: 'Nghỉ (nhật ký)', document: 'Thông báo 3/TB-NK' } } };
  },
  saveCalendarDays: async (w) => {
    const days = [farWeekday(4), farWeekday(5)];
    w.farDays.push(...days);
    return {
      token: w.admin.token,
      vars: { input: { days: days.map((day) => ({ day, kind: 'DAY_OFF', note: 'Nghỉ lễ (nhật ký)', document: 'Bộ luật Lao động 2019, Điều 112' })) } },
    };
  },
  removeCalendarDay: async (w) => {
    const day = farWeekday(3);
    w.farDays.push(day);
    await w.api.ok(
      `mutation($i: CalendarDayInput!) { saveCalendarDay(input: $i) { __typename } }`,
      { i: { day, kind: 'DAY_OFF', note: 'Nghỉ (nhật ký)', document: 'Thông báo 4/TB-NK' } },
      w.admin.token,
    );
    return { token: w.admin.token, vars: { day } };
  },
  requestReport: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, periodKind: 'MONTH', periodStart: `${today().slice(0, 8)}01` } },
  }),
  updateUser: async (w) => ({ token: w.admin.token, vars: { input: { id: await newAccount(w), fullName: `Nguyễn Văn Đổi Tên ${uniq()}` } } }),
  deactivateUser: async (w) => ({ token: w.admin.token, vars: { id: await newAccount(w) } }),
  reactivateUser: async (w) => {
    const id = await newAccount(w);
    await w.api.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id }, w.admin.token);
    return { token: w.admin.token, vars: { id } };
  },
  resetPassword: async (w) => ({ token: w.admin.token, vars: { id: await newAccount(w) } }),
  changePassword: async (w) => {
    const id = await newAccount(w);
    const [u] = await w.api.db.query(`SELECT email FROM app_user WHERE id = $1`, [id]);
    return { token: await w.api.login(u.email), vars: { input: { currentPassword: PASSWORD, newPassword: 'doi-mat-khau-9x7q' } } };
  },
  updateOrgUnit: async (w) => ({ token: w.p.supervisor.token, vars: { input: { id: w.cdcs.id, name: `Công đoàn cơ sở Công ty May ${uniq()}` } } }),
  confirmRegisterImport: async (w) => ({ token: w.p.supervisor.token, vars: { id: await newImport(w) } }),
  cancelRegisterImport: async (w) => ({ token: w.p.supervisor.token, vars: { id: await newImport(w) } }),
  recommendMembersToParty: async (w) => ({
    token: w.cdcs.chair.token,
    vars: { input: { grassrootsUnionId: w.cdcs.id, resolutionNumber: `NQ-${uniq()}`, resolutionOn: today(), memberIds: [await newStaff(w, true)] } },
  }),
  recordPartyAdmission: async (w) => ({ token: w.cdcs.chair.token, vars: { input: { ...(await newRecommendation(w)), admitted: true, decidedOn: today() } } }),
  saveUnionGroup: async (w) => ({ token: w.cdcs.chair.token, vars: { input: { grassrootsUnionId: w.cdcs.id, name: `Tổ Nhật Ký ${uniq()}` } } }),
  removeUnionGroup: async (w) => ({ token: w.cdcs.chair.token, vars: { id: await unionGroup(w) } }),
  assignMemberToUnionGroup: async (w) => ({
    token: w.cdcs.chair.token,
    vars: { input: { memberId: await newStaff(w, true), unionGroupId: await unionGroup(w) } },
  }),
  saveStatisticsReturnSettings: async (w) => ({ token: w.p.supervisor.token, vars: { input: { orgUnitId: w.p.unitId, dueWorkingDays: 12 } } }),
  scheduleReviewMeeting: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, day: meetingDay(1), chairId: w.p.supervisor.id } },
  }),
  scheduleMonthlyReviewMeetings: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, year: year() + 3, chairId: w.p.supervisor.id, dayOfMonth: 10 } },
  }),
  cancelReviewMeeting: async (w) => ({ token: w.p.supervisor.token, vars: { input: { id: await scheduleMeeting(w.api, w.p, meetingDay(1)) } } }),
  holdReviewMeeting: async (w) => ({
    token: w.p.supervisor.token,
    vars: {
      input: {
        id: await scheduleMeeting(w.api, w.p, meetingDay(-1)),
        minutes: 'Giao ban (nhật ký)',
        actionItems: [{ what: 'Việc nhật ký', assigneeId: w.p.officers[0].id, dueOn: today() }],
      },
    },
  }),
  completeActionItem: async (w) => {
    const id = await heldMeeting(w.api, w.p, meetingDay(-1), [{ what: 'Việc nhật ký', assigneeId: w.p.officers[0].id, dueOn: today() }]);
    const [item] = await w.api.db.query(`SELECT id FROM review_action_item WHERE meeting_id = $1`, [id]);
    return { token: w.p.officers[0].token, vars: { id: item.id } };
  },
  savePlan: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, year: year(), number: `${uniq()}/KH-NK`, issuedOn: today(), title: 'Kế hoạch nhật ký' } },
  }),
  saveOfficerArea: async (w) => ({ token: w.p.supervisor.token, vars: { input: { officerId: w.p.officers[0].id, districts: [`Huyện Nhật Ký ${uniq()}`] } } }),
  saveBudgetHeading: async (w) => ({ token: w.p.supervisor.token, vars: { input: { orgUnitId: w.p.unitId, name: `Khoản Nhật Ký ${uniq()}` } } }),
  setBudgetPlan: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, year: year(), lines: [{ headingId: await heading(w), amount: String(1_000_000 + meetingSeq++) }] } },
  }),
  recordBudgetEntry: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { orgUnitId: w.p.unitId, headingId: await heading(w), spentOn: today(), amount: '1000', voucherNumber: `NK-${uniq()}` } },
  }),
  reverseBudgetEntry: async (w) => {
    const entryId = await newLedgerEntry(w.api, w.p.unitId, w.p.supervisor.id, 'NK');
    return { token: w.p.supervisor.token, vars: { input: { entryId, reason: 'Ghi nhầm (nhật ký)' } } };
  },
  moveOrgUnit: async (w) => ({ token: w.admin.token, vars: { input: { id: await freshUnit(w), newParentId: w.p.federationId, ...structure() } } }),
  transferOrgUnits: async (w) => ({ token: w.admin.token, vars: { input: { ids: [await freshUnit(w)], newParentId: w.p.federationId, ...structure() } } }),
  renameOrgUnit: async (w) => ({ token: w.admin.token, vars: { input: { id: await freshUnit(w), name: `Tên mới ${uniq()}`, ...structure() } } }),
  foundOrgUnit: async (w) => ({
    token: w.admin.token,
    vars: { input: { name: `Công đoàn xã ${uniq()}`, kind: 'UPPER_LEVEL', parentId: w.p.federationId, ...structure() } },
  }),
  dissolveOrgUnit: async (w) => ({ token: w.admin.token, vars: { input: { id: await freshUnit(w), ...structure() } } }),
  upgradeOrgUnit: async (w) => ({ token: w.admin.token, vars: { input: { id: await freshUnit(w), newParentId: w.p.federationId, ...structure() } } }),
  downgradeOrgUnit: async (w) => ({ token: w.admin.token, vars: { input: { id: await freshUpper(w), ...structure() } } }),
  setGrassrootsEmployer: async (w) => ({
    token: w.p.supervisor.token,
    vars: { input: { grassrootsUnionId: await freshUnit(w), enterpriseId: await createEnterprise(w.api, w.p) } },
  }),
  mergeOrgUnits: async (w) => ({ token: w.admin.token, vars: { input: { ids: [await freshUnit(w)], into: w.p.unitId, ...structure() } } }),
  splitOrgUnit: async (w) => ({
    token: w.admin.token,
    vars: { input: { id: await freshUpper(w), parts: [{ name: `Công đoàn xã A ${uniq()}` }, { name: `Công đoàn xã B ${uniq()}` }], ...structure() } },
  }),
  cancelOrgUnitChange: async (w) => {
    const d = await w.api.ok(
      `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id } }`,
      { i: { id: await freshUnit(w), name: `Tên mới ${uniq()}`, ...structure() } },
      w.admin.token,
    );
    return { token: w.admin.token, vars: { id: d.renameOrgUnit.id } };
  },
  issueDocument: async (w) => ({ token: w.cdcs.chair.token, vars: { input: { kind: 'ADMISSION_DECISION', sourceId: await newAdmission(w) } } }),
  cancelDocument: async (w) => {
    const d = await w.api.ok(
      `mutation($i: IssueDocumentInput!) { issueDocument(input: $i) { id } }`,
      { i: { kind: 'ADMISSION_DECISION', sourceId: await newAdmission(w) } },
      w.cdcs.chair.token,
    );
    return { token: w.cdcs.chair.token, vars: { input: { id: d.issueDocument.id, reason: 'Ghi nhầm (nhật ký)' } } };
  },
  saveDocumentSettings: async (w) => ({ token: w.admin.token, vars: { input: documentSettings(w.p.unitId) } }),
};
