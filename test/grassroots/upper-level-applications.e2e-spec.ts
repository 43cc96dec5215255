import { M, addDays, applicant, codeOf, errorOf, openCase, vnToday } from '../support/case-fixtures';
import { newCdcs } from '../support/grassroots';
import { Province, TestApi, TestUser } from '../support/test-api';

/**
 * The applications sent directly to an upper-level union (the worker's enterprise has no CĐCS), which it decides
 * itself (docs/architecture.md#grassroots-unions): `upperLevelApplications` scoped to the officers and supervisors of
 * its subtree and ADMIN (a CĐCS's users FORBIDDEN, anything else NOT_FOUND), a CĐCS's and a founding case's
 * applications left out; a supervisor's admission (the member is the upper-level union's own) and refusal; a refused
 * decision changes nothing.
 */
jest.setTimeout(120_000);

const today = vnToday();
const LIST = `query($u: ID!, $s: ApplicationStatus, $first: Int, $after: String) {
  upperLevelApplications(orgUnitId: $u, status: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id fullName status submittedOn dueOn decidedOn decisionNumber rejectionReason } } }`;

type Node = { id: string };
const ids = (r: { data?: Record<string, any> | null }): string[] => r.data!.upperLevelApplications.nodes.map((n: Node) => n.id);

describe('upper-level unions: the applications sent directly to them', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let admin: TestUser;

  const submit = async (p: Province, extra: Record<string, unknown> = {}): Promise<string> =>
    (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }, extra) }, p.officers[0].token)).submitApplication.id;
  const list = (p: Province, token: string, vars: Record<string, unknown> = {}) => api.gql(LIST, { u: p.unitId, ...vars }, token);
  const rowOf = async (id: string) => (await api.db.query(`SELECT * FROM membership_application WHERE id = $1`, [id]))[0];
  const membersOf = async (id: string) =>
    api.db.query(`SELECT grassroots_union_id, admitted_on, decision_number, full_name FROM member WHERE application_id = $1`, [id]);

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  it("lists a unit's direct applications to its subtree's officers and supervisors and ADMIN only, without a CĐCS's or a case's", async () => {
    const id = await submit(a, { fullName: 'Hoàng Thị Trực Tiếp' });
    const cdcs = await newCdcs(api, a, 'Công ty Có CĐCS');
    const toCdcs = (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: cdcs.id }) }, cdcs.chair.token)).submitApplication.id;
    const ref = await openCase(api, a);
    const toCase = (await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }) }, a.officers[0].token)).submitApplication.id;

    for (const token of [a.officers[0].token, a.supervisor.token, a.federationSupervisor.token, admin.token]) {
      const r = await list(a, token);
      expect(r.errors).toBeUndefined();
      expect(ids(r)).toEqual([id]);
      expect(r.data!.upperLevelApplications.totalCount).toBe(1);
    }
    const [node] = (await list(a, a.supervisor.token)).data!.upperLevelApplications.nodes;
    // A direct application has a due day (the upper level decides it within a limit); the others do not.
    expect(node).toMatchObject({ fullName: 'Hoàng Thị Trực Tiếp', status: 'SUBMITTED', submittedOn: today });
    expect(node.dueOn > today).toBe(true);
    expect(ids(await list(a, a.supervisor.token, { s: null }))).not.toEqual(expect.arrayContaining([toCdcs]));
    expect(ids(await list(a, a.supervisor.token, { s: null }))).not.toEqual(expect.arrayContaining([toCase]));

    // Another province's people: as if the unit did not exist; a CĐCS's chair: not its operation.
    expect(codeOf(await list(a, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, b.officers[0].token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, cdcs.chair.token))).toBe('FORBIDDEN');
    // A unit that is not an upper-level union (a CĐCS, a federation), or no unit at all.
    expect(codeOf(await api.gql(LIST, { u: cdcs.id }, a.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(LIST, { u: a.federationId }, a.federationSupervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(LIST, { u: 'khong-phai-ma' }, admin.token))).toBe('NOT_FOUND');
    expect(codeOf(await list(a, a.supervisor.token, { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('filters by status and pages the pending ones oldest first', async () => {
    const p = await api.newProvince(1);
    const [oldest, newest, middle] = [
      await submit(p, { submittedOn: addDays(today, -3) }),
      await submit(p),
      await submit(p, { submittedOn: addDays(today, -1) }),
    ];
    const first = await list(p, p.officers[0].token, { first: 2 });
    expect(first.data!.upperLevelApplications.totalCount).toBe(3);
    expect(ids(first)).toEqual([oldest, middle]);
    const next = await list(p, p.officers[0].token, { first: 2, after: first.data!.upperLevelApplications.pageInfo.endCursor });
    expect(ids(next)).toEqual([newest]);
    expect(next.data!.upperLevelApplications.pageInfo.hasNextPage).toBe(false);
    await api.ok(M.decideApplication, { i: { applicationId: middle, admit: false, decidedOn: today, reason: 'Trùng đơn' } }, p.supervisor.token);
    expect(ids(await list(p, p.officers[0].token, { s: 'REJECTED' }))).toEqual([middle]);
    expect(ids(await list(p, p.officers[0].token, { s: null }))).toEqual([newest, middle, oldest]);
  });

  it("admits one by the supervisor's decision: the applicant becomes a member of the upper-level union itself", async () => {
    const id = await submit(a, { fullName: 'Phan Văn Kết Nạp', submittedOn: addDays(today, -2) });
    const r = await api.ok(M.decideApplication, { i: { applicationId: id, admit: true, decidedOn: today, decisionNumber: '15/QĐ-CĐN' } }, a.supervisor.token);
    expect(r.decideApplication).toMatchObject({ id, status: 'ADMITTED', decidedOn: today, decisionNumber: '15/QĐ-CĐN', rejectionReason: null });
    expect(await membersOf(id)).toEqual([{ grassroots_union_id: a.unitId, admitted_on: today, decision_number: '15/QĐ-CĐN', full_name: 'Phan Văn Kết Nạp' }]);
    expect(ids(await list(a, a.officers[0].token))).not.toContain(id);
    const admitted = await list(a, a.officers[0].token, { s: 'ADMITTED' });
    expect(admitted.data!.upperLevelApplications.nodes).toEqual([
      expect.objectContaining({ id, status: 'ADMITTED', decisionNumber: '15/QĐ-CĐN', decidedOn: today }),
    ]);
  });

  it('refuses one with a reason: listed REJECTED with it, nobody joins the register', async () => {
    const id = await submit(a, { fullName: 'Ngô Thị Từ Chối' });
    const r = await api.ok(
      M.decideApplication,
      { i: { applicationId: id, admit: false, decidedOn: today, reason: 'Là người quản lý doanh nghiệp' } },
      admin.token,
    );
    expect(r.decideApplication).toMatchObject({ status: 'REJECTED', rejectionReason: 'Là người quản lý doanh nghiệp', decisionNumber: null });
    expect(await membersOf(id)).toEqual([]);
    const rejected = await list(a, a.supervisor.token, { s: 'REJECTED' });
    expect(rejected.data!.upperLevelApplications.nodes).toEqual([expect.objectContaining({ id, rejectionReason: 'Là người quản lý doanh nghiệp' })]);
  });

  it('a refused decision changes nothing: the application stays pending and nobody joins', async () => {
    const id = await submit(a);
    const before = await rowOf(id);
    const admit = { applicationId: id, admit: true, decidedOn: today, decisionNumber: '16/QĐ' };
    const refusals: [string, Record<string, unknown>, string][] = [
      [a.officers[0].token, admit, 'FORBIDDEN'],
      [b.supervisor.token, admit, 'NOT_FOUND'],
      [a.supervisor.token, { ...admit, decisionNumber: null }, 'BAD_USER_INPUT'],
      [a.supervisor.token, { applicationId: id, admit: false, decidedOn: today }, 'BAD_USER_INPUT'],
      [a.supervisor.token, { ...admit, decidedOn: addDays(today, 1) }, 'BAD_USER_INPUT'],
    ];
    for (const [token, i, code] of refusals) {
      const r = await api.gql(M.decideApplication, { i }, token);
      expect(codeOf(r)).toBe(code);
      if (code === 'BAD_USER_INPUT') expect(Object.keys(errorOf(r).messages ?? {}).length).toBeGreaterThan(0);
    }
    expect(await rowOf(id)).toEqual(before);
    expect(await membersOf(id)).toEqual([]);
    expect(ids(await list(a, a.supervisor.token))).toContain(id);
  });
});
