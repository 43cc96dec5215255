import { vnToday } from '../support/case-fixtures';
import { Cdcs, G, admitNewStaff, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * A union group's leader is an active member of the CĐCS: whatever ends a membership (leaving, a transfer out, the
 * CĐCS dissolved) takes the person out of its group and leaves the group without a leader
 * (docs/architecture.md#party-recommendations-and-union-groups).
 */
jest.setTimeout(120_000);

const today = vnToday();
const Q = {
  groups: `query($g: ID!) { unionGroups(grassrootsUnionId: $g) { id name leaderMemberId leaderName members { id } } }`,
  save: `mutation($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id leaderMemberId } }`,
  assign: `mutation($i: AssignMemberToUnionGroupInput!) { assignMemberToUnionGroup(input: $i) { id } }`,
};

describe('grassroots: a union group loses the leader whose membership ended', () => {
  let api: TestApi;
  let p: Province;
  let one: Cdcs;
  let m: string[];

  const group = async (c: Cdcs, name: string, leader: string, others: string[] = []) => {
    const id = (await api.ok(Q.save, { i: { grassrootsUnionId: c.id, name, leaderMemberId: leader } }, c.chair.token)).saveUnionGroup.id;
    for (const x of others) await api.ok(Q.assign, { i: { memberId: x, unionGroupId: id } }, c.chair.token);
    return id as string;
  };
  const groups = async (c: Cdcs) => (await api.ok(Q.groups, { g: c.id }, c.chair.token)).unionGroups;
  const rowsOf = async (staffId: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM union_group_member WHERE staff_id = $1`, [staffId]))[0].n +
    (await api.db.query(`SELECT count(*)::int AS n FROM union_group WHERE leader_staff_id = $1`, [staffId]))[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    one = await newCdcs(api, p, 'Công ty May Tổ Trưởng');
    m = await admitNewStaff(api, one, 4, today, '01/QĐ-CĐCS');
  });
  afterAll(() => api?.close());

  it('a leader who leaves the CĐCS (LEFT_JOB) leads no group and is out of it; the others stay', async () => {
    await group(one, 'Tổ May 1', m[0], [m[1]]);
    await api.ok(G.leave, { i: { memberId: m[0], leftOn: today, reason: 'LEFT_JOB' } }, one.chair.token);
    const [g] = await groups(one);
    expect(g).toMatchObject({ name: 'Tổ May 1', leaderMemberId: null, leaderName: null, members: [{ id: m[1] }] });
    expect(await rowsOf(m[0])).toBe(0);
  });

  it('a leader transferred out to another CĐCS leads no group of the CĐCS it left', async () => {
    await group(one, 'Tổ Cắt', m[1]);
    const two = await newCdcs(api, p, 'Công ty Giày Nhận Chuyển');
    const [person] = await api.db.query(
      `SELECT full_name, citizen_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex FROM grassroots_staff WHERE id = $1`,
      [m[1]],
    );
    const there = (
      await api.ok(
        G.addStaff,
        { i: { grassrootsUnionId: two.id, fullName: person.full_name, citizenId: person.citizen_id, birthDate: person.birth_date, sex: person.sex } },
        two.chair.token,
      )
    ).addStaff.id;
    await api.ok(G.transfer, { i: { memberId: there, transferredOn: today } }, two.chair.token);
    const cut = (await groups(one)).find((g: { name: string }) => g.name === 'Tổ Cắt');
    expect(cut).toMatchObject({ leaderMemberId: null, members: [] });
    expect((await groups(one)).find((g: { name: string }) => g.name === 'Tổ May 1').members).toEqual([]);
    expect(await rowsOf(m[1])).toBe(0);
  });

  it('a CĐCS dissolved by policy keeps no leader in its groups', async () => {
    await group(one, 'Tổ Hoàn Thiện', m[2], [m[3]]);
    const admin = await api.newAdmin();
    await api.ok(
      `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id } }`,
      { i: { id: one.id, transferTo: p.unitId, officers: 'DEACTIVATE', effectiveOn: today, decisionReference: 'Quyết định số 16/QĐ-LĐLĐ' } },
      admin.token,
    );
    const leaders = await api.db.query(`SELECT leader_staff_id FROM union_group WHERE grassroots_union_id = $1 AND leader_staff_id IS NOT NULL`, [one.id]);
    expect(leaders).toEqual([]);
    expect((await rowsOf(m[2])) + (await rowsOf(m[3]))).toBe(0);
  });
});
