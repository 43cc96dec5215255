import { STAFF_IMPORT, readTabular } from '@app/core';
import { G, newCdcs } from '../support/grassroots';
import { M, createEnterprise, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

/**
 * Names sort in Vietnamese order whatever the database's collation (the test database's is C.UTF-8, code point order:
 * "Đặng" after "Zung"): docs/architecture.md#vietnamese-name-order.
 */
jest.setTimeout(120_000);

/** The Vietnamese order (A Ă Â B C D Đ E Ê …, a tone after its base letter), written out rather than asked of Postgres. */
const ORDERED = ['Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dung', 'Dũng', 'Đào', 'Đặng', 'E', 'Ê', 'Ôn', 'Ơn', 'Yến', 'Zung'];
/** The same names shuffled (as they are added). */
const SHUFFLED = ['Zung', 'Đặng', 'Ánh', 'Ơn', 'Yến', 'Dũng', 'Ê', 'Anh', 'Ân', 'Bình', 'E', 'Đào', 'Ăn', 'Ôn', 'Dung'];

/** Every node of a paged list, `first` at a time (the keyset cursor must follow the same order). */
async function allPages(fetchPage: (after: string | null) => Promise<{ nodes: any[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>) {
  const out: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

describe('Vietnamese name order', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it('the test database sorts by code point, so the lists below would not be in Vietnamese order without the collation', async () => {
    const [{ names }] = await api.db.query(`SELECT array_agg(n ORDER BY n COLLATE "C") AS names FROM unnest($1::text[]) n`, [SHUFFLED]);
    expect(names).not.toEqual(ORDERED);
  });

  it('a CĐCS’s members, page by page, and its export', async () => {
    const c = await newCdcs(api, p, 'Công ty Thứ Tự');
    for (const [i, fullName] of SHUFFLED.entries()) {
      const sex = i % 2 ? 'MALE' : 'FEMALE';
      const birthDate = `19${80 + i}-01-15`;
      const century = sex === 'FEMALE' ? 1 : 0;
      const citizenId = `034${century}${80 + i}${String(100_000 + i).padStart(6, '0')}`;
      await api.ok(G.addStaff, { i: { grassrootsUnionId: c.id, fullName, citizenId, birthDate, sex } }, c.chair.token);
    }
    const nodes = await allPages(async (after) => (await api.ok(G.members, { g: c.id, first: 4, after }, c.chair.token)).members);
    expect(nodes.map((n) => n.fullName)).toEqual(ORDERED);

    const res = await fetch(`${api.url}/registers/members.xlsx?grassrootsUnionId=${c.id}`, { headers: { authorization: `Bearer ${c.chair.token}` } });
    const read = await readTabular(Buffer.from(await res.arrayBuffer()), STAFF_IMPORT);
    expect(read.ok && read.rows.map((r) => r.values.fullName)).toEqual(ORDERED);
  });

  it('the people of an admission decision', async () => {
    const c = await newCdcs(api, p, 'Công ty Kết Nạp Thứ Tự');
    const ids: string[] = [];
    for (const [i, fullName] of SHUFFLED.entries()) {
      const citizenId = `035${i % 2}${80 + i}${String(200_000 + i).padStart(6, '0')}`;
      const sex = i % 2 ? 'FEMALE' : 'MALE';
      ids.push(
        (await api.ok(G.addStaff, { i: { grassrootsUnionId: c.id, fullName, citizenId, birthDate: `19${80 + i}-02-15`, sex } }, c.chair.token)).addStaff.id,
      );
    }
    const decision = (
      await api.ok(
        G.admit,
        { i: { grassrootsUnionId: c.id, decisionNumber: '01/QĐ-TT', decidedOn: vnToday(), signer: 'Chủ tịch', memberIds: ids } },
        c.chair.token,
      )
    ).admitMembers;
    const q = `query($g: ID!) { admissionDecisions(grassrootsUnionId: $g) { nodes { id memberIds members { fullName } } } }`;
    const [listed] = (await api.ok(q, { g: c.id }, c.chair.token)).admissionDecisions.nodes;
    expect(listed.id).toBe(decision.id);
    expect(listed.members.map((m: { fullName: string }) => m.fullName)).toEqual(ORDERED);
    const byId = new Map(ids.map((id, i) => [id, SHUFFLED[i]]));
    expect(listed.memberIds.map((id: string) => byId.get(id))).toEqual(ORDERED);
  });

  it("an officer's area's districts", async () => {
    // Districts are told apart without diacritics (one per folded name), so these differ in their letters too.
    const districts = ['An Lão', 'Ân Thi', 'Bình Giang', 'Đông Hưng', 'Ea Kar', 'Ý Yên'];
    const save = `mutation($i: SaveOfficerAreaInput!) { saveOfficerArea(input: $i) { officerId } }`;
    await api.ok(save, { i: { officerId: p.officers[0].id, districts: [...districts].reverse() } }, p.supervisor.token);
    const q = `query($u: ID!) { officerAreas(orgUnitId: $u) { officerId districts } }`;
    const area = (await api.ok(q, { u: p.unitId }, p.supervisor.token)).officerAreas.find((a: { officerId: string }) => a.officerId === p.officers[0].id);
    expect(area.districts).toEqual(districts);
    const [{ names }] = await api.db.query(`SELECT array_agg(n ORDER BY n COLLATE "C") AS names FROM unnest($1::text[]) n`, [districts]);
    expect(names).not.toEqual(districts);
  });

  it('the enterprise register, page by page', async () => {
    for (const name of SHUFFLED) await createEnterprise(api, p, { name });
    const q = `query($f: EnterpriseFilter, $first: Int, $after: String) { enterprises(filter: $f, first: $first, after: $after) {
      pageInfo { endCursor hasNextPage } nodes { name } } }`;
    const nodes = await allPages(
      async (after) => (await api.ok(q, { f: { orgUnitId: p.unitId, sort: 'NAME' }, first: 4, after }, p.supervisor.token)).enterprises,
    );
    expect(nodes.map((n) => n.name)).toEqual(ORDERED);
  });

  it('the upper level’s list of CĐCS, page by page', async () => {
    const q2 = await api.newProvince(1);
    for (const name of SHUFFLED) await api.ok(M.createOrgUnit, { i: { name, kind: 'GRASSROOTS', parentId: q2.unitId } }, q2.supervisor.token);
    const q = `query($u: ID, $first: Int, $after: String) { grassrootsUnions(orgUnitId: $u, first: $first, after: $after) {
      pageInfo { endCursor hasNextPage } nodes { name } } }`;
    const nodes = await allPages(async (after) => (await api.ok(q, { u: q2.unitId, first: 4, after }, q2.supervisor.token)).grassrootsUnions);
    expect(nodes.map((n) => n.name)).toEqual(ORDERED);
  });
});
