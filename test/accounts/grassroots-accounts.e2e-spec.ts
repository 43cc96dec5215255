import { randomUUID } from 'node:crypto';
import { Role, UsersService } from '@app/core';
import { M, codeOf, errorOf } from '../support/case-fixtures';
import { PASSWORD, Province, TestApi, TestUser } from '../support/test-api';

jest.setTimeout(180_000);

const FIELDS = 'id role active orgUnit { id }';
const Q = {
  updateUser: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { ${FIELDS} } }`,
  deactivate: `mutation($id: ID!) { deactivateUser(id: $id) { ${FIELDS} } }`,
  reactivate: `mutation($id: ID!) { reactivateUser(id: $id) { ${FIELDS} } }`,
  reset: `mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword user { ${FIELDS} } } }`,
};

describe('accounts of a CĐCS (GRASSROOTS): managed by the upper level, kept on a CĐCS', () => {
  let api: TestApi;
  let admin: TestUser;
  let p: Province;
  let other: Province;
  let cdcs: string;
  let otherCdcs: string;
  let seq = 0;

  async function account(role: Role, orgUnitId: string): Promise<TestUser> {
    seq += 1;
    const email = `gra${seq}.${randomUUID().slice(0, 8)}@test.vn`;
    const u = await api.app.get(UsersService).insert({ email, fullName: `Tài khoản CĐCS ${seq}`, role, orgUnitId, password: PASSWORD });
    return { id: u.id, email, token: await api.login(email) };
  }
  const row = async (id: string) =>
    (await api.db.query(`SELECT role, org_unit_id, active, token_version, password_hash FROM app_user WHERE id = $1`, [id]))[0] as Record<string, unknown>;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
    p = await api.newProvince(1);
    other = await api.newProvince(1);
    const mk = async (prov: Province) =>
      (await api.ok(M.createOrgUnit, { i: { name: `Công đoàn cơ sở Nhà máy ${prov.tag}`, kind: 'GRASSROOTS', parentId: prov.unitId } }, prov.supervisor.token))
        .createOrgUnit.id as string;
    cdcs = await mk(p);
    otherCdcs = await mk(other);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets a SUPERVISOR reset, deactivate and reactivate a GRASSROOTS account of its subtree', async () => {
    const chair = await account(Role.GRASSROOTS, cdcs);
    const before = await row(chair.id);
    const reset = await api.ok(Q.reset, { id: chair.id }, p.supervisor.token);
    expect(reset.resetPassword.temporaryPassword).toEqual(expect.any(String));
    expect((await row(chair.id)).password_hash).not.toBe(before.password_hash);
    expect((await api.ok(Q.deactivate, { id: chair.id }, p.supervisor.token)).deactivateUser).toMatchObject({ id: chair.id, active: false });
    expect((await api.ok(Q.reactivate, { id: chair.id }, p.supervisor.token)).reactivateUser).toMatchObject({ id: chair.id, active: true });
  });

  it('keeps another subtree NOT_FOUND and an OFFICER FORBIDDEN', async () => {
    const foreign = await account(Role.GRASSROOTS, otherCdcs);
    const before = await row(foreign.id);
    expect(codeOf(await api.gql(Q.deactivate, { id: foreign.id }, p.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(Q.reset, { id: foreign.id }, p.supervisor.token))).toBe('NOT_FOUND');
    const own = await account(Role.GRASSROOTS, cdcs);
    expect(codeOf(await api.gql(Q.deactivate, { id: own.id }, p.officers[0].token))).toBe('FORBIDDEN');
    expect(await row(foreign.id)).toEqual(before);
    expect((await row(own.id)).active).toBe(true);
  });

  it('refuses switching a user to GRASSROOTS unless its unit is a CĐCS, and GRASSROOTS to another role on a CĐCS', async () => {
    const officer = await account(Role.OFFICER, p.unitId);
    const toGrassroots = errorOf(await api.gql(Q.updateUser, { i: { id: officer.id, role: 'GRASSROOTS' } }, admin.token));
    expect(toGrassroots).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['role'], messages: { role: 'Tài khoản CĐCS phải thuộc một CĐCS' } });
    expect((await row(officer.id)).role).toBe('OFFICER');
    // Moved onto the CĐCS in the same call: allowed, for a SUPERVISOR too.
    const moved = await api.ok(Q.updateUser, { i: { id: officer.id, role: 'GRASSROOTS', orgUnitId: cdcs } }, p.supervisor.token);
    expect(moved.updateUser).toMatchObject({ role: 'GRASSROOTS', orgUnit: { id: cdcs } });

    const chair = await account(Role.GRASSROOTS, cdcs);
    const back = errorOf(await api.gql(Q.updateUser, { i: { id: chair.id, role: 'OFFICER' } }, admin.token));
    expect(back).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['role'] });
    expect(back?.messages?.role).toContain('CĐCS');
    const away = errorOf(await api.gql(Q.updateUser, { i: { id: chair.id, orgUnitId: p.unitId } }, admin.token));
    expect(away).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['orgUnitId'], messages: { orgUnitId: 'Tài khoản CĐCS phải thuộc một CĐCS' } });
    expect(await row(chair.id)).toMatchObject({ role: 'GRASSROOTS', org_unit_id: cdcs });
    // Off the CĐCS and an OFFICER again, in one call: allowed.
    const out = await api.ok(Q.updateUser, { i: { id: chair.id, role: 'OFFICER', orgUnitId: p.unitId } }, admin.token);
    expect(out.updateUser).toMatchObject({ role: 'OFFICER', orgUnit: { id: p.unitId } });
  });
});
