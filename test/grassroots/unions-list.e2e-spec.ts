import { G, addStaff, newCdcs } from '../support/grassroots';
import { M, codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

/** grassrootsUnions: the upper level's list of its CĐCS with their counts (docs/architecture.md#grassroots-unions). */
jest.setTimeout(120_000);

const Q = `query($u: ID, $s: String, $first: Int, $after: String) { grassrootsUnions(orgUnitId: $u, search: $s, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id name parentId parentName staffCount membersCount hasAccount } } }`;

describe('grassroots: the list of a subtree’s CĐCS', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    other = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it('lists the CĐCS below the caller with staff, member counts and accounts; search without diacritics; pages', async () => {
    const a = await newCdcs(api, p, 'Công ty Điện Tử');
    const b = await newCdcs(api, p, 'Công ty Thực Phẩm');
    const noAccount = (
      await api.ok(M.createOrgUnit, { i: { name: `Công đoàn cơ sở Trường Học ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId } }, p.supervisor.token)
    ).createOrgUnit.id as string;
    const ids = await addStaff(api, a, 4);
    await api.ok(
      G.admit,
      { i: { grassrootsUnionId: a.id, decisionNumber: 'QĐ-01', decidedOn: vnToday(), signer: 'Chủ tịch', memberIds: ids.slice(0, 3) } },
      a.chair.token,
    );
    await api.ok(G.leave, { i: { memberId: ids[0], leftOn: vnToday(), reason: 'LEFT_JOB' } }, a.chair.token);
    await addStaff(api, b, 1);
    await newCdcs(api, other, 'Công ty Khác');

    const all = (await api.ok(Q, {}, p.supervisor.token)).grassrootsUnions;
    expect(all.totalCount).toBe(3);
    const byId = new Map(all.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.get(a.id)).toMatchObject({ staffCount: 4, membersCount: 2, hasAccount: true, parentId: p.unitId, parentName: expect.any(String) });
    expect(byId.get(b.id)).toMatchObject({ staffCount: 1, membersCount: 0, hasAccount: true });
    expect(byId.get(noAccount)).toMatchObject({ staffCount: 0, membersCount: 0, hasAccount: false });

    const found = (await api.ok(Q, { s: 'dien tu' }, p.officers[0].token)).grassrootsUnions;
    expect(found.nodes.map((n: { id: string }) => n.id)).toEqual([a.id]);
    const first = (await api.ok(Q, { first: 2 }, p.supervisor.token)).grassrootsUnions;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await api.ok(Q, { first: 2, after: first.pageInfo.endCursor }, p.supervisor.token)).grassrootsUnions;
    expect([...first.nodes, ...rest.nodes].map((n: { id: string }) => n.id).sort()).toEqual(all.nodes.map((n: { id: string }) => n.id).sort());
  });

  it('answers NOT_FOUND for a root outside the caller’s scope and refuses a GRASSROOTS caller', async () => {
    const c = await newCdcs(api, p, 'Công ty Nhựa');
    expect(codeOf(await api.gql(Q, { u: other.unitId }, p.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(Q, { u: p.federationId }, p.officers[0].token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(Q, {}, c.chair.token))).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(Q, { s: 'x'.repeat(101) }, p.supervisor.token))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['search'] });
  });
});
