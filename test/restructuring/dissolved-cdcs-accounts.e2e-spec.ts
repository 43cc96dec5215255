import { vnToday } from '../support/case-fixtures';
import { newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * A GRASSROOTS account sits on its CĐCS (docs/architecture.md#restructuring): when the CĐCS is dissolved or merged
 * away its accounts are deactivated where they are, never moved to the receiving unit (where they would be active
 * on an upper-level union with no register to keep), and they ask for no receiver.
 */
jest.setTimeout(120_000);

const DISSOLVE = `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id status summary } }`;
const ME = `{ me { id } }`;

describe("restructuring: a dissolved CĐCS's own accounts end with it", () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  const account = async (id: string) =>
    (await api.db.query(`SELECT u.active, o.kind, u.org_unit_id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`, [id]))[0];

  it('dissolved into an upper-level union: the chair account is deactivated on the CĐCS, its token refused, an officer still moves', async () => {
    const c = await newCdcs(api, p, 'Công ty Dược');
    await api.ok(ME, {}, c.chair.token);
    const officer = p.officers[0];
    await api.db.query(`UPDATE app_user SET org_unit_id = $2 WHERE id = $1`, [officer.id, c.id]);
    const d = await api.ok(DISSOLVE, { i: { id: c.id, transferTo: p.unitId, effectiveOn: vnToday(), decisionReference: 'QĐ 5/QĐ-LĐLĐ' } }, admin.token);
    expect(d.dissolveOrgUnit.status).toBe('APPLIED');
    expect(d.dissolveOrgUnit.summary).toContain('khoá tài khoản của CĐCS');
    expect(await account(c.chair.id)).toEqual({ active: false, kind: 'GRASSROOTS', org_unit_id: c.id });
    expect((await api.gql(ME, {}, c.chair.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await account(officer.id)).toEqual({ active: true, kind: 'UPPER_LEVEL', org_unit_id: p.unitId });
  });

  it('asks for no receiver for its own accounts: a CĐCS left with only them dissolves without transferTo', async () => {
    const c = await newCdcs(api, p, 'Công ty Giày');
    const d = await api.gql(DISSOLVE, { i: { id: c.id, effectiveOn: vnToday(), decisionReference: 'QĐ 6/QĐ-LĐLĐ' } }, admin.token);
    expect(d.errors).toBeUndefined();
    expect(d.data.dissolveOrgUnit.status).toBe('APPLIED');
    expect(await account(c.chair.id)).toMatchObject({ active: false, org_unit_id: c.id });
  });
});
