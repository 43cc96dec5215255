import { M, addDays, applicant, codeOf, errorOf, openCase, vnToday, walkToStage } from '../support/case-fixtures';
import { Cdcs, G, addStaff, citizenIdFor, newCdcs, staffPerson } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * The applications sent to a CĐCS and its admission decisions, as its page reads them (docs/architecture.md#grassroots-unions):
 * `membershipApplications` scoped as the register, filtered by status and paged; a refusal by the chair
 * (`decideApplication` admit: false) and an admission by `admitMembers` with `applicationIds`; `admissionDecisions`
 * with their people and the documents they link to; and a founding case's applications, refused one by one.
 */
jest.setTimeout(120_000);

const today = vnToday();
const LIST = `query($g: ID!, $s: ApplicationStatus, $first: Int, $after: String) {
  membershipApplications(grassrootsUnionId: $g, status: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id fullName birthYear position status submittedOn dueOn decidedOn decisionNumber rejectionReason } } }`;
const DECISIONS = `query($g: ID!, $first: Int, $after: String) {
  admissionDecisions(grassrootsUnionId: $g, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id number decidedOn signer membersCount memberIds members { id fullName status } } } }`;
const DOCUMENTS = `query($s: ID!) { documents(kind: ADMISSION_DECISION, sourceId: $s) { id numberLabel status } }`;

describe('grassroots: applications to a CĐCS and its admission decisions', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let one: Cdcs;
  let two: Cdcs;

  const submit = async (c: Cdcs, extra: Record<string, unknown> = {}): Promise<string> =>
    (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: c.id }, extra) }, c.chair.token)).submitApplication.id;
  const list = (c: Cdcs, token: string, vars: Record<string, unknown> = {}) => api.gql(LIST, { g: c.id, ...vars }, token);
  const statusOf = async (id: string): Promise<string> => (await api.db.query(`SELECT status FROM membership_application WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    one = await newCdcs(api, a, 'Công ty Đơn');
    two = await newCdcs(api, a, 'Công ty Khác');
  });
  afterAll(() => api?.close());

  it("lists a CĐCS's pending applications to its chair and its upper level only", async () => {
    const id = await submit(one, { fullName: 'Lê Thị Phạm Vi' });
    for (const token of [one.chair.token, a.supervisor.token, a.officers[0].token]) {
      const r = await list(one, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).toContain(id);
    }
    // Another CĐCS's chair, and the upper level of another province: as if it did not exist.
    expect(codeOf(await list(one, two.chair.token))).toBe('NOT_FOUND');
    expect(codeOf(await list(one, b.supervisor.token))).toBe('NOT_FOUND');
    // The CĐCS's list holds its own applications only.
    const other = await list(two, two.chair.token);
    expect(other.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    // An upper-level unit is not a CĐCS.
    expect(codeOf(await api.gql(LIST, { g: a.unitId }, a.supervisor.token))).toBe('NOT_FOUND');
  });

  it('filters by status (null: all), pages the pending ones oldest first and the others newest first', async () => {
    const c = await newCdcs(api, a, 'Công ty Trang');
    const ids = [];
    for (const d of [3, 1, 2]) ids.push(await submit(c, { submittedOn: addDays(today, -d) }));
    const [oldest, newest, middle] = ids;
    const first = await list(c, c.chair.token, { first: 2 });
    expect(first.data!.membershipApplications.totalCount).toBe(3);
    expect(first.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).toEqual([oldest, middle]);
    expect(first.data!.membershipApplications.pageInfo.hasNextPage).toBe(true);
    const next = await list(c, c.chair.token, { first: 2, after: first.data!.membershipApplications.pageInfo.endCursor });
    expect(next.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).toEqual([newest]);
    expect(next.data!.membershipApplications.pageInfo.hasNextPage).toBe(false);

    await api.ok(M.decideApplication, { i: { applicationId: middle, admit: false, decidedOn: today, reason: 'Không còn làm việc' } }, c.chair.token);
    const rejected = await list(c, c.chair.token, { s: 'REJECTED' });
    expect(rejected.data!.membershipApplications.nodes).toEqual([
      expect.objectContaining({ id: middle, status: 'REJECTED', rejectionReason: 'Không còn làm việc', decidedOn: today }),
    ]);
    const all = await list(c, c.chair.token, { s: null, first: 2 });
    expect(all.data!.membershipApplications.totalCount).toBe(3);
    expect(all.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).toEqual([newest, middle]);
    const rest = await list(c, c.chair.token, { s: null, first: 2, after: all.data!.membershipApplications.pageInfo.endCursor });
    expect(rest.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).toEqual([oldest]);
    expect(codeOf(await list(c, c.chair.token, { after: 'khong-phai-con-tro' }))).toBe('BAD_USER_INPUT');
  });

  it('lets the chair refuse an application with a reason (then the pending list no longer shows it), never admit one that way', async () => {
    const id = await submit(one);
    const noReason = await api.gql(M.decideApplication, { i: { applicationId: id, admit: false, decidedOn: today } }, one.chair.token);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(errorOf(noReason).fields).toEqual(['reason']);
    const admit = await api.gql(M.decideApplication, { i: { applicationId: id, admit: true, decidedOn: today } }, one.chair.token);
    expect(codeOf(admit)).toBe('BAD_USER_INPUT');
    expect(errorOf(admit).messages.admit).toContain('quyết định kết nạp');
    const elsewhere = await api.gql(M.decideApplication, { i: { applicationId: id, admit: false, decidedOn: today, reason: 'x' } }, two.chair.token);
    expect(codeOf(elsewhere)).toBe('NOT_FOUND');
    expect(await statusOf(id)).toBe('SUBMITTED');

    const r = await api.ok(M.decideApplication, { i: { applicationId: id, admit: false, decidedOn: today, reason: 'Là người quản lý' } }, one.chair.token);
    expect(r.decideApplication).toMatchObject({ status: 'REJECTED', rejectionReason: 'Là người quản lý' });
    const pending = await list(one, one.chair.token);
    expect(pending.data!.membershipApplications.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    const again = await api.gql(M.decideApplication, { i: { applicationId: id, admit: false, decidedOn: today, reason: 'Lần hai' } }, one.chair.token);
    expect(codeOf(again)).toBe('CONFLICT');
    // Nobody joined the register.
    expect((await api.db.query(`SELECT count(*)::int AS n FROM member WHERE application_id = $1`, [id]))[0].n).toBe(0);
  });

  it('admits applications by one admission decision: listed ADMITTED with its number, the people members, the decision with its document', async () => {
    const c = await newCdcs(api, a, 'Công ty Kết Nạp');
    const [staffId] = await addStaff(api, c, 1);
    const apps = [await submit(c, { fullName: 'Đỗ Thị Hằng' }), await submit(c, { fullName: 'Vũ Văn Quang' })];
    const d = await api.ok(
      G.admit,
      { i: { grassrootsUnionId: c.id, decidedOn: today, signer: 'Nguyễn Văn Chủ Tịch', memberIds: [staffId], applicationIds: apps } },
      c.chair.token,
    );
    const number = d.admitMembers.number as string;
    expect(number).toMatch(/^1\/QĐ-/);

    expect((await list(c, c.chair.token)).data!.membershipApplications.totalCount).toBe(0);
    const admitted = await list(c, a.supervisor.token, { s: 'ADMITTED' });
    expect(admitted.data!.membershipApplications.nodes).toHaveLength(2);
    for (const n of admitted.data!.membershipApplications.nodes) expect(n).toMatchObject({ status: 'ADMITTED', decisionNumber: number, decidedOn: today });
    const members = await api.ok(G.members, { g: c.id, f: { status: 'MEMBER' }, first: 10 }, c.chair.token);
    expect(members.members.nodes.map((n: { fullName: string }) => n.fullName)).toEqual(expect.arrayContaining(['Đỗ Thị Hằng', 'Vũ Văn Quang']));
    expect(members.members.totalCount).toBe(3);

    const decisions = await api.ok(DECISIONS, { g: c.id }, c.chair.token);
    expect(decisions.admissionDecisions.totalCount).toBe(1);
    const [decision] = decisions.admissionDecisions.nodes;
    expect(decision).toMatchObject({ id: d.admitMembers.id, number, decidedOn: today, signer: 'Nguyễn Văn Chủ Tịch', membersCount: 3 });
    expect(decision.members.map((m: { fullName: string }) => m.fullName)).toEqual(
      [...decision.members.map((m: { fullName: string }) => m.fullName)].sort((x: string, y: string) => x.localeCompare(y, 'vi')),
    );
    expect(decision.members.map((m: { fullName: string }) => m.fullName)).toEqual(expect.arrayContaining(['Đỗ Thị Hằng', 'Vũ Văn Quang']));
    expect(decision.members.every((m: { status: string }) => m.status === 'MEMBER')).toBe(true);
    expect(new Set(decision.memberIds)).toEqual(new Set(decision.members.map((m: { id: string }) => m.id)));
    // Its document, as the documents panel lists it.
    const docs = await api.ok(DOCUMENTS, { s: decision.id }, c.chair.token);
    expect(docs.documents.map((x: { numberLabel: string }) => x.numberLabel)).toEqual([number]);
  });

  it("pages a CĐCS's admission decisions newest first, to its chair and upper level only", async () => {
    const c = await newCdcs(api, a, 'Công ty Quyết Định');
    const ids: string[] = [];
    for (const [i, day] of [addDays(today, -5), addDays(today, -1), addDays(today, -3)].entries()) {
      const [s] = await addStaff(api, c, 1);
      const d = await api.ok(
        G.admit,
        { i: { grassrootsUnionId: c.id, decisionNumber: `0${i + 1}/QĐ`, decidedOn: day, signer: 'Chủ tịch', memberIds: [s] } },
        c.chair.token,
      );
      ids.push(d.admitMembers.id);
    }
    const [oldest, newest, middle] = ids;
    const first = await api.ok(DECISIONS, { g: c.id, first: 2 }, a.officers[0].token);
    expect(first.admissionDecisions.totalCount).toBe(3);
    expect(first.admissionDecisions.nodes.map((n: { id: string }) => n.id)).toEqual([newest, middle]);
    const next = await api.ok(DECISIONS, { g: c.id, first: 2, after: first.admissionDecisions.pageInfo.endCursor }, a.officers[0].token);
    expect(next.admissionDecisions.nodes.map((n: { id: string }) => n.id)).toEqual([oldest]);
    expect(next.admissionDecisions.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await api.gql(DECISIONS, { g: c.id }, one.chair.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DECISIONS, { g: c.id }, b.supervisor.token))).toBe('NOT_FOUND');
  });

  it('refuses an applicant who became a member elsewhere meanwhile (INELIGIBLE, naming the person) and admits nobody', async () => {
    const c = await newCdcs(api, a, 'Công ty Trùng');
    const citizenId = citizenIdFor('1992-05-06', 'FEMALE');
    const app = await submit(c, { fullName: 'Trịnh Thị Trùng', personalId: citizenId, birthYear: 1992 });
    const there = (
      await api.ok(G.addStaff, { i: { grassrootsUnionId: two.id, ...staffPerson({ citizenId, birthDate: '1992-05-06', sex: 'FEMALE' }) } }, two.chair.token)
    ).addStaff.id;
    await api.ok(
      G.admit,
      { i: { grassrootsUnionId: two.id, decisionNumber: '09/QĐ', decidedOn: today, signer: 'Chủ tịch', memberIds: [there] } },
      two.chair.token,
    );
    const r = await api.gql(G.admit, { i: { grassrootsUnionId: c.id, decidedOn: today, signer: 'Chủ tịch', applicationIds: [app] } }, c.chair.token);
    expect(codeOf(r)).toBe('INELIGIBLE');
    expect(errorOf(r).members).toEqual([expect.objectContaining({ id: app, fullName: 'Trịnh Thị Trùng', reasons: ['ALREADY_MEMBER'] })]);
    expect(await statusOf(app)).toBe('SUBMITTED');
    expect((await api.ok(DECISIONS, { g: c.id }, c.chair.token)).admissionDecisions.totalCount).toBe(0);
  });

  it("refuses a founding case's application one by one before the recognition decision; its applicants are admitted only with the recognition", async () => {
    const ref = await openCase(api, a);
    const app = (await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }) }, a.officers[0].token)).submitApplication.id;
    const admit = await api.gql(M.decideApplication, { i: { applicationId: app, admit: true, decidedOn: today, decisionNumber: '1/QĐ' } }, a.supervisor.token);
    expect(codeOf(admit)).toBe('BAD_USER_INPUT');
    expect(errorOf(admit).messages.applicationId).toContain('quyết định công nhận');
    expect(codeOf(await api.gql(M.decideApplication, { i: { applicationId: app, admit: false, decidedOn: today, reason: 'x' } }, a.officers[0].token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(M.decideApplication, { i: { applicationId: app, admit: false, decidedOn: today, reason: 'x' } }, b.supervisor.token))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await api.gql(M.decideApplication, { i: { applicationId: app, admit: false, decidedOn: today, reason: 'x' } }, one.chair.token))).toBe(
      'NOT_FOUND',
    );
    const r = await api.ok(M.decideApplication, { i: { applicationId: app, admit: false, decidedOn: today, reason: 'Đã nghỉ việc' } }, a.supervisor.token);
    expect(r.decideApplication).toMatchObject({ status: 'REJECTED', rejectionReason: 'Đã nghỉ việc' });

    // At the recognition decision the founders are fixed: no refusal any more.
    const late = await walkToStage(api, a, 'RECOGNITION_DECISION');
    const [founder] = late.applicationIds;
    const refused = await api.gql(M.decideApplication, { i: { applicationId: founder, admit: false, decidedOn: today, reason: 'x' } }, a.supervisor.token);
    expect(codeOf(refused)).toBe('TRANSITION_NOT_ALLOWED');
    expect(await statusOf(founder)).toBe('SUBMITTED');
  });
});
