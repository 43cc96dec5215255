import { codeOf, errorOf } from '../support/case-fixtures';
import { Cdcs, G, admitNewStaff, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * A member whose Party admission is recorded (here, or at the CĐCS it was transferred from) is not recommended again
 * (docs/architecture.md#party-recommendations-and-union-groups).
 */
jest.setTimeout(120_000);

const P = {
  recommend: `mutation($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) { id members { memberId outcome } } }`,
  outcome: `mutation($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id } }`,
};

describe('grassroots: a member admitted to the Party is not recommended again', () => {
  let api: TestApi;
  let p: Province;
  let one: Cdcs;
  let m: string[];
  let names: string[];

  const recommend = (c: Cdcs, memberIds: string[], resolutionNumber: string, resolutionOn: string) =>
    api.gql(P.recommend, { i: { grassrootsUnionId: c.id, resolutionNumber, resolutionOn, memberIds } }, c.chair.token);
  const count = async () => Number((await api.db.query(`SELECT count(*) AS n FROM party_recommendation_member`))[0].n);

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    one = await newCdcs(api, p, 'Công ty May Kết Nạp');
    m = await admitNewStaff(api, one, 3, '2026-01-10', '01/QĐ-CĐCS');
    names = (await api.db.query(`SELECT full_name FROM grassroots_staff WHERE id = ANY($1) ORDER BY array_position($1, id)`, [m])).map(
      (r: { full_name: string }) => r.full_name,
    );
    const rec = (
      await api.ok(
        P.recommend,
        { i: { grassrootsUnionId: one.id, resolutionNumber: 'NQ-01', resolutionOn: '2026-03-01', memberIds: [m[0], m[1]] } },
        one.chair.token,
      )
    ).recommendMembersToParty;
    await api.ok(P.outcome, { i: { recommendationId: rec.id, memberId: m[0], admitted: true, decidedOn: '2026-05-20' } }, one.chair.token);
    await api.ok(P.outcome, { i: { recommendationId: rec.id, memberId: m[1], admitted: false, decidedOn: '2026-05-20' } }, one.chair.token);
  });
  afterAll(() => api?.close());

  it('refuses a resolution naming a member already admitted to the Party (BAD_USER_INPUT, named), writing nothing', async () => {
    const before = await count();
    const again = await recommend(one, [m[0], m[1], m[2]], 'NQ-02', '2026-06-01');
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(errorOf(again).fields).toEqual(['memberIds']);
    expect(errorOf(again).messages.memberIds).toBe(`Đã được kết nạp Đảng, không giới thiệu lại: ${names[0]}`);
    expect(await count()).toBe(before);
    // Not admitted the first time: recommended again, with one never recommended.
    const ok = (
      await api.ok(
        P.recommend,
        { i: { grassrootsUnionId: one.id, resolutionNumber: 'NQ-02', resolutionOn: '2026-06-01', memberIds: [m[1], m[2]] } },
        one.chair.token,
      )
    ).recommendMembersToParty;
    expect(ok.members.map((x: { outcome: string }) => x.outcome)).toEqual(['PENDING', 'PENDING']);
  });

  it('refuses the member admitted at the CĐCS it was transferred from (by citizen id)', async () => {
    const two = await newCdcs(api, p, 'Công ty Giày Nhận Đảng Viên');
    const [x] = await api.db.query(`SELECT full_name, citizen_id, to_char(birth_date, 'YYYY-MM-DD') AS d, sex FROM grassroots_staff WHERE id = $1`, [m[0]]);
    const person = { fullName: x.full_name, citizenId: x.citizen_id, birthDate: x.d, sex: x.sex };
    const there = (await api.ok(G.addStaff, { i: { grassrootsUnionId: two.id, ...person } }, two.chair.token)).addStaff.id;
    await api.ok(G.transfer, { i: { memberId: there, transferredOn: '2026-07-01' } }, two.chair.token);
    const again = await recommend(two, [there], 'NQ-01', '2026-07-02');
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['memberIds'] });
    expect(errorOf(again).messages.memberIds).toContain(names[0]);
  });
});
