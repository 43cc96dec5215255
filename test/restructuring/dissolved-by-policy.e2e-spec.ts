import { vnToday } from '../support/case-fixtures';
import { G, addStaff, admitNewStaff, newCdcs } from '../support/grassroots';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';

/**
 * A CĐCS dissolved by policy (e.g. at a unit wholly funded by the state budget, Công văn 4173/TLĐ-ToC): its open
 * memberships end DISSOLVED, and the statistics return's figures and the consolidated sheet count them as their own
 * decrease, apart from ordinary leaving (docs/architecture.md#statistics-returns).
 */
jest.setTimeout(120_000);

const today = vnToday();
/** The YEAR return period running today (form 1-HĐCĐ: from the day after 30/11). */
const year = Number(today.slice(0, 4)) + (today.slice(5) > '11-30' ? 1 : 0);

describe('restructuring: memberships ended by a dissolution by policy, counted apart in the statistics returns', () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  it('counts the DISSOLVED endings as "Giảm: CĐCS giải thể theo chủ trương", the ordinary leaving apart, and the balance holds', async () => {
    const school = await newCdcs(api, p, 'Trường Tiểu học');
    const live = await newCdcs(api, p, 'Công ty Giày');
    const ids = await admitNewStaff(api, school, 3, today, '01/QĐ-CĐCS');
    await api.ok(G.leave, { i: { memberId: ids[0], leftOn: today, reason: 'LEFT_JOB' } }, school.chair.token);
    const liveIds = await addStaff(api, live, 1);
    await api.ok(
      G.admit,
      { i: { grassrootsUnionId: live.id, decisionNumber: '02/QĐ-CĐCS', decidedOn: today, signer: 'Giám đốc', memberIds: liveIds } },
      live.chair.token,
    );

    // Before the dissolution the school's own return reads the register: nothing dissolved yet.
    const before = (await api.ok(R.get, { g: school.id, k: 'YEAR', y: year }, school.chair.token)).statisticsReturn;
    expect(before.prefill).toMatchObject({ admitted: 3, leftJob: 1, leftDissolved: 0, membersAtEnd: 2 });

    await api.ok(
      `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id status } }`,
      {
        i: {
          id: school.id,
          transferTo: p.unitId,
          officers: 'DEACTIVATE',
          effectiveOn: today,
          decisionReference: 'Quyết định số 15/QĐ-LĐLĐ (theo Công văn 4173/TLĐ-ToC)',
        },
      },
      admin.token,
    );
    const ended = await api.db.query(`SELECT left_reason, count(*)::int AS n FROM member WHERE grassroots_union_id = $1 GROUP BY 1 ORDER BY 1`, [school.id]);
    expect(ended).toEqual([
      { left_reason: 'DISSOLVED', n: 2 },
      { left_reason: 'LEFT_JOB', n: 1 },
    ]);

    const c = (await api.ok(R.consolidated, { u: p.unitId, k: 'YEAR', y: year }, p.supervisor.token)).consolidatedStatisticsReturn;
    const gone = c.rows.find((r: { unitId: string }) => r.unitId === school.id);
    expect(gone.name).toMatch(/\(đã giải thể\)$/);
    expect(gone).toMatchObject({ grassroots: 0, accepted: 0 });
    expect(gone.figures).toMatchObject({ membersAtStart: 0, admitted: 3, leftJob: 1, leftDissolved: 2, membersAtEnd: 0, staffNotMembers: 0 });
    const liveRow = c.rows.find((r: { unitId: string }) => r.unitId === live.id);
    expect(liveRow.figures.leftDissolved).toBe(0);
    expect(c.total.figures.leftDissolved).toBe(2);
    expect(c.total.figures.leftJob).toBe(1);

    // The live CĐCS saves its return without the new indicator: the register's value (0) is kept.
    const own = (await api.ok(R.get, { g: live.id, k: 'YEAR', y: year }, live.chair.token)).statisticsReturn;
    const { leftDissolved, ...typed } = own.prefill;
    expect(leftDissolved).toBe(0);
    const saved = await api.ok(R.save, { i: { grassrootsUnionId: live.id, kind: 'YEAR', year, version: 0, figures: typed } }, live.chair.token);
    expect(saved.saveStatisticsReturn.figures).toMatchObject({ leftDissolved: 0, admitted: 1, membersAtEnd: 1 });
  });
});
