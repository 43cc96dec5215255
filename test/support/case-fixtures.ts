import { CaseStage, OPEN_STAGES } from '@app/domain';
import { GqlResult, Province, TestApi, TestUser, newTaxCode } from './test-api';

/**
 * Founding-case steps over GraphQL, shared by the case, concurrency, pipeline and query-count
 * tests. Every step goes through the public API (no service shortcuts), so a fixture that
 * works is itself evidence that the write path accepts the contract's inputs.
 */

/** A stage as the API spells it. */
export type Stage = `${CaseStage}`;
export const STAGE_ORDER: Stage[] = [...OPEN_STAGES, CaseStage.RECOGNIZED];

/** The calendar day in Asia/Ho_Chi_Minh, as the backend defines "today". */
export function vnToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `day` plus `n` calendar days (n may be negative), YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const CASE_FIELDS = `
  id version stage stageDueOn closedReason closedFromStage decisionNumber decidedOn overdue
  assignee { id }
  orgUnit { id }
  enterprise { id hasUnion workerCount }
  grassrootsUnion { id name kind parent { id } }
  applications { id fullName status submittedOn decidedOn decisionNumber }
  history { from to action version comment by { id } }`;

export const M = {
  createEnterprise: `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id name taxCode workerCount hasUnion orgUnit { id } } }`,
  open: `mutation($i: OpenCaseInput!) { openFoundingCase(input: $i) { ${CASE_FIELDS} } }`,
  assign: `mutation($i: AssignCaseInput!) { assignFoundingCase(input: $i) { ${CASE_FIELDS} } }`,
  survey: `mutation($i: SurveyInput!) { recordSurvey(input: $i) { ${CASE_FIELDS} } }`,
  outreach: `mutation($i: OutreachInput!) { recordOutreach(input: $i) { ${CASE_FIELDS} } }`,
  committee: `mutation($i: CommitteeInput!) { formMobilizationCommittee(input: $i) { ${CASE_FIELDS} } }`,
  apply: `mutation($i: ApplicationInput!) { submitApplication(input: $i) { id fullName status submittedOn decidedOn decisionNumber } }`,
  decideApplication: `mutation($i: DecideApplicationInput!) { decideApplication(input: $i) { id status decidedOn decisionNumber rejectionReason } }`,
  congress: `mutation($i: CongressInput!) { recordFoundingCongress(input: $i) { ${CASE_FIELDS} } }`,
  decision: `mutation($i: DecisionInput!) { recordRecognitionDecision(input: $i) { ${CASE_FIELDS} } }`,
  advance: `mutation($i: AdvanceInput!) { advanceFoundingCase(input: $i) { ${CASE_FIELDS} } }`,
  close: `mutation($i: CloseInput!) { closeFoundingCase(input: $i) { ${CASE_FIELDS} } }`,
  reopen: `mutation($i: ReopenInput!) { reopenFoundingCase(input: $i) { ${CASE_FIELDS} } }`,
  setTarget: `mutation($i: TargetInput!) { setTarget(input: $i) }`,
  createOrgUnit: `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id name kind parent { id } } }`,
};

export const Q = {
  foundingCase: `query($id: ID!) { foundingCase(id: $id) { ${CASE_FIELDS} } }`,
  foundingCases: `query($f: CaseFilter, $first: Int) { foundingCases(filter: $f, first: $first) { totalCount nodes { id stage overdue } } }`,
  pipeline: `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) {
    orgUnit { id } year
    stages { stage count overdue }
    newMembers { target actual } newGrassrootsUnions { target actual }
    coverage { enterprises25Plus withUnion percent targetPercent } } }`,
};

/** The error code of a refused call (undefined when it succeeded). */
export function codeOf(r: GqlResult): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

/** The extensions of the first error, failing loudly when the call succeeded. */
export function errorOf(r: GqlResult): Record<string, any> {
  if (!r.errors?.length) throw new Error(`expected a GraphQL error, got data ${JSON.stringify(r.data)}`);
  return r.errors[0].extensions ?? {};
}

export interface CaseRef {
  caseId: string;
  version: number;
  enterpriseId: string;
  stage: Stage;
  applicationIds: string[];
}

export interface EnterpriseOptions {
  name?: string;
  workerCount?: number;
  hasUnion?: boolean;
  address?: string;
  district?: string;
  taxCode?: string;
  ownership?: 'STATE' | 'PRIVATE' | 'FOREIGN_INVESTED' | 'COLLECTIVE' | 'OTHER' | null;
  orgUnitId?: string;
  token?: string;
}

export async function createEnterprise(api: TestApi, p: Province, o: EnterpriseOptions = {}): Promise<string> {
  const d = await api.ok(
    M.createEnterprise,
    {
      i: {
        name: o.name ?? `Công ty TNHH May mặc ${p.tag} ${Math.random().toString(36).slice(2, 7)}`,
        taxCode: o.taxCode ?? newTaxCode(),
        ...(o.address ? { address: o.address } : {}),
        district: o.district ?? 'Thành phố Thái Bình',
        sector: 'Dệt may',
        ownership: o.ownership === undefined ? 'PRIVATE' : o.ownership,
        workerCount: o.workerCount ?? 120,
        hasUnion: o.hasUnion ?? false,
        orgUnitId: o.orgUnitId ?? p.unitId,
      },
    },
    o.token ?? p.supervisor.token,
  );
  return d.createEnterprise.id;
}

export interface OpenOptions extends EnterpriseOptions {
  enterpriseId?: string;
  /** The assignee; null opens the case unassigned. Default: the province's first officer. */
  assignee?: TestUser | null;
}

export async function openCase(api: TestApi, p: Province, o: OpenOptions = {}): Promise<CaseRef> {
  const enterpriseId = o.enterpriseId ?? (await createEnterprise(api, p, o));
  const assignee = o.assignee === undefined ? p.officers[0] : o.assignee;
  const d = await api.ok(M.open, { i: { enterpriseId, assigneeId: assignee?.id ?? null } }, p.supervisor.token);
  return { caseId: d.openFoundingCase.id, version: d.openFoundingCase.version, enterpriseId, stage: d.openFoundingCase.stage, applicationIds: [] };
}

/** Applies a successful case mutation's answer to the ref (version and stage). */
function bump(ref: CaseRef, c: { version: number; stage: Stage }): CaseRef {
  ref.version = c.version;
  ref.stage = c.stage;
  return ref;
}

export interface Dates {
  surveyedOn?: string;
  outreachOn?: string;
  formedOn?: string;
  submittedOn?: string;
  congressOn?: string;
  dossierOn?: string;
  decidedOn?: string;
}

/** A founding recognized by the decision of 20 May 2025: Workers' Month 2025 has nominations to make. */
export const MAY_2025: Dates = {
  surveyedOn: '2025-05-02',
  outreachOn: '2025-05-05',
  formedOn: '2025-05-08',
  submittedOn: '2025-05-08',
  congressOn: '2025-05-12',
  dossierOn: '2025-05-12',
  decidedOn: '2025-05-20',
};

export const steps = {
  async survey(api: TestApi, token: string, ref: CaseRef, extra: Record<string, unknown> = {}) {
    const d = await api.ok(
      M.survey,
      {
        i: {
          caseId: ref.caseId,
          expectedVersion: ref.version,
          surveyedOn: vnToday(),
          workerCount: 120,
          hasUnion: false,
          contactName: 'Chị Lan, phòng nhân sự',
          ...extra,
        },
      },
      token,
    );
    return bump(ref, d.recordSurvey);
  },
  async outreach(api: TestApi, token: string, ref: CaseRef, extra: Record<string, unknown> = {}) {
    const d = await api.ok(
      M.outreach,
      { i: { caseId: ref.caseId, expectedVersion: ref.version, heldOn: vnToday(), workersReached: 80, workersInterested: 30, ...extra } },
      token,
    );
    return bump(ref, d.recordOutreach);
  },
  async committee(api: TestApi, token: string, ref: CaseRef, extra: Record<string, unknown> = {}) {
    const d = await api.ok(
      M.committee,
      { i: { caseId: ref.caseId, expectedVersion: ref.version, formedOn: vnToday(), memberNames: ['Nguyễn Thị Hoa', 'Trần Văn Nam', 'Lê Thị Mai'], ...extra } },
      token,
    );
    return bump(ref, d.formMobilizationCommittee);
  },
  async congress(api: TestApi, token: string, ref: CaseRef, extra: Record<string, unknown> = {}) {
    const d = await api.ok(
      M.congress,
      {
        i: {
          caseId: ref.caseId,
          expectedVersion: ref.version,
          heldOn: vnToday(),
          attendees: 42,
          executiveCommittee: ['Nguyễn Thị Hoa', 'Trần Văn Nam', 'Lê Thị Mai'],
          chairName: 'Nguyễn Thị Hoa',
          dossierCompletedOn: vnToday(),
          ...extra,
        },
      },
      token,
    );
    return bump(ref, d.recordFoundingCongress);
  },
  async decision(api: TestApi, token: string, ref: CaseRef, extra: Record<string, unknown> = {}) {
    const d = await api.ok(
      M.decision,
      {
        i: {
          caseId: ref.caseId,
          expectedVersion: ref.version,
          decisionNumber: `123/QĐ-CĐN-${ref.caseId.slice(0, 6)}`,
          decidedOn: vnToday(),
          signedBy: 'Phạm Văn Đức, Chủ tịch',
          grassrootsUnionName: `Công đoàn cơ sở ${ref.caseId.slice(0, 8)}`,
          ...extra,
        },
      },
      token,
    );
    return bump(ref, d.recordRecognitionDecision);
  },
  async advance(api: TestApi, token: string, ref: CaseRef, comment?: string) {
    const d = await api.ok(M.advance, { i: { caseId: ref.caseId, expectedVersion: ref.version, comment: comment ?? null } }, token);
    return bump(ref, d.advanceFoundingCase);
  },
};

let applicantSeq = 0;

/** A 12-digit citizen id (CCCD) no other test uses (random). */
export function newPersonalId(): string {
  return String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
}

/** A valid applicant (Vietnamese worker, indefinite contract); override any field. */
export function applicant(target: { caseId?: string; grassrootsUnionId?: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  applicantSeq += 1;
  return {
    ...target,
    fullName: `Công nhân ${applicantSeq} ${Math.random().toString(36).slice(2, 7)}`,
    birthYear: 1990 + (applicantSeq % 15),
    gender: applicantSeq % 2 ? 'Nữ' : 'Nam',
    position: 'Công nhân may',
    isManager: false,
    servingSentence: false,
    nationality: 'Việt Nam',
    contractMonths: null,
    submittedOn: vnToday(),
    ...extra,
  };
}

export async function submitApplications(api: TestApi, token: string, ref: CaseRef, n: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }, extra) }, token);
    ids.push(d.submitApplication.id);
  }
  ref.applicationIds.push(...ids);
  return ids;
}

export interface WalkOptions extends OpenOptions {
  /** Who records the officer's steps (default: the assignee, else the supervisor). */
  worker?: TestUser;
  /** Applications submitted in GUIDANCE (default 5). */
  applications?: number;
  dates?: Dates;
}

/**
 * A case opened by the supervisor (assigned to an officer) and walked through every stage up to
 * `stage`, recording the evidence each exit needs; the officer records, the supervisor decides.
 * Ends just after entering `stage` (no evidence of that stage recorded yet).
 */
export async function walkToStage(api: TestApi, p: Province, stage: Stage, o: WalkOptions = {}): Promise<CaseRef> {
  if (stage === 'CLOSED') throw new Error('walkToStage walks open stages and RECOGNIZED; close it yourself');
  const ref = await openCase(api, p, o);
  const assignee = o.assignee === undefined ? p.officers[0] : o.assignee;
  const worker = (o.worker ?? assignee ?? p.supervisor).token;
  const dt = o.dates ?? {};
  const target = STAGE_ORDER.indexOf(stage);
  const reached = () => STAGE_ORDER.indexOf(ref.stage) >= target;
  if (reached()) return ref;
  await steps.survey(api, worker, ref, dt.surveyedOn ? { surveyedOn: dt.surveyedOn } : {});
  await steps.advance(api, worker, ref);
  if (reached()) return ref;
  await steps.outreach(api, worker, ref, dt.outreachOn ? { heldOn: dt.outreachOn } : {});
  await steps.advance(api, worker, ref);
  if (reached()) return ref;
  await steps.committee(api, worker, ref, dt.formedOn ? { formedOn: dt.formedOn } : {});
  await submitApplications(api, worker, ref, o.applications ?? 5, dt.submittedOn ? { submittedOn: dt.submittedOn } : {});
  await steps.advance(api, worker, ref);
  if (reached()) return ref;
  await steps.congress(api, worker, ref, {
    ...(dt.congressOn ? { heldOn: dt.congressOn } : {}),
    ...(dt.dossierOn ? { dossierCompletedOn: dt.dossierOn } : {}),
  });
  await steps.advance(api, worker, ref);
  if (reached()) return ref;
  await steps.decision(api, p.supervisor.token, ref, dt.decidedOn ? { decidedOn: dt.decidedOn } : {});
  await steps.advance(api, worker, ref);
  return ref;
}

/** The case's state straight from Postgres: version, stage, history and evidence counts. */
export async function caseState(api: TestApi, caseId: string) {
  const [row] = await api.db.query(
    `SELECT c.version, c.stage, c.assignee_id,
            (SELECT count(*)::int FROM case_transition t WHERE t.case_id = c.id) AS history,
            (SELECT count(*)::int FROM case_evidence v WHERE v.case_id = c.id) AS evidence,
            (SELECT count(*)::int FROM membership_application a WHERE a.case_id = c.id) AS applications
       FROM founding_case c WHERE c.id = $1`,
    [caseId],
  );
  return row as { version: number; stage: Stage; assignee_id: string | null; history: number; evidence: number; applications: number };
}

/** Pipeline figures of a unit for a year, read as `as` (default: the province's supervisor). */
export async function pipelineOf(api: TestApi, token: string, orgUnitId: string, year: number) {
  const d = await api.ok(Q.pipeline, { u: orgUnitId, y: year }, token);
  const p = d.pipeline;
  const stage = (s: Stage) => p.stages.find((x: { stage: Stage }) => x.stage === s) as { stage: Stage; count: number; overdue: number };
  return { ...p, stage };
}
