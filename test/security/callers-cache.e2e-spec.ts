import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { AuthService, Role, UsersService } from '@app/core';
import { EnvOverrides } from '../support/env-overrides';
import { PASSWORD, Province, TestApi, TestUser } from '../support/test-api';

jest.setTimeout(120_000);

const ME = `{ me { id fullName role } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;
const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id role } }`;

/** Runs `sql` in psql: another process, whose writes reach the API only by the database's notification. */
const psql = (sql: string) => promisify(execFile)('psql', [process.env.DATABASE_URL!, '-qX', '-v', 'ON_ERROR_STOP=1', '-c', sql]);

/** How many listening connections of the callers' cache the test database has. */
const listeners = async (api: TestApi) =>
  (await api.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'cdcs-actor-listener' AND datname = current_database()`))[0]
    .n as number;

/** Polls `check` every 20 ms until it holds, for at most `ms`; returns whether it did. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

// docs/architecture.md#the-callers-cache: the API keeps its callers' rows while it hears the database's changes.
describe("the callers' cache: a change of an account or a unit's path takes effect on the next request", () => {
  let api: TestApi;
  let auth: AuthService;
  let admin: TestUser;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    auth = api.app.get(AuthService);
    admin = await api.newAdmin();
    p = await api.newProvince(1);
  });
  afterAll(async () => {
    await api.close();
  });

  async function officer(): Promise<TestUser> {
    const email = `cache.${randomUUID().slice(0, 8)}@test.vn`;
    const u = await api.app.get(UsersService).insert({ email, fullName: 'Cán bộ bộ nhớ đệm', role: Role.OFFICER, orgUnitId: p.unitId, password: PASSWORD });
    return { id: u.id, email, token: await api.login(email) };
  }

  /** Two requests: the first reads the caller, the second finds it cached. */
  async function warm(u: TestUser): Promise<void> {
    await api.ok(ME, {}, u.token);
    await api.ok(ME, {}, u.token);
    expect(auth.callers.get(u.id)).toBeDefined();
  }

  it('a deactivation refuses the account on its very next request (10 accounts, each cached first)', async () => {
    for (let i = 0; i < 10; i++) {
      const u = await officer();
      await warm(u);
      await api.ok(DEACTIVATE, { id: u.id }, admin.token);
      const after = await api.gql(ME, {}, u.token);
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a role changed by an admin is the role of the next request', async () => {
    const u = await officer();
    await warm(u);
    await api.ok(UPDATE, { i: { id: u.id, role: 'SUPERVISOR' } }, admin.token);
    expect((await api.ok(ME, {}, u.token)).me.role).toBe('SUPERVISOR');
  });

  it('a write of any code of this process (not only the accounts service) is heard before its answer', async () => {
    const u = await officer();
    await warm(u);
    await api.db.query(`UPDATE app_user SET full_name = 'Tên sửa thẳng' WHERE id = $1`, [u.id]);
    expect((await api.ok(ME, {}, u.token)).me.fullName).toBe('Tên sửa thẳng');
  });

  it("a unit's path rewritten forgets every cached caller (a caller's row carries its unit's path)", async () => {
    const [u, v] = [await officer(), await officer()];
    await warm(u);
    await warm(v);
    await api.db.query(`UPDATE org_unit SET path = path WHERE id = $1`, [p.unitId]);
    expect([auth.callers.get(u.id), auth.callers.get(v.id)]).toEqual([undefined, undefined]);
  });

  it("a change committed by another process reaches the cache through the database's notification", async () => {
    const u = await officer();
    await warm(u);
    // psql is another process: no notice reaches this one, only the commit's notification.
    await psql(`UPDATE app_user SET full_name = 'Tên từ nơi khác' WHERE id = '${u.id}'`);
    expect(await eventually(() => auth.callers.get(u.id) === undefined)).toBe(true);
    expect((await api.ok(ME, {}, u.token)).me.fullName).toBe('Tên từ nơi khác');
  });

  it('with its listening connection lost the cache is off, and on again once the connection is back', async () => {
    const u = await officer();
    await warm(u);
    const terminated = await api.db.query(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'cdcs-actor-listener' AND datname = current_database()`,
    );
    expect(terminated).toEqual([{ ok: true }]);
    expect(await eventually(() => !auth.callers.isLive)).toBe(true);
    expect(auth.callers.get(u.id)).toBeUndefined();
    // Requests are answered meanwhile, each reading its caller.
    expect((await api.ok(ME, {}, u.token)).me.id).toBe(u.id);
    expect(await eventually(() => auth.callers.isLive)).toBe(true);
    await warm(u);
    expect(await listeners(api)).toBe(1);
  });
});

describe('CALLERS_CACHE=false: no listening connection, every request reads its caller', () => {
  const env = new EnvOverrides();
  let api: TestApi;

  beforeAll(async () => {
    env.set({ CALLERS_CACHE: 'false' });
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
    env.restore();
  });

  it('keeps nothing, and a change by another process is seen at once', async () => {
    const p = await api.newProvince(1);
    const u = p.officers[0];
    const auth = api.app.get(AuthService);
    await api.ok(ME, {}, u.token);
    await api.ok(ME, {}, u.token);
    expect([auth.callers.isLive, auth.callers.size]).toEqual([false, 0]);
    expect(await listeners(api)).toBe(0);
    await psql(`UPDATE app_user SET full_name = 'Tên đổi ngay' WHERE id = '${u.id}'`);
    expect((await api.ok(ME, {}, u.token)).me.fullName).toBe('Tên đổi ngay');
  });
});
