// The `pg` module TypeORM loads is the one jest gives this file (see query-count.e2e-spec.ts):
// patching Client.prototype.query sees every statement the API sends, to show headFigures is batched.
import { Client } from 'pg';
import { compare } from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { Role, UsersService } from '@app/core';
import { accountPasswordViolations } from '@app/domain';
import { M, codeOf, createEnterprise, errorOf, openCase, steps, vnToday, walkToStage } from '../support/case-fixtures';
import { GqlResult, PASSWORD, Province, TestApi, TestUser } from '../support/test-api';

jest.setTimeout(180_000);

const sent: string[] = [];
let counting = false;
const originalQuery = Client.prototype.query;
(Client.prototype as any).query = function patchedQuery(this: Client, ...args: any[]) {
  if (counting) {
    const q = args[0];
    sent.push(typeof q === 'string' ? q : (q?.text ?? String(q)));
  }
  return (originalQuery as any).apply(this, args);
};

const USER_FIELDS = 'id email fullName role active mustChangePassword createdAt deactivatedAt orgUnit { id }';
const Q = {
  me: `{ me { id mustChangePassword } }`,
  accounts: `query($f: AccountFilterInput, $first: Int, $after: String) {
    accounts(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${USER_FIELDS} } } }`,
  createUser: `mutation($i: CreateUserInput!) { createUser(input: $i) { ${USER_FIELDS} } }`,
  updateUser: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { ${USER_FIELDS} } }`,
  deactivate: `mutation($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`,
  reactivate: `mutation($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`,
  reset: `mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword user { ${USER_FIELDS} } } }`,
  change: `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken mustChangePassword user { id mustChangePassword } } }`,
  login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken mustChangePassword user { id mustChangePassword } } }`,
  updateOrgUnit: `mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id name } }`,
  tree: `query($r: ID) { orgUnitTree(rootId: $r) { id name kind parentId dissolvedAt } }`,
  figures: `query($r: ID) { orgUnitTree(rootId: $r) { id parentId
    headFigures { enterprises25Plus withUnion openCases overdueCases activeUsers childCount } } }`,
  cases: `{ foundingCases(first: 5) { totalCount } }`,
};

describe('accounts: the office manages its accounts and units through the API', () => {
  let api: TestApi;
  let admin: TestUser;
  let a: Province;
  let b: Province;
  let childUnitId: string;
  let seq = 0;

  /** A fresh account inserted directly (as the demo data does), logged in. */
  async function account(role: Role, orgUnitId: string, fullName?: string): Promise<TestUser> {
    seq += 1;
    const email = `acct${seq}.${randomUUID().slice(0, 8)}@test.vn`;
    const u = await api.app.get(UsersService).insert({ email, fullName: fullName ?? `Tài khoản ${seq}`, role, orgUnitId, password: PASSWORD });
    return { id: u.id, email, token: await api.login(email) };
  }

  /** Everything an account write may change, straight from Postgres. */
  async function row(id: string) {
    const [r] = await api.db.query(
      `SELECT full_name, role, org_unit_id, active, deactivated_at, must_change_password, token_version, password_hash FROM app_user WHERE id = $1`,
      [id],
    );
    return r as {
      full_name: string;
      role: string;
      org_unit_id: string;
      active: boolean;
      deactivated_at: Date | null;
      must_change_password: boolean;
      token_version: number;
      password_hash: string;
    };
  }

  async function unitName(id: string): Promise<string> {
    const [r] = await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [id]);
    return r.name;
  }

  const meCode = async (token: string) => codeOf(await api.gql(Q.me, {}, token));

  /** Expects the call refused with `code`, and the rows it names unchanged. */
  async function refusedUnchanged(code: string, call: () => Promise<GqlResult>, ids: string[]): Promise<GqlResult> {
    const before = await Promise.all(ids.map(row));
    const r = await call();
    expect([codeOf(r), r.errors?.[0]?.message]).toEqual([code, expect.any(String)]);
    expect(await Promise.all(ids.map(row))).toEqual(before);
    return r;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
    a = await api.newProvince(2);
    b = await api.newProvince(1);
    const d = await api.ok(M.createOrgUnit, { i: { name: `Công đoàn cơ sở Bệnh viện ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId } }, a.supervisor.token);
    childUnitId = d.createOrgUnit.id;
  });
  afterAll(async () => {
    (Client.prototype as any).query = originalQuery;
    await api?.close();
  });

  describe('createUser', () => {
    it('applies the password policy, reporting every rule broken, and creates nothing', async () => {
      const email = `matkhau123@${a.tag}.test.vn`;
      const r = await api.gql(Q.createUser, { i: { email, fullName: ' ', password: 'matkhau123', role: 'OFFICER', orgUnitId: a.unitId } }, a.supervisor.token);
      const ext = errorOf(r);
      expect(ext.code).toBe('BAD_USER_INPUT');
      expect(ext.fields).toEqual(['fullName', 'password']);
      expect(ext.rules).toEqual({ password: ['CONTAINS_EMAIL', 'TOO_COMMON'] });
      expect(ext.messages.password).toBe('Mật khẩu không được chứa địa chỉ e-mail; Mật khẩu quá phổ biến, dễ bị đoán');
      expect(ext.messages.fullName).toBe('Họ tên không được để trống');
      const short = errorOf(
        await api.gql(
          Q.createUser,
          { i: { email: `x.${a.tag}@test.vn`, fullName: 'Lê Văn X', password: 'ngan', role: 'OFFICER', orgUnitId: a.unitId } },
          a.supervisor.token,
        ),
      );
      expect(short.rules).toEqual({ password: ['TOO_SHORT'] });
      expect(short.messages.password).toBe('Mật khẩu phải có ít nhất 10 ký tự');
      expect(await api.db.query(`SELECT 1 FROM app_user WHERE email IN ($1, $2)`, [email, `x.${a.tag}@test.vn`])).toHaveLength(0);
    });

    it('lets a supervisor create OFFICERs only (a SUPERVISOR: FORBIDDEN, nothing created)', async () => {
      const email = `sup.made.${a.tag}@test.vn`;
      const r = await api.gql(
        Q.createUser,
        { i: { email, fullName: 'Phạm Thị Giám Sát', password: 'Giám-sát-2024!', role: 'SUPERVISOR', orgUnitId: a.unitId } },
        a.supervisor.token,
      );
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(await api.db.query(`SELECT 1 FROM app_user WHERE email = $1`, [email])).toHaveLength(0);
    });

    it('creates an account that can log in, active, with no password change pending', async () => {
      const email = `tran.binh.${a.tag}@test.vn`;
      const d = await api.ok(
        Q.createUser,
        { i: { email, fullName: 'Trần Thị Bình', password: 'Ruộng-lúa-xanh-7', role: 'OFFICER', orgUnitId: childUnitId } },
        a.supervisor.token,
      );
      expect(d.createUser).toMatchObject({
        email,
        role: 'OFFICER',
        active: true,
        mustChangePassword: false,
        deactivatedAt: null,
        orgUnit: { id: childUnitId },
      });
      expect(Date.parse(d.createUser.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      const login = await api.ok(Q.login, { e: email, p: 'Ruộng-lúa-xanh-7' });
      expect(login.login).toMatchObject({ mustChangePassword: false, user: { id: d.createUser.id, mustChangePassword: false } });
    });
  });

  describe('accounts', () => {
    let names: TestUser[];

    beforeAll(async () => {
      names = [
        await account(Role.OFFICER, a.unitId, `Nguyễn Văn Đức ${a.tag}`),
        await account(Role.OFFICER, childUnitId, `Nguyễn Vân Anh ${a.tag}`),
        await account(Role.OFFICER, a.unitId, `Đặng Thị Hương ${a.tag}`),
        await account(Role.OFFICER, b.unitId, `Nguyễn Văn Bình ${b.tag}`),
      ];
      await api.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [names[2].id]);
    });

    it('answers a supervisor the accounts of its subtree, active or not, ordered by full name', async () => {
      const d = await api.ok(Q.accounts, { first: 200 }, a.supervisor.token);
      const expected: { id: string }[] = await api.db.query(
        `SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE (SELECT path FROM org_unit WHERE id = $1) || '%'
          ORDER BY u.full_name COLLATE "vietnamese", u.id`,
        [a.unitId],
      );
      expect(d.accounts.nodes.map((n: { id: string }) => n.id)).toEqual(expected.map((e) => e.id));
      expect(d.accounts.totalCount).toBe(expected.length);
      const ids = d.accounts.nodes.map((n: { id: string }) => n.id);
      expect(ids).toEqual(expect.arrayContaining([a.supervisor.id, a.officers[0].id, names[0].id, names[1].id, names[2].id]));
      expect(ids).not.toContain(names[3].id); // another province
      expect(ids).not.toContain(a.federationSupervisor.id); // above the supervisor's unit
      expect(d.accounts.nodes.find((n: { id: string }) => n.id === names[2].id)).toMatchObject({ active: false });
    });

    it('finds names and e-mails without diacritics, in any case and normalisation', async () => {
      const search = async (s: string, token = a.supervisor.token) =>
        (await api.ok(Q.accounts, { f: { search: s } }, token)).accounts.nodes.map((n: { id: string }) => n.id);
      // Vietnamese order: Ă before Â, so "Nguyễn Văn Đức" < "Nguyễn Vân Anh" (docs/architecture.md#vietnamese-name-order).
      expect(await search('nguyen van')).toEqual([names[0].id, names[1].id]);
      expect(await search(`NGUYEN VAN DUC ${a.tag}`)).toEqual([names[0].id]);
      expect(await search('dang thi huong')).toEqual([names[2].id]);
      expect(await search('Đặng Thị Hương'.normalize('NFD'))).toEqual([names[2].id]);
      expect(await search(names[0].email.slice(0, 12).toUpperCase())).toEqual([names[0].id]);
      expect(await search('%')).toEqual([]); // a wildcard is a plain character
      // The admin sees every province.
      expect(await search(`nguyen van binh ${b.tag}`, admin.token)).toEqual([names[3].id]);
      expect(await search(`nguyen van binh ${b.tag}`)).toEqual([]);
    });

    it('filters by unit (subtree), role and active, and pages by keyset', async () => {
      const ids = async (f: Record<string, unknown>) => (await api.ok(Q.accounts, { f }, a.supervisor.token)).accounts.nodes.map((n: { id: string }) => n.id);
      expect(await ids({ orgUnitId: childUnitId, search: 'nguyen' })).toEqual([names[1].id]);
      expect(await ids({ role: 'SUPERVISOR' })).toEqual([a.supervisor.id]);
      expect(await ids({ active: false })).toEqual([names[2].id]);
      const all = (await api.ok(Q.accounts, { first: 200 }, a.supervisor.token)).accounts.nodes.map((n: { id: string }) => n.id);
      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: any = (await api.ok(Q.accounts, { first: 2, after }, a.supervisor.token)).accounts;
        paged.push(...page.nodes.map((n: { id: string }) => n.id));
        expect(page.totalCount).toBe(all.length);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('refuses an OFFICER (FORBIDDEN), a unit outside the scope (NOT_FOUND) and bad paging (BAD_USER_INPUT, in Vietnamese)', async () => {
      expect(codeOf(await api.gql(Q.accounts, {}, a.officers[0].token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(Q.accounts, { f: { orgUnitId: b.unitId } }, a.supervisor.token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(Q.accounts, { f: { orgUnitId: a.federationId } }, a.supervisor.token))).toBe('NOT_FOUND');
      const bad = errorOf(await api.gql(Q.accounts, { first: 0, after: 'nope' }, a.supervisor.token));
      expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first', 'after'] });
      expect(bad.messages.first).toBe('Số dòng mỗi trang phải từ 1 đến 200');
    });
  });

  describe('updateUser', () => {
    it('lets a supervisor rename an officer and move it within its subtree', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const d = await api.ok(Q.updateUser, { i: { id: o.id, fullName: '  Lê Thị Mai  ', orgUnitId: childUnitId } }, a.supervisor.token);
      expect(d.updateUser).toMatchObject({ id: o.id, fullName: 'Lê Thị Mai', role: 'OFFICER', orgUnit: { id: childUnitId } });
      expect(await row(o.id)).toMatchObject({ full_name: 'Lê Thị Mai', org_unit_id: childUnitId, role: 'OFFICER' });
      // The move takes effect for the officer's own token at once.
      expect((await api.ok(`{ me { orgUnit { id } } }`, {}, o.token)).me.orgUnit.id).toBe(childUnitId);
    });

    it('lets an admin change any role and unit', async () => {
      const o = await account(Role.OFFICER, b.unitId);
      const d = await api.ok(Q.updateUser, { i: { id: o.id, role: 'SUPERVISOR', orgUnitId: b.federationId } }, admin.token);
      expect(d.updateUser).toMatchObject({ role: 'SUPERVISOR', orgUnit: { id: b.federationId } });
      expect(await row(o.id)).toMatchObject({ role: 'SUPERVISOR', org_unit_id: b.federationId });
    });

    it('refuses, changing nothing: out of scope, a SUPERVISOR account, a role it may not give, an OFFICER caller, bad input, unknown ids', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const sup2 = await account(Role.SUPERVISOR, a.unitId);
      const call =
        (i: Record<string, unknown>, token = a.supervisor.token) =>
        () =>
          api.gql(Q.updateUser, { i }, token);
      await refusedUnchanged('NOT_FOUND', call({ id: b.officers[0].id, fullName: 'Ngoài phạm vi' }), [b.officers[0].id]);
      await refusedUnchanged('NOT_FOUND', call({ id: a.federationSupervisor.id, fullName: 'Cấp trên' }), [a.federationSupervisor.id]);
      const sup = await refusedUnchanged('FORBIDDEN', call({ id: sup2.id, fullName: 'Giám sát khác' }), [sup2.id]);
      expect(sup.errors![0].message).toMatch(/Giám sát viên/);
      await refusedUnchanged('FORBIDDEN', call({ id: o.id, role: 'SUPERVISOR' }), [o.id]);
      await refusedUnchanged('FORBIDDEN', call({ id: o.id, role: 'ADMIN' }), [o.id]);
      await refusedUnchanged('FORBIDDEN', call({ id: a.supervisor.id, fullName: 'Chính mình' }), [a.supervisor.id]);
      await refusedUnchanged('NOT_FOUND', call({ id: o.id, orgUnitId: b.unitId }), [o.id]);
      await refusedUnchanged('FORBIDDEN', call({ id: o.id, fullName: 'Cán bộ khác' }, a.officers[0].token), [o.id]);
      const bad = await refusedUnchanged('BAD_USER_INPUT', call({ id: o.id, fullName: '   ' }), [o.id]);
      expect(bad.errors![0].extensions).toMatchObject({ fields: ['fullName'], messages: { fullName: 'Họ tên không được để trống' } });
      await refusedUnchanged('NOT_FOUND', call({ id: randomUUID(), fullName: 'Không có' }), []);
      await refusedUnchanged('NOT_FOUND', call({ id: 'not-a-uuid', fullName: 'Không có' }), []);
      await refusedUnchanged('NOT_FOUND', call({ id: o.id, orgUnitId: randomUUID() }), [o.id]);
    });
  });

  describe('the last active ADMIN', () => {
    /** Only `keep` of the test database's admins stay active during `fn` (restored after). */
    async function onlyAdmins(keep: string[], fn: () => Promise<void>): Promise<void> {
      const off: { id: string }[] = await api.db.query(
        `WITH off AS (UPDATE app_user SET active = false WHERE role = 'ADMIN' AND active AND NOT (id = ANY($1::uuid[])) RETURNING id) SELECT id FROM off`,
        [keep],
      );
      expect(off.length).toBeGreaterThan(0);
      try {
        await fn();
      } finally {
        await api.db.query(`UPDATE app_user SET active = true WHERE id = ANY($1::uuid[])`, [off.map((r) => r.id)]);
      }
    }

    it('cannot demote itself, nor deactivate itself; with a second admin, either may demote the other', async () => {
      const one = await api.newAdmin();
      const two = await api.newAdmin();
      await onlyAdmins([one.id, two.id], async () => {
        const d = await api.ok(Q.updateUser, { i: { id: two.id, role: 'SUPERVISOR' } }, one.token);
        expect(d.updateUser.role).toBe('SUPERVISOR');
        const last = await refusedUnchanged('CONFLICT', () => api.gql(Q.updateUser, { i: { id: one.id, role: 'OFFICER' } }, one.token), [one.id]);
        expect(last.errors![0]).toMatchObject({ message: 'Không thể hạ quyền quản trị viên đang hoạt động cuối cùng', extensions: { reason: 'LAST_ADMIN' } });
        const self = await refusedUnchanged('FORBIDDEN', () => api.gql(Q.deactivate, { id: one.id }, one.token), [one.id]);
        expect(self.errors![0].extensions).toMatchObject({ reason: 'SELF' });
        // Renaming or moving the last admin is fine.
        await api.ok(Q.updateUser, { i: { id: one.id, fullName: 'Quản trị duy nhất' } }, one.token);
        await api.ok(Q.updateUser, { i: { id: two.id, role: 'ADMIN' } }, one.token);
      });
    });

    it('keeps one when two admins demote themselves at the same moment', async () => {
      const one = await api.newAdmin();
      const two = await api.newAdmin();
      await onlyAdmins([one.id, two.id], async () => {
        const results = await Promise.all([
          api.gql(Q.updateUser, { i: { id: one.id, role: 'SUPERVISOR' } }, one.token),
          api.gql(Q.updateUser, { i: { id: two.id, role: 'SUPERVISOR' } }, two.token),
        ]);
        // The second waits for the first (one lock), then either finds no other admin (CONFLICT) or, already
        // demoted when its request began, may no longer manage an ADMIN (FORBIDDEN).
        expect(results.filter((r) => !r.errors)).toHaveLength(1);
        expect(['CONFLICT', 'FORBIDDEN']).toContain(results.map(codeOf).find(Boolean));
        const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM app_user WHERE id = ANY($1::uuid[]) AND role = 'ADMIN' AND active`, [
          [one.id, two.id],
        ]);
        expect(n).toBe(1);
      });
    });
  });

  describe('deactivateUser and reactivateUser', () => {
    it("cuts off the officer's token at once, unassigns its open cases (one history row each) and leaves closed and recognized ones", async () => {
      const p = await api.newProvince(1);
      const x = await account(Role.OFFICER, p.unitId);
      const xUser = { ...x };
      const survey = await openCase(api, p, { assignee: xUser });
      const outreach = await openCase(api, p, { assignee: xUser });
      await steps.survey(api, x.token, outreach);
      await steps.advance(api, x.token, outreach);
      const closed = await openCase(api, p, { assignee: xUser });
      await api.ok(
        M.close,
        { i: { caseId: closed.caseId, expectedVersion: closed.version, reason: 'OTHER', comment: 'Doanh nghiệp giải thể' } },
        p.supervisor.token,
      );
      const recognized = await walkToStage(api, p, 'RECOGNIZED', { assignee: xUser });
      const otherOfficer = await openCase(api, p); // assigned to the province's own officer
      const state = async (id: string) => {
        const [r] = await api.db.query(
          `SELECT c.version, c.stage, c.assignee_id, (SELECT count(*)::int FROM case_transition t WHERE t.case_id = c.id) AS history FROM founding_case c WHERE c.id = $1`,
          [id],
        );
        return r;
      };
      const before = Object.fromEntries(
        await Promise.all([survey, outreach, closed, recognized, otherOfficer].map(async (c) => [c.caseId, await state(c.caseId)])),
      );
      expect(await meCode(x.token)).toBeUndefined();

      const d = await api.ok(Q.deactivate, { id: x.id }, p.supervisor.token);
      expect(d.deactivateUser).toMatchObject({ id: x.id, active: false });
      expect(Date.parse(d.deactivateUser.deactivatedAt)).toBeGreaterThan(Date.now() - 60_000);
      // The very next request with the same token.
      expect(await meCode(x.token)).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(Q.login, { e: x.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');

      for (const c of [survey, outreach]) {
        const now = await state(c.caseId);
        expect(now).toEqual({ ...before[c.caseId], assignee_id: null, version: before[c.caseId].version + 1, history: before[c.caseId].history + 1 });
        const [h] = await api.db.query(
          `SELECT action, from_stage, to_stage, by_user_id, comment, version FROM case_transition WHERE case_id = $1 ORDER BY version DESC LIMIT 1`,
          [c.caseId],
        );
        expect(h).toEqual({
          action: 'ASSIGN',
          from_stage: before[c.caseId].stage,
          to_stage: before[c.caseId].stage,
          by_user_id: p.supervisor.id,
          comment: 'Bỏ phân công: cán bộ đã ngừng hoạt động',
          version: now.version,
        });
      }
      for (const c of [closed, recognized, otherOfficer]) expect(await state(c.caseId)).toEqual(before[c.caseId]);
      expect(before[closed.caseId]).toMatchObject({ stage: 'CLOSED', assignee_id: x.id });
      expect(before[recognized.caseId]).toMatchObject({ stage: 'RECOGNIZED', assignee_id: x.id });
      // The case history read through the API shows the step.
      const hist = await api.ok(
        `query($id: ID!) { foundingCase(id: $id) { assignee { id } history { action comment by { id } } } }`,
        { id: survey.caseId },
        p.supervisor.token,
      );
      expect(hist.foundingCase.assignee).toBeNull();
      expect(hist.foundingCase.history.at(-1)).toEqual({ action: 'ASSIGN', comment: 'Bỏ phân công: cán bộ đã ngừng hoạt động', by: { id: p.supervisor.id } });

      // Deactivating again changes nothing.
      const again = await api.ok(Q.deactivate, { id: x.id }, p.supervisor.token);
      expect(again.deactivateUser.deactivatedAt).toBe(d.deactivateUser.deactivatedAt);

      // Reactivation does not revive the old token; the officer logs in again.
      const re = await api.ok(Q.reactivate, { id: x.id }, p.supervisor.token);
      expect(re.reactivateUser).toMatchObject({ active: true, deactivatedAt: null });
      expect(await meCode(x.token)).toBe('UNAUTHENTICATED');
      const fresh = await api.login(x.email);
      expect(await meCode(fresh)).toBeUndefined();
    });

    it('refuses, changing nothing: itself, out of scope, a SUPERVISOR account, an OFFICER caller, unknown ids', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const sup2 = await account(Role.SUPERVISOR, a.unitId);
      for (const m of [Q.deactivate, Q.reactivate]) {
        const call =
          (id: string, token = a.supervisor.token) =>
          () =>
            api.gql(m, { id }, token);
        await refusedUnchanged('NOT_FOUND', call(b.officers[0].id), [b.officers[0].id]);
        await refusedUnchanged('FORBIDDEN', call(sup2.id), [sup2.id]);
        await refusedUnchanged('FORBIDDEN', call(o.id, a.officers[0].token), [o.id]);
        await refusedUnchanged('NOT_FOUND', call(randomUUID()), []);
      }
      const self = await refusedUnchanged('FORBIDDEN', () => api.gql(Q.deactivate, { id: a.supervisor.id }, a.supervisor.token), [a.supervisor.id]);
      expect(self.errors![0].message).toMatch(/tự ngừng hoạt động|Giám sát viên/);
      const own = await refusedUnchanged('FORBIDDEN', () => api.gql(Q.deactivate, { id: admin.id }, admin.token), [admin.id]);
      expect(own.errors![0]).toMatchObject({ message: 'Bạn không thể tự ngừng hoạt động tài khoản của mình', extensions: { reason: 'SELF' } });
      expect(await meCode(o.token)).toBeUndefined();
      expect(await meCode(sup2.token)).toBeUndefined();
    });
  });

  describe('resetPassword and the forced change', () => {
    it('gives a one-time temporary password, cuts off tokens, and allows only me and changePassword until changed', async () => {
      const y = await account(Role.OFFICER, a.unitId);
      const secondToken = await api.login(y.email);
      const d = await api.ok(Q.reset, { id: y.id }, a.supervisor.token);
      const temp: string = d.resetPassword.temporaryPassword;
      expect(temp.length).toBeGreaterThanOrEqual(12);
      expect(accountPasswordViolations(temp, { email: y.email })).toEqual([]);
      expect(d.resetPassword.user).toMatchObject({ id: y.id, mustChangePassword: true, active: true });
      const stored = await row(y.id);
      expect(stored.must_change_password).toBe(true);
      expect(stored.password_hash).not.toContain(temp);
      expect(await compare(temp, stored.password_hash)).toBe(true);
      // A second reset gives another password.
      const d2 = await api.ok(Q.reset, { id: y.id }, admin.token);
      expect(d2.resetPassword.temporaryPassword).not.toBe(temp);
      const temp2: string = d2.resetPassword.temporaryPassword;

      for (const t of [y.token, secondToken]) expect(await meCode(t)).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(Q.login, { e: y.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(Q.login, { e: y.email, p: temp }))).toBe('UNAUTHENTICATED');
      const login = await api.ok(Q.login, { e: y.email, p: temp2 });
      expect(login.login).toMatchObject({ mustChangePassword: true, user: { mustChangePassword: true } });
      const tempToken: string = login.login.accessToken;

      // Everything but me and changePassword is refused, with a marker the client recognises.
      for (const q of [Q.cases, `{ users { id } }`, `{ orgUnitTree { id } }`]) {
        const r = await api.gql(q, {}, tempToken);
        expect(r.errors?.[0]).toMatchObject({
          message: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục',
          extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
        });
      }
      const dl = await fetch(`${api.url}/reports/${randomUUID()}/csv`, { headers: { authorization: `Bearer ${tempToken}` } });
      expect(dl.status).toBe(403);
      expect((await api.ok(Q.me, {}, tempToken)).me).toEqual({ id: y.id, mustChangePassword: true });

      // The temporary password itself, or a weak one, is not accepted as the new one.
      const same = errorOf(await api.gql(Q.change, { i: { currentPassword: temp2, newPassword: temp2 } }, tempToken));
      expect(same).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['newPassword'], messages: { newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại' } });
      const weak = errorOf(await api.gql(Q.change, { i: { currentPassword: temp2, newPassword: '123456789' } }, tempToken));
      expect(weak).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['newPassword'], rules: { newPassword: ['TOO_SHORT', 'TOO_COMMON'] } });
      expect(await row(y.id)).toMatchObject({ must_change_password: true });

      const changed = await api.ok(Q.change, { i: { currentPassword: temp2, newPassword: 'Đồng-lúa-Thái-Bình-9' } }, tempToken);
      expect(changed.changePassword).toMatchObject({ mustChangePassword: false, user: { id: y.id, mustChangePassword: false } });
      expect(await meCode(tempToken)).toBe('UNAUTHENTICATED');
      const r = await api.gql(Q.cases, {}, changed.changePassword.accessToken);
      expect(r.errors).toBeUndefined();
      expect(await row(y.id)).toMatchObject({ must_change_password: false });
    });

    it('refuses, changing nothing: out of scope, a SUPERVISOR account, an OFFICER caller, unknown ids', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const sup2 = await account(Role.SUPERVISOR, a.unitId);
      const call =
        (id: string, token = a.supervisor.token) =>
        () =>
          api.gql(Q.reset, { id }, token);
      await refusedUnchanged('NOT_FOUND', call(b.officers[0].id), [b.officers[0].id]);
      await refusedUnchanged('FORBIDDEN', call(sup2.id), [sup2.id]);
      await refusedUnchanged('NOT_FOUND', call(admin.id), [admin.id]); // at the root, above the supervisor
      await refusedUnchanged('FORBIDDEN', call(o.id, a.officers[0].token), [o.id]);
      await refusedUnchanged('NOT_FOUND', call(randomUUID()), []);
      for (const t of [o.token, sup2.token, b.officers[0].token]) expect(await meCode(t)).toBeUndefined();
    });
  });

  describe('changePassword', () => {
    it('reports a wrong current password and a weak new one at once, changing nothing', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const r = await refusedUnchanged(
        'BAD_USER_INPUT',
        () => api.gql(Q.change, { i: { currentPassword: 'not-my-password', newPassword: 'matkhau' } }, o.token),
        [o.id],
      );
      expect(r.errors![0].extensions).toMatchObject({
        fields: ['currentPassword', 'newPassword'],
        messages: {
          currentPassword: 'Mật khẩu hiện tại không đúng',
          newPassword: 'Mật khẩu phải có ít nhất 10 ký tự; Mật khẩu quá phổ biến, dễ bị đoán',
        },
        rules: { newPassword: ['TOO_SHORT', 'TOO_COMMON'] },
      });
      const email = errorOf(await api.gql(Q.change, { i: { currentPassword: PASSWORD, newPassword: `${o.email.split('@')[0]}-2024` } }, o.token));
      expect(email).toMatchObject({ fields: ['newPassword'], rules: { newPassword: ['CONTAINS_EMAIL'] } });
      expect(await meCode(o.token)).toBeUndefined();
    });

    it('cuts off every token issued before the change and answers a fresh one', async () => {
      const o = await account(Role.OFFICER, a.unitId);
      const other = await api.login(o.email);
      const d = await api.ok(Q.change, { i: { currentPassword: PASSWORD, newPassword: 'Cây-đa-giếng-nước-5' } }, o.token);
      expect(d.changePassword.user.id).toBe(o.id);
      for (const t of [o.token, other]) expect(await meCode(t)).toBe('UNAUTHENTICATED');
      expect(await meCode(d.changePassword.accessToken)).toBeUndefined();
      expect(codeOf(await api.gql(Q.login, { e: o.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect(await meCode(await api.login(o.email, 'Cây-đa-giếng-nước-5'))).toBeUndefined();
    });
  });

  describe('updateOrgUnit', () => {
    it('lets a supervisor rename a unit below its own, and an admin any unit', async () => {
      const d = await api.ok(Q.updateOrgUnit, { i: { id: childUnitId, name: '  Công đoàn cơ sở Bệnh viện Đa khoa tỉnh  ' } }, a.supervisor.token);
      expect(d.updateOrgUnit).toEqual({ id: childUnitId, name: 'Công đoàn cơ sở Bệnh viện Đa khoa tỉnh' });
      expect(await unitName(childUnitId)).toBe('Công đoàn cơ sở Bệnh viện Đa khoa tỉnh');
      const name = `Công đoàn ngành Giáo dục ${b.tag}`;
      await api.ok(Q.updateOrgUnit, { i: { id: b.unitId, name } }, admin.token);
      expect(await unitName(b.unitId)).toBe(name);
    });

    it('refuses, changing nothing: its own unit (FORBIDDEN), above or elsewhere (NOT_FOUND), an OFFICER, an empty name', async () => {
      const names = async () => Promise.all([a.unitId, a.federationId, b.unitId, childUnitId].map(unitName));
      const before = await names();
      const call = (id: string, name: string, token = a.supervisor.token) => api.gql(Q.updateOrgUnit, { i: { id, name } }, token);
      const own = await call(a.unitId, 'Đổi tên đơn vị mình');
      expect([codeOf(own), own.errors![0].extensions?.reason]).toEqual(['FORBIDDEN', 'OWN_UNIT']);
      expect(codeOf(await call(a.federationId, 'Cấp trên'))).toBe('NOT_FOUND');
      expect(codeOf(await call(b.unitId, 'Tỉnh khác'))).toBe('NOT_FOUND');
      expect(codeOf(await call(randomUUID(), 'Không có'))).toBe('NOT_FOUND');
      expect(codeOf(await call(childUnitId, 'Cán bộ đổi tên', a.officers[0].token))).toBe('FORBIDDEN');
      const empty = errorOf(await call(childUnitId, '   '));
      expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'], messages: { name: 'Tên đơn vị không được để trống' } });
      expect(await names()).toEqual(before);
    });
  });

  describe('orgUnitTree and headFigures', () => {
    let p: Province;
    let units: string[];

    beforeAll(async () => {
      p = await api.newProvince(2);
      const mk = async (name: string, parentId: string, kind = 'GRASSROOTS') =>
        (await api.ok(M.createOrgUnit, { i: { name, kind, parentId } }, p.supervisor.token)).createOrgUnit.id as string;
      const upper = await mk(`Công đoàn Viên chức ${p.tag}`, p.unitId, 'UPPER_LEVEL');
      const g1 = await mk(`Công đoàn cơ sở Trường THPT ${p.tag}`, upper);
      const g2 = await mk(`Công đoàn cơ sở Bệnh viện ${p.tag}`, p.unitId);
      units = [p.unitId, upper, g1, g2];
      // Enterprises on both upper-level unions, below and above 25 workers, with and without a union.
      for (const [orgUnitId, workerCount, hasUnion] of [
        [p.unitId, 120, false],
        [p.unitId, 30, true],
        [p.unitId, 24, false],
        [upper, 80, true],
        [upper, 10, true],
      ] as const) {
        await createEnterprise(api, p, { orgUnitId, workerCount, hasUnion });
      }
      const c1 = await openCase(api, p);
      await openCase(api, p, { assignee: p.officers[1] });
      const late = await openCase(api, p, { assignee: null });
      await api.db.query(`UPDATE founding_case SET stage_due_on = $2 WHERE id = $1`, [late.caseId, '2020-01-02']);
      const closed = await openCase(api, p);
      await api.ok(M.close, { i: { caseId: closed.caseId, expectedVersion: closed.version, reason: 'OTHER', comment: 'Không tiếp tục' } }, p.supervisor.token);
      await openCase(api, p, { orgUnitId: upper });
      await account(Role.OFFICER, upper);
      const gone = await account(Role.OFFICER, p.unitId);
      await api.ok(Q.deactivate, { id: gone.id }, p.supervisor.token);
      expect(c1.caseId).toBeTruthy();
    });

    it('answers the visible subtree in one read, parents before children, with parentId', async () => {
      const d = await api.ok(Q.tree, {}, p.supervisor.token);
      const got: { id: string; parentId: string }[] = d.orgUnitTree;
      expect(got.map((u) => u.id).sort()).toEqual([...units].sort());
      expect(got[0]).toMatchObject({ id: p.unitId, parentId: p.federationId });
      const seen = new Set<string>();
      for (const u of got) {
        if (u.id !== p.unitId) expect(seen.has(u.parentId)).toBe(true);
        seen.add(u.id);
      }
      // From a lower root; the federation above, another province: NOT_FOUND.
      expect((await api.ok(Q.tree, { r: units[1] }, p.supervisor.token)).orgUnitTree.map((u: { id: string }) => u.id)).toEqual([units[1], units[2]]);
      expect(codeOf(await api.gql(Q.tree, { r: p.federationId }, p.supervisor.token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(Q.tree, { r: a.unitId }, p.supervisor.token))).toBe('NOT_FOUND');
      // The federation's supervisor and the admin see further up.
      const fed = await api.ok(Q.tree, {}, p.federationSupervisor.token);
      expect(fed.orgUnitTree.map((u: { id: string }) => u.id).sort()).toEqual([p.federationId, ...units].sort());
      const all = await api.ok(Q.tree, { r: p.federationId }, admin.token);
      expect(all.orgUnitTree).toHaveLength(5);
    });

    it('gives an OFFICER its own unit only', async () => {
      const own = await api.ok(Q.tree, {}, p.officers[0].token);
      expect(own.orgUnitTree.map((u: { id: string }) => u.id)).toEqual([p.unitId]);
      expect((await api.ok(Q.tree, { r: p.unitId }, p.officers[0].token)).orgUnitTree).toHaveLength(1);
      expect(codeOf(await api.gql(Q.tree, { r: units[1] }, p.officers[0].token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(Q.tree, { r: a.unitId }, p.officers[0].token))).toBe('NOT_FOUND');
    });

    it('counts head figures of each unit itself as direct SQL does, in one batched statement', async () => {
      sent.length = 0;
      counting = true;
      let d;
      try {
        d = await api.ok(Q.figures, {}, p.supervisor.token);
      } finally {
        counting = false;
      }
      expect(sent.filter((s) => s.includes('enterprise_tally'))).toHaveLength(1);
      const today = vnToday();
      const expected: Record<string, unknown>[] = await api.db.query(
        `SELECT u.id,
                (SELECT count(*)::int FROM enterprise e WHERE e.org_unit_id = u.id AND e.worker_count >= 25) AS "enterprises25Plus",
                (SELECT count(*)::int FROM enterprise e WHERE e.org_unit_id = u.id AND e.worker_count >= 25 AND e.has_union) AS "withUnion",
                (SELECT count(*)::int FROM founding_case c WHERE c.org_unit_id = u.id AND c.stage NOT IN ('RECOGNIZED', 'CLOSED')) AS "openCases",
                (SELECT count(*)::int FROM founding_case c WHERE c.org_unit_id = u.id AND c.stage NOT IN ('RECOGNIZED', 'CLOSED') AND c.stage_due_on < $2::date) AS "overdueCases",
                (SELECT count(*)::int FROM app_user a WHERE a.org_unit_id = u.id AND a.active) AS "activeUsers",
                (SELECT count(*)::int FROM org_unit ch WHERE ch.parent_id = u.id) AS "childCount"
           FROM unnest($1::uuid[]) AS u(id)`,
        [units, today],
      );
      const got = Object.fromEntries(d.orgUnitTree.map((u: { id: string; headFigures: unknown }) => [u.id, u.headFigures]));
      for (const e of expected) {
        const { id, ...figures } = e;
        expect([id, got[id as string]]).toEqual([id, figures]);
      }
      // The figures this province was built with (the unit itself, not its subtree): each opened case
      // came with an enterprise of 120 workers without a union.
      expect(got[p.unitId]).toEqual({ enterprises25Plus: 2 + 4, withUnion: 1, openCases: 3, overdueCases: 1, activeUsers: 3, childCount: 2 });
      expect(got[units[1]]).toEqual({ enterprises25Plus: 1 + 1, withUnion: 1, openCases: 1, overdueCases: 0, activeUsers: 1, childCount: 1 });
      expect(got[units[2]]).toEqual({ enterprises25Plus: 0, withUnion: 0, openCases: 0, overdueCases: 0, activeUsers: 0, childCount: 0 });
    });

    it('hides the figures of a unit above the caller (reached through parent)', async () => {
      const r = await api.gql(`{ me { orgUnit { id parent { id headFigures { openCases } } } } }`, {}, p.supervisor.token);
      expect(codeOf(r)).toBe('NOT_FOUND');
      expect(r.data?.me.orgUnit.parent).toBeNull();
    });
  });
});
