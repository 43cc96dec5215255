import { ConfigError, loadConfig } from '@app/config';
import { JwtService } from '@nestjs/jwt';
import { PASSWORD, Province, TestApi } from '../support/test-api';

describe('security: authentication, roles, error codes, health and configuration', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(() => api.close());

  it('answers UNAUTHENTICATED without a token, and with a forged one', async () => {
    const none = await api.gql(`{ me { id } }`);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await api.gql(`{ me { id } }`, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  // Verified tokens are remembered (AuthService.subjectOf): expiry, signature and the user row still count on every use.
  it('accepts a token until its exp, refuses it from then on; refuses a forged twin and a deactivated user', async () => {
    const officer = p.officers[0];
    const jwt = new JwtService();
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = jwt.sign({ sub: officer.id, exp }, { secret: process.env.JWT_SECRET!, algorithm: 'HS256' });
    const me = (t: string) => api.gql(`{ me { id } }`, {}, t);
    expect((await me(token)).data?.me.id).toBe(officer.id);
    expect((await me(token)).data?.me.id).toBe(officer.id);
    // Same header and claims, another signature.
    const twin =
      token.slice(0, token.lastIndexOf('.') + 1) + jwt.sign({ sub: officer.id, exp }, { secret: 'another-secret', algorithm: 'HS256' }).split('.')[2];
    expect((await me(twin)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The user row is read on every request, remembered token or not.
    await api.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [officer.id]);
    try {
      expect((await me(token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await api.db.query(`UPDATE app_user SET active = true WHERE id = $1`, [officer.id]);
    }
    expect((await me(token)).data?.me.id).toBe(officer.id);
    // Past exp (second-granular, as jsonwebtoken counts it), the remembered token is refused.
    while (Math.floor(Date.now() / 1000) < exp) await new Promise((r) => setTimeout(r, 100));
    expect((await me(token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs in and answers me with the role and unit', async () => {
    const d = await api.ok(`{ me { email role orgUnit { id kind parent { kind } } } }`, {}, p.officers[0].token);
    expect(d.me).toMatchObject({ email: p.officers[0].email, role: 'OFFICER', orgUnit: { id: p.unitId, kind: 'UPPER_LEVEL', parent: { kind: 'FEDERATION' } } });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrongPw = await api.gql(`mutation { login(email: "${p.supervisor.email}", password: "nope-nope") { accessToken } }`);
    const unknown = await api.gql(`mutation { login(email: "nobody@test.vn", password: "${PASSWORD}") { accessToken } }`);
    expect(wrongPw.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrongPw.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('answers FORBIDDEN when an OFFICER calls createUser, and creates nothing', async () => {
    const email = `made-by-officer.${p.tag}@test.vn`;
    const r = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email, fullName: 'Nguyễn Văn A', password: 'long-enough-1', role: 'OFFICER', orgUnitId: p.unitId } },
      p.officers[0].token,
    );
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rows = await api.db.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    expect(rows).toHaveLength(0);
  });

  it('lets a supervisor create a unit and a user in its subtree, not outside', async () => {
    const unit = await api.ok(
      `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id name kind parent { id } } }`,
      { i: { name: 'Công đoàn Bệnh viện Đa khoa', kind: 'GRASSROOTS', parentId: p.unitId } },
      p.supervisor.token,
    );
    expect(unit.createOrgUnit).toMatchObject({ name: 'Công đoàn Bệnh viện Đa khoa', kind: 'GRASSROOTS', parent: { id: p.unitId } });
    const user = await api.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { email role orgUnit { id } } }`,
      { i: { email: `new.${p.tag}@test.vn`, fullName: 'Trần Thị Bình', password: 'long-enough-1', role: 'OFFICER', orgUnitId: p.unitId } },
      p.supervisor.token,
    );
    expect(user.createUser).toMatchObject({ role: 'OFFICER', orgUnit: { id: p.unitId } });
    const outside = await api.gql(
      `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
      { i: { name: 'Ngoài phạm vi', kind: 'UPPER_LEVEL', parentId: p.federationId } },
      p.supervisor.token,
    );
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers BAD_USER_INPUT naming the fields', async () => {
    const r = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email: 'not-an-email', fullName: ' ', password: 'short', role: 'OFFICER', orgUnitId: p.unitId } },
      p.supervisor.token,
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining(['email', 'fullName', 'password']));
    const wrongEnum = await api.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email: 'a@b.vn', fullName: 'A', password: 'long-enough-1', role: 'KING', orgUnitId: p.unitId } },
      p.supervisor.token,
    );
    expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for a malformed id, without internals', async () => {
    const r = await api.gql(`{ foundingCase(id: "not-a-uuid") { id } }`, {}, p.supervisor.token);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(r)).not.toMatch(/invalid input syntax|QueryFailedError|stack/);
  });

  it('serves /health with Postgres and Redis up', async () => {
    const res = await fetch(`${api.url}/health`);
    const body = (await res.json()) as { info: Record<string, unknown> };
    expect(res.status).toBe(200);
    expect(body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('stops the boot naming a bad environment variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ESCALATION_SWEEP_EVERY_MS: '-5' })).toThrow(/ESCALATION_SWEEP_EVERY_MS/);
    expect(() => loadConfig({ ESCALATION_SWEEP_LANES: '0' })).toThrow(/ESCALATION_SWEEP_LANES/);
    expect(loadConfig({}).escalationSweepLanes).toBe(2);
    expect(loadConfig({ ESCALATION_SWEEP_LANES: '1' }).escalationSweepLanes).toBe(1);
    expect(loadConfig({ PORT: '4000' }).port).toBe(4000);
  });
});
