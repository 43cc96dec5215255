import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { ReportBuilderService } from '@app/core';
import { RETURN_INDICATORS, RETURN_INDICATOR_VI, latestReturnPeriodBy } from '@app/domain';
import { codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { Cdcs, G, addStaff, newCdcs } from '../support/grassroots';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';

/**
 * A CĐCS's Party recommendations (4A-KNĐ), its union groups, what they add to the statistics returns and the report
 * sheet, and the pipeline's members both ways (docs/architecture.md#party-recommendations-and-union-groups).
 */
jest.setTimeout(120_000);

// Every statement the API sends ends in a pool client's query() (see test/cases/query-count.e2e-spec.ts).
const sent: string[] = [];
let counting = false;
type AnyQuery = (...args: unknown[]) => unknown;
const originalQuery = Client.prototype.query as unknown as AnyQuery;
(Client.prototype as unknown as { query: AnyQuery }).query = function patchedQuery(this: Client, ...args: unknown[]) {
  if (counting) sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
  return originalQuery.apply(this, args);
};

const P = {
  recommend: `mutation($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) {
    id grassrootsUnionId resolutionNumber resolutionOn members { memberId fullName outcome decidedOn } } }`,
  outcome: `mutation($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id members { memberId outcome decidedOn note } } }`,
  list: `query($g: ID!, $y: Int) { partyRecommendations(grassrootsUnionId: $g, year: $y) { id resolutionNumber members { memberId outcome } } }`,
  groups: `query($g: ID!) { unionGroups(grassrootsUnionId: $g) { id name leaderMemberId leaderName members { id fullName } } }`,
  saveGroup: `mutation($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id name leaderMemberId members { id } } }`,
  removeGroup: `mutation($id: ID!) { removeUnionGroup(id: $id) }`,
  assign: `mutation($i: AssignMemberToUnionGroupInput!) { assignMemberToUnionGroup(input: $i) { id status } }`,
};
const HALF = { k: 'HALF_YEAR', y: 2026 };

describe('grassroots: Party recommendations and union groups', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let one: Cdcs;
  let two: Cdcs;
  /** one's members admitted 2026-01-10; `outsider` on one's staff list, never admitted; `foreign` a member of two. */
  let m: string[];
  let outsider: string;
  let foreign: string;
  let recId: string;

  const admit = (c: Cdcs, ids: string[], day: string, n: string) =>
    api.ok(G.admit, { i: { grassrootsUnionId: c.id, decisionNumber: n, decidedOn: day, signer: 'Chủ tịch', memberIds: ids } }, c.chair.token);
  const recommend = (c: Cdcs, memberIds: string[], resolutionNumber: string, resolutionOn: string, token = c.chair.token) =>
    api.gql(P.recommend, { i: { grassrootsUnionId: c.id, resolutionNumber, resolutionOn, memberIds } }, token);
  const rows = async (table: string, c: Cdcs) => Number((await api.db.query(`SELECT count(*) AS n FROM ${table} WHERE grassroots_union_id = $1`, [c.id]))[0].n);
  const prefill = async (c: Cdcs, k: string, y: number) => (await api.ok(R.get, { g: c.id, k, y }, c.chair.token)).statisticsReturn.prefill;

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    one = await newCdcs(api, a, 'Công ty May Đảng Viên');
    two = await newCdcs(api, a, 'Công ty Giày Đảng Viên');
    m = await addStaff(api, one, 4);
    [outsider] = await addStaff(api, one, 1);
    await admit(one, m, '2026-01-10', 'QĐ-01');
    [foreign] = await addStaff(api, two, 1);
    await admit(two, [foreign], '2025-06-01', 'QĐ-02');
    // A new member of two in the period: counted by the register, not by a return two never sends.
    await admit(two, await addStaff(api, two, 1), '2026-02-01', 'QĐ-03');
    await api.db.query(`UPDATE grassroots_staff SET created_at = '2025-01-01' WHERE grassroots_union_id = ANY($1)`, [[one.id, two.id]]);
    await api.db.query(`UPDATE org_unit SET established_on = '2025-01-01' WHERE id = ANY($1)`, [[one.id, two.id]]);
  });
  afterAll(async () => {
    (Client.prototype as unknown as { query: AnyQuery }).query = originalQuery;
    await api?.close();
  });

  it('recommends only active members of the CĐCS, one open recommendation each, and records each outcome once', async () => {
    const notMember = await recommend(one, [m[0], outsider], 'NQ-01', '2026-03-01');
    expect(codeOf(notMember)).toBe('BAD_USER_INPUT');
    expect(errorOf(notMember).fields).toEqual(['memberIds']);
    expect(errorOf(notMember).messages.memberIds).toContain('chưa phải đoàn viên');
    const otherCdcs = await recommend(one, [m[0], foreign], 'NQ-01', '2026-03-01');
    expect(errorOf(otherCdcs).fields).toEqual(['memberIds']);
    expect(errorOf(otherCdcs).messages.memberIds).toContain('không có trong danh sách đoàn viên của CĐCS này');
    const beforeAdmission = await recommend(one, [m[0]], 'NQ-01', '2026-01-05');
    expect(errorOf(beforeAdmission).messages.memberIds).toContain('sau ngày nghị quyết');
    expect(codeOf(await recommend(one, [m[0]], ' ', '2099-01-01'))).toBe('BAD_USER_INPUT');
    expect(await rows('party_recommendation', one)).toBe(0);

    const made = (
      await api.ok(
        P.recommend,
        { i: { grassrootsUnionId: one.id, resolutionNumber: 'NQ-01', resolutionOn: '2026-03-01', memberIds: [m[0], m[1]] } },
        one.chair.token,
      )
    ).recommendMembersToParty;
    recId = made.id;
    expect(made.members.map((x: { outcome: string }) => x.outcome)).toEqual(['PENDING', 'PENDING']);
    const twice = await recommend(one, [m[1], m[2]], 'NQ-02', '2026-03-05');
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(errorOf(twice)).toMatchObject({ reason: 'OPEN_RECOMMENDATION', fields: ['memberIds'] });
    const sameNumber = await recommend(one, [m[2]], 'NQ-01', '2026-03-05');
    expect(codeOf(sameNumber)).toBe('CONFLICT');
    expect(errorOf(sameNumber).fields).toEqual(['resolutionNumber']);
    expect(await rows('party_recommendation_member', one)).toBe(2);

    const early = await api.gql(P.outcome, { i: { recommendationId: recId, memberId: m[1], admitted: false, decidedOn: '2026-02-01' } }, one.chair.token);
    expect(errorOf(early).fields).toEqual(['decidedOn']);
    const stranger = await api.gql(P.outcome, { i: { recommendationId: recId, memberId: m[3], admitted: true, decidedOn: '2026-04-01' } }, one.chair.token);
    expect(errorOf(stranger).fields).toEqual(['memberId']);
    const admitted = (
      await api.ok(
        P.outcome,
        { i: { recommendationId: recId, memberId: m[0], admitted: true, decidedOn: '2026-05-20', note: 'Chi bộ kết nạp' } },
        one.chair.token,
      )
    ).recordPartyAdmission;
    expect(admitted.members.find((x: { memberId: string }) => x.memberId === m[0])).toMatchObject({ outcome: 'ADMITTED', decidedOn: '2026-05-20' });
    const again = await api.gql(P.outcome, { i: { recommendationId: recId, memberId: m[0], admitted: false, decidedOn: '2026-05-21' } }, one.chair.token);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', reason: 'OUTCOME_RECORDED' });
    await api.ok(P.outcome, { i: { recommendationId: recId, memberId: m[1], admitted: false, decidedOn: '2026-04-01' } }, one.chair.token);
    // No open recommendation left for m[1]: a later resolution may recommend it again.
    await api.ok(P.recommend, { i: { grassrootsUnionId: one.id, resolutionNumber: 'NQ-03', resolutionOn: '2026-06-10', memberIds: [m[1]] } }, one.chair.token);

    const list = (await api.ok(P.list, { g: one.id, y: 2026 }, a.officers[0].token)).partyRecommendations;
    expect(list.map((r: { resolutionNumber: string }) => r.resolutionNumber)).toEqual(['NQ-03', 'NQ-01']);
    expect((await api.ok(P.list, { g: one.id, y: 2025 }, one.chair.token)).partyRecommendations).toEqual([]);
  });

  it('keeps union groups with a leader and members, one group per member, active members only', async () => {
    expect((await prefill(one, 'YEAR', 2027)).unionGroups).toBeNull();
    const sewing = (await api.ok(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ May 1', leaderMemberId: m[2] } }, one.chair.token)).saveUnionGroup;
    expect(sewing).toMatchObject({ name: 'Tổ May 1', leaderMemberId: m[2], members: [{ id: m[2] }] });
    const cutting = (await api.ok(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ Cắt' } }, one.chair.token)).saveUnionGroup;
    const dup = await api.gql(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'tổ cắt' } }, one.chair.token);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(errorOf(dup).fields).toEqual(['name']);
    const badLeader = await api.gql(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ Là', leaderMemberId: outsider } }, one.chair.token);
    expect(errorOf(badLeader).fields).toEqual(['leaderMemberId']);
    const notMember = await api.gql(P.assign, { i: { memberId: outsider, unionGroupId: cutting.id } }, one.chair.token);
    expect(errorOf(notMember).fields).toEqual(['memberId']);
    await api.ok(P.assign, { i: { memberId: m[3], unionGroupId: cutting.id } }, one.chair.token);
    // The leader moves to the other group: it no longer leads the first.
    await api.ok(P.assign, { i: { memberId: m[2], unionGroupId: cutting.id } }, one.chair.token);
    const groups = (await api.ok(P.groups, { g: one.id }, a.supervisor.token)).unionGroups;
    expect(groups.map((g: { name: string; leaderMemberId: string | null; members: { id: string }[] }) => [g.name, g.leaderMemberId, g.members.length])).toEqual(
      [
        ['Tổ Cắt', null, 2],
        ['Tổ May 1', null, 0],
      ],
    );
    const spare = (await api.ok(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ Tạm' } }, one.chair.token)).saveUnionGroup;
    expect(await api.ok(P.removeGroup, { id: spare.id }, one.chair.token)).toEqual({ removeUnionGroup: true });
    expect((await api.ok(P.groups, { g: one.id }, one.chair.token)).unionGroups).toHaveLength(2);
    expect(codeOf(await api.gql(P.removeGroup, { id: spare.id }, one.chair.token))).toBe('NOT_FOUND');
    // Kept on the reference day: today's groups count for the period running now, not for a past one ...
    expect((await prefill(one, 'YEAR', 2027)).unionGroups).toBe(2);
    expect((await prefill(one, 'HALF_YEAR', 2026)).unionGroups).toBeNull();
    // ... and a group kept since January and removed today still counts on 31/5.
    await api.db.query(`UPDATE union_group SET created_at = '2026-01-02' WHERE grassroots_union_id = $1`, [one.id]);
    expect((await prefill(one, 'HALF_YEAR', 2026)).unionGroups).toBe(3);
    expect((await prefill(two, 'HALF_YEAR', 2026)).unionGroups).toBeNull();
  });

  it('lets a GRASSROOTS user neither see nor change another CĐCS’s recommendations and groups; the upper level reads only', async () => {
    const [group] = (await api.ok(P.groups, { g: one.id }, one.chair.token)).unionGroups;
    const t = two.chair.token;
    expect(codeOf(await api.gql(P.list, { g: one.id }, t))).toBe('NOT_FOUND');
    expect(codeOf(await recommend(one, [m[3]], 'NQ-X', '2026-03-01', t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.outcome, { i: { recommendationId: recId, memberId: m[0], admitted: true, decidedOn: '2026-05-01' } }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.groups, { g: one.id }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ Lạ' } }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.saveGroup, { i: { grassrootsUnionId: two.id, id: group.id, name: 'Tổ Lạ' } }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.removeGroup, { id: group.id }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.assign, { i: { memberId: m[3], unionGroupId: null } }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.assign, { i: { memberId: foreign, unionGroupId: group.id } }, t))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.list, { g: one.id }, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(P.groups, { g: one.id }, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await recommend(one, [m[3]], 'NQ-X', '2026-03-01', a.supervisor.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(P.saveGroup, { i: { grassrootsUnionId: one.id, name: 'Tổ Lạ' } }, a.officers[0].token))).toBe('FORBIDDEN');
    expect((await api.ok(P.groups, { g: one.id }, one.chair.token)).unionGroups.map((g: { name: string }) => g.name)).toEqual(['Tổ Cắt', 'Tổ May 1']);
    expect(await rows('party_recommendation', one)).toBe(2);
  });

  it('prefills the return with giới thiệu / được kết nạp by the resolution and admission days, and a client may leave them out', async () => {
    expect(await prefill(one, 'HALF_YEAR', 2026)).toMatchObject({ admitted: 4, partyRecommended: 2, partyAdmitted: 1 });
    expect(await prefill(one, 'YEAR', 2026)).toMatchObject({ partyRecommended: 3, partyAdmitted: 1 });
    expect(await prefill(two, 'HALF_YEAR', 2026)).toMatchObject({ partyRecommended: 0, partyAdmitted: 0, unionGroups: null });
    const base = await prefill(one, 'HALF_YEAR', 2026);
    const i = { grassrootsUnionId: one.id, kind: 'HALF_YEAR', year: 2026, version: 0 };
    const changed = await api.gql(R.save, { i: { ...i, figures: { ...base, partyAdmitted: 2 } } }, one.chair.token);
    expect(errorOf(changed).fields).toEqual(['note']);
    expect(errorOf(changed).messages.note).toContain('Đoàn viên được kết nạp Đảng');
    const { partyRecommended, partyAdmitted, unionGroups, ...older } = base;
    expect([partyRecommended, partyAdmitted, unionGroups]).toEqual([2, 1, 3]);
    const saved = (await api.ok(R.save, { i: { ...i, figures: older } }, one.chair.token)).saveStatisticsReturn;
    expect(saved.figures).toEqual(base);
  });

  it('sums the accepted returns’ Party and union-group figures in the consolidation and the report sheet (a blank stays blank)', async () => {
    const accept = async (c: Cdcs, k: string, y: number) => {
      const r = (await api.ok(R.get, { g: c.id, k, y }, c.chair.token)).statisticsReturn;
      let v = r.version;
      if (!r.id || r.status === 'DRAFT') {
        const s = (await api.ok(R.save, { i: { grassrootsUnionId: c.id, kind: k, year: y, version: v, figures: r.prefill } }, c.chair.token))
          .saveStatisticsReturn;
        v = s.version;
        await api.ok(R.submit, { i: { id: s.id, version: v } }, c.chair.token);
        await api.ok(R.accept, { i: { id: s.id, version: v + 1 } }, a.supervisor.token);
      }
    };
    // two recommends its member and sees it admitted within the half-year.
    const r2 = (
      await api.ok(
        P.recommend,
        { i: { grassrootsUnionId: two.id, resolutionNumber: 'NQ-01', resolutionOn: '2026-02-15', memberIds: [foreign] } },
        two.chair.token,
      )
    ).recommendMembersToParty;
    await api.ok(P.outcome, { i: { recommendationId: r2.id, memberId: foreign, admitted: true, decidedOn: '2026-05-30' } }, two.chair.token);
    await accept(one, 'HALF_YEAR', 2026);
    await accept(two, 'HALF_YEAR', 2026);
    const c = (await api.ok(R.consolidated, { u: a.unitId, ...HALF }, a.supervisor.token)).consolidatedStatisticsReturn;
    expect(c.total.figures).toMatchObject({ partyRecommended: 3, partyAdmitted: 2, unionGroups: 3 });
    expect(c.rows.find((r: { unitId: string }) => r.unitId === two.id).figures.unionGroups).toBeNull();
    const fed = (await api.ok(R.consolidated, { u: a.federationId, ...HALF }, a.federationSupervisor.token)).consolidatedStatisticsReturn;
    expect(fed.total.figures).toMatchObject({ partyRecommended: 3, partyAdmitted: 2, unionGroups: 3 });

    const { requestReport } = await api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      { i: { orgUnitId: a.unitId, periodKind: 'QUARTER', periodStart: '2026-04-01' } },
      a.supervisor.token,
    );
    expect(await api.app.get(ReportBuilderService).build(requestReport.id)).toEqual({ built: true });
    const [{ xlsx }] = await api.db.query(`SELECT xlsx FROM report WHERE id = $1`, [requestReport.id]);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx);
    const ws = wb.getWorksheet('Báo cáo thống kê CĐCS')!;
    const heading = (ws.getRow(5).values as unknown[]).slice(1);
    const col = (k: (typeof RETURN_INDICATORS)[number]) => heading.indexOf(RETURN_INDICATOR_VI[k]) + 1;
    let total: unknown[] = [];
    let twoRow: unknown[] = [];
    const twoName = (await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [two.id]))[0].name;
    ws.eachRow((row, n) => {
      const v = row.values as unknown[];
      if (n > 5 && v[2] === 'Tổng cộng') total = v;
      if (n > 5 && v[2] === twoName && v[3] === 1) twoRow = v;
    });
    expect([total[col('partyRecommended')], total[col('partyAdmitted')], total[col('unionGroups')]]).toEqual([3, 2, 3]);
    expect(twoRow[col('partyAdmitted')]).toBe(1);
    expect(twoRow[col('unionGroups')] ?? null).toBeNull();
  });

  it('shows the pipeline’s members both ways: the registers and the accepted returns of the latest period, with how many CĐCS reported', async () => {
    const today = vnToday();
    const p = latestReturnPeriodBy(today < '2026-12-31' ? today : '2026-12-31');
    const q = `query($u: ID!) { pipeline(orgUnitId: $u, year: 2026) { newMembers { actual }
      membersFromReturns { kind year periodStart referenceDay grassrootsUnions reportedUnions admitted membersAtEnd registerAdmitted } } }`;
    const before = (await api.ok(q, { u: a.unitId }, a.supervisor.token)).pipeline.membersFromReturns;
    expect(before).toMatchObject({ kind: p.kind, year: p.year, periodStart: p.start, referenceDay: p.end, grassrootsUnions: 2 });
    // The registers: one's four and two's one admitted in the period (two's first member came before it).
    expect(before.registerAdmitted).toBe(5);
    const r = (await api.ok(R.get, { g: one.id, k: p.kind, y: p.year }, one.chair.token)).statisticsReturn;
    if (r.status !== 'ACCEPTED') {
      const s = (
        await api.ok(R.save, { i: { grassrootsUnionId: one.id, kind: p.kind, year: p.year, version: r.version, figures: r.prefill } }, one.chair.token)
      ).saveStatisticsReturn;
      await api.ok(R.submit, { i: { id: s.id, version: s.version } }, one.chair.token);
      await api.ok(R.accept, { i: { id: s.id, version: s.version + 1 } }, a.supervisor.token);
    }
    const after = (await api.ok(q, { u: a.unitId }, a.officers[0].token)).pipeline.membersFromReturns;
    expect(after).toMatchObject({ reportedUnions: 1, grassrootsUnions: 2, admitted: 4, membersAtEnd: 4, registerAdmitted: 5 });
    const fed = (await api.ok(q, { u: a.federationId }, a.federationSupervisor.token)).pipeline.membersFromReturns;
    expect(fed).toMatchObject({ reportedUnions: 1, grassrootsUnions: 2, admitted: 4 });
  });

  it('answers each person’s memberships on a page of the register in one statement (batched per request)', async () => {
    sent.length = 0;
    counting = true;
    const page = (
      await api.ok(
        `query($g: ID!) { members(grassrootsUnionId: $g, first: 10) { nodes { id status memberships { admittedOn } } } }`,
        { g: one.id },
        one.chair.token,
      )
    ).members.nodes as { id: string; status: string; memberships: { admittedOn: string }[] }[];
    counting = false;
    expect(sent.filter((q) => /FROM member WHERE staff_id = ANY/.test(q))).toHaveLength(1);
    expect(page).toHaveLength(5);
    for (const p of page) expect(p.memberships.map((x) => x.admittedOn)).toEqual(p.id === outsider ? [] : ['2026-01-10']);
  });
});
