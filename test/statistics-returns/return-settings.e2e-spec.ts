import { R } from '../support/statistics-returns';
import { addDays, codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/** The per-unit settings of the return periods: read (inherited), edited, validated, scoped, and felt by the board (docs/architecture.md#statistics-returns). */
jest.setTimeout(120_000);

const S = {
  get: `query($u: ID!) { statisticsReturnSettings(orgUnitId: $u) {
    orgUnitId fromOrgUnitId fromOrgUnitName halfYearDay yearDay dueWorkingDays reminderWorkingDays updatedAt } }`,
  save: `mutation($i: SaveStatisticsReturnSettingsInput!) { saveStatisticsReturnSettings(input: $i) {
    orgUnitId fromOrgUnitId halfYearDay yearDay dueWorkingDays reminderWorkingDays } }`,
};
const DEFAULTS = { fromOrgUnitId: null, halfYearDay: '05-31', yearDay: '11-30', dueWorkingDays: 10, reminderWorkingDays: 3 };

describe('statistics return settings', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let cdcs: Cdcs;

  const rows = async () =>
    Number((await api.db.query(`SELECT count(*) AS n FROM statistics_return_setting WHERE org_unit_id = ANY($1)`, [[a.unitId, a.federationId, cdcs.id]]))[0].n);
  const get = async (u: string, token: string) => (await api.ok(S.get, { u }, token)).statisticsReturnSettings;

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    b = await api.newProvince(1);
    cdcs = await newCdcs(api, a, 'Công ty Cài Đặt Kỳ');
  });
  afterAll(() => api?.close());

  it('answers the defaults of QĐ 1454/QĐ-TLĐ where no unit above has settings, to the upper level and to the CĐCS itself', async () => {
    expect(await get(a.unitId, a.officers[0].token)).toMatchObject({ orgUnitId: a.unitId, ...DEFAULTS, updatedAt: null });
    expect(await get(cdcs.id, cdcs.chair.token)).toMatchObject({ orgUnitId: cdcs.id, ...DEFAULTS });
    expect(codeOf(await api.gql(S.get, { u: a.unitId }, cdcs.chair.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(S.get, { u: a.unitId }, b.supervisor.token))).toBe('NOT_FOUND');
  });

  it('refuses bad settings naming every field in Vietnamese, and changes nothing', async () => {
    const bad = await api.gql(
      S.save,
      { i: { orgUnitId: a.unitId, halfYearDay: '31/05', yearDay: '02-29', dueWorkingDays: 61, reminderWorkingDays: -1 } },
      a.supervisor.token,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(errorOf(bad).fields.sort()).toEqual(['dueWorkingDays', 'halfYearDay', 'reminderWorkingDays', 'yearDay']);
    expect(errorOf(bad).messages.dueWorkingDays).toBe('Số ngày làm việc đến hạn nộp phải là số nguyên từ 1 đến 60');
    expect(errorOf(bad).messages.halfYearDay).toContain('Ngày chốt số liệu 6 tháng phải là một ngày có trong mọi năm');
    const order = await api.gql(S.save, { i: { orgUnitId: a.unitId, halfYearDay: '12-15' } }, a.supervisor.token);
    expect(errorOf(order).messages).toEqual({ halfYearDay: 'Ngày chốt số liệu 6 tháng (15/12) phải trước ngày chốt số liệu năm (30/11)' });
    const remind = await api.gql(S.save, { i: { orgUnitId: a.unitId, dueWorkingDays: 3 } }, a.supervisor.token);
    expect(errorOf(remind).fields).toEqual(['reminderWorkingDays']);
    const onCdcs = await api.gql(S.save, { i: { orgUnitId: cdcs.id, dueWorkingDays: 5 } }, a.supervisor.token);
    expect(errorOf(onCdcs).fields).toEqual(['orgUnitId']);
    expect(await rows()).toBe(0);
    expect(await get(a.unitId, a.supervisor.token)).toMatchObject(DEFAULTS);
  });

  it('lets a supervisor edit its subtree only (ADMIN anywhere); GRASSROOTS and OFFICER are refused', async () => {
    const i = { orgUnitId: a.unitId, dueWorkingDays: 15 };
    expect(codeOf(await api.gql(S.save, { i }, cdcs.chair.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(S.save, { i }, a.officers[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(S.save, { i }, b.supervisor.token))).toBe('NOT_FOUND');
    // The federation is above the province's supervisor: outside its subtree.
    expect(codeOf(await api.gql(S.save, { i: { ...i, orgUnitId: a.federationId } }, a.supervisor.token))).toBe('NOT_FOUND');
    expect(await rows()).toBe(0);

    const fed = (await api.ok(S.save, { i: { orgUnitId: a.federationId, halfYearDay: '06-30', yearDay: '12-31' } }, a.federationSupervisor.token))
      .saveStatisticsReturnSettings;
    expect(fed).toMatchObject({ fromOrgUnitId: a.federationId, halfYearDay: '06-30', yearDay: '12-31', dueWorkingDays: 10, reminderWorkingDays: 3 });
    // The province and its CĐCS inherit the federation's, saying so.
    expect(await get(cdcs.id, cdcs.chair.token)).toMatchObject({ orgUnitId: cdcs.id, fromOrgUnitId: a.federationId, halfYearDay: '06-30' });
    // The province's own row: a field left out keeps the value in force (the federation's days).
    const own = (await api.ok(S.save, { i }, a.supervisor.token)).saveStatisticsReturnSettings;
    expect(own).toMatchObject({ fromOrgUnitId: a.unitId, halfYearDay: '06-30', yearDay: '12-31', dueWorkingDays: 15 });
    expect(await get(cdcs.id, a.officers[0].token)).toMatchObject({ fromOrgUnitId: a.unitId, dueWorkingDays: 15 });
    const admin = await api.newAdmin();
    await api.ok(S.save, { i: { orgUnitId: b.unitId, reminderWorkingDays: 5 } }, admin.token);
    expect(await get(b.unitId, b.officers[0].token)).toMatchObject({ fromOrgUnitId: b.unitId, reminderWorkingDays: 5 });
    // inherit: the province's row goes, the federation's applies again.
    expect((await api.ok(S.save, { i: { orgUnitId: a.unitId, inherit: true } }, a.supervisor.token)).saveStatisticsReturnSettings).toMatchObject({
      fromOrgUnitId: a.federationId,
      dueWorkingDays: 10,
      halfYearDay: '06-30',
    });
    await api.ok(S.save, { i: { orgUnitId: a.federationId, inherit: true } }, a.federationSupervisor.token);
    expect(await rows()).toBe(0);
  });

  it("moves the board's due day, and with it who is late, when the due-day setting changes (drafts too; a submitted return keeps its day)", async () => {
    // A half-year whose reference day was 20 days ago (the year's day kept after it).
    let ref = addDays(vnToday(), -20);
    if (['12-31', '02-29'].includes(ref.slice(5))) ref = addDays(ref, -2);
    const year = Number(ref.slice(0, 4));
    const period = { k: 'HALF_YEAR', y: year };
    const drafted = await newCdcs(api, a, 'Công ty Bản Nháp');
    const sent = await newCdcs(api, a, 'Công ty Đã Gửi');
    // All three existed on the reference day, so all three owe the return.
    await api.db.query(`UPDATE org_unit SET established_on = '2020-01-01' WHERE id = ANY($1)`, [[cdcs.id, drafted.id, sent.id]]);
    const board = async () => (await api.ok(R.board, { u: a.unitId, ...period }, a.supervisor.token)).statisticsReturns;
    const row = async (c: Cdcs) => (await board()).rows.find((r: { grassrootsUnionId: string }) => r.grassrootsUnionId === c.id);
    await api.ok(
      S.save,
      { i: { orgUnitId: a.unitId, halfYearDay: ref.slice(5), yearDay: '12-31', dueWorkingDays: 60, reminderWorkingDays: 3 } },
      a.supervisor.token,
    );
    for (const c of [drafted, sent]) {
      const r = (await api.ok(R.get, { g: c.id, ...period }, c.chair.token)).statisticsReturn;
      const saved = (await api.ok(R.save, { i: { grassrootsUnionId: c.id, kind: 'HALF_YEAR', year, version: 0, figures: r.prefill } }, c.chair.token))
        .saveStatisticsReturn;
      if (c === sent) await api.ok(R.submit, { i: { id: saved.id, version: saved.version } }, c.chair.token);
    }
    const before = await row(cdcs);
    expect(before.dueOn > vnToday()).toBe(true);
    expect(before).toMatchObject({ state: 'NOT_SUBMITTED', late: false });
    expect(await row(drafted)).toMatchObject({ state: 'NOT_SUBMITTED', dueOn: before.dueOn });
    expect(await row(sent)).toMatchObject({ state: 'SUBMITTED', late: false, dueOn: before.dueOn });
    expect((await api.ok(R.get, { g: cdcs.id, ...period }, cdcs.chair.token)).statisticsReturn).toMatchObject({ referenceDay: ref, dueOn: before.dueOn });

    await api.ok(S.save, { i: { orgUnitId: a.unitId, dueWorkingDays: 1, reminderWorkingDays: 0 } }, a.supervisor.token);
    const after = await row(cdcs);
    expect(after.dueOn > ref && after.dueOn < vnToday()).toBe(true);
    expect(after).toMatchObject({ state: 'MISSING', late: true });
    expect(await row(drafted)).toMatchObject({ state: 'MISSING', late: true, dueOn: after.dueOn });
    expect((await api.ok(R.get, { g: drafted.id, ...period }, drafted.chair.token)).statisticsReturn).toMatchObject({ dueOn: after.dueOn, version: 1 });
    // Submitted before the change: its due day and its being on time stay.
    expect(await row(sent)).toMatchObject({ state: 'SUBMITTED', late: false, dueOn: before.dueOn });
    expect(await board()).toMatchObject({ missing: 2, notSubmitted: 0, submitted: 1, late: 2 });
  });
});
