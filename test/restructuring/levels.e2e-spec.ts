import { CalendarService, FiguresService, RestructuringService } from '@app/core';
import { IsoDate, addDays } from '@app/domain';
import { codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { admitNewStaff, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * UPGRADE and DOWNGRADE (docs/architecture.md#restructuring): a unit's level one step up or down from a day, under a new
 * parent at once when asked; the tree of an earlier day keeps the old level; refusals name why and change nothing; a
 * later day is scheduled and applied once by the worker.
 */
jest.setTimeout(120_000);

const today = vnToday();
const UPGRADE = `mutation($i: ChangeOrgUnitLevelInput!) { upgradeOrgUnit(input: $i) { id kind kindLabel status effectiveOn summary decisionReference } }`;
const DOWNGRADE = `mutation($i: ChangeOrgUnitLevelInput!) { downgradeOrgUnit(input: $i) { id kind kindLabel status effectiveOn summary } }`;
const TREE = `query($r: ID, $d: Date) { orgUnitTree(rootId: $r, asOf: $d) { id name kind parentId } }`;
const HISTORY = `query($id: ID!) { orgUnitHistory(id: $id) { kind status decisionReference } }`;

describe('restructuring: a unit upgraded or downgraded from a day', () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };
  const on = (day: IsoDate) => new RestructuringService(api.db, { today: () => day } as unknown as CalendarService);
  const unitRow = async (id: string) => (await api.db.query(`SELECT kind, parent_id, path FROM org_unit WHERE id = $1`, [id]))[0];
  const changes = async () => (await api.db.query(`SELECT count(*)::int AS n FROM org_unit_change`))[0].n;
  const newUnit = async (name: string, kind: string, parentId: string) =>
    (await api.ok(`mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`, { i: { name, kind, parentId } }, admin.token)).createOrgUnit
      .id as string;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  it('upgrades a CĐCS to a cấp trên cơ sở under the federation from today; the tree of yesterday keeps its old level and parent', async () => {
    const corp = await newUnit(`Công đoàn cơ sở Tổng công ty May ${p.tag}`, 'GRASSROOTS', p.unitId);
    const r = await api.ok(
      UPGRADE,
      { i: { id: corp, newParentId: p.federationId, effectiveOn: today, decisionReference: 'Quyết định số 30/QĐ-LĐLĐ' } },
      admin.token,
    );
    expect(r.upgradeOrgUnit).toMatchObject({ kind: 'UPGRADE', kindLabel: 'Nâng cấp', status: 'APPLIED', effectiveOn: today });
    expect(r.upgradeOrgUnit.summary).toContain('thành công đoàn cấp trên trực tiếp cơ sở');
    expect(await unitRow(corp)).toMatchObject({ kind: 'UPPER_LEVEL', parent_id: p.federationId });
    const yesterday = (await api.ok(TREE, { r: p.federationId, d: addDays(today, -1) }, admin.token)).orgUnitTree.find((u: { id: string }) => u.id === corp);
    expect(yesterday).toMatchObject({ kind: 'GRASSROOTS', parentId: p.unitId });
    const now = (await api.ok(TREE, { r: p.federationId, d: today }, admin.token)).orgUnitTree.find((u: { id: string }) => u.id === corp);
    expect(now).toMatchObject({ kind: 'UPPER_LEVEL', parentId: p.federationId });
    // A member company's CĐCS can now be moved under it (CĐCS thành viên).
    const member = await newUnit(`Công đoàn cơ sở Công ty May 1 ${p.tag}`, 'GRASSROOTS', p.unitId);
    await api.ok(
      `mutation($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { status } }`,
      { i: { id: member, newParentId: corp, effectiveOn: today, decisionReference: 'QĐ 31' } },
      admin.token,
    );
    expect((await unitRow(member)).parent_id).toBe(corp);
    const h = await api.ok(HISTORY, { id: corp }, admin.token);
    expect(h.orgUnitHistory.map((c: { kind: string }) => c.kind).sort()).toEqual(['MOVE', 'UPGRADE']);
  });

  it('keeps a CĐCS upgraded today in the per-CĐCS figures of yesterday (its level and name of that day), not in today’s', async () => {
    const corp = await newUnit(`Công đoàn cơ sở Tổng công ty Xi măng ${p.tag}`, 'GRASSROOTS', p.unitId);
    await api.ok(UPGRADE, { i: { id: corp, newParentId: p.federationId, effectiveOn: today, decisionReference: 'Quyết định số 32/QĐ-LĐLĐ' } }, admin.token);
    await api.ok(
      `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { status } }`,
      { i: { id: corp, name: `Công đoàn Tổng công ty Xi măng ${p.tag}`, effectiveOn: today, decisionReference: 'QĐ 33' } },
      admin.token,
    );
    const figures = api.app.get(FiguresService);
    const fed = (await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [p.federationId]))[0];
    const yesterday = addDays(today, -1);
    const before = await figures.byGrassroots(api.db, fed, { start: yesterday, end: yesterday });
    expect(before.find((g) => g.unitId === corp)).toMatchObject({ name: `Công đoàn cơ sở Tổng công ty Xi măng ${p.tag}` });
    const now = await figures.byGrassroots(api.db, fed, { start: today, end: today });
    expect(now.map((g) => g.unitId)).not.toContain(corp);
  });

  it('refuses what has no level to go to, a CĐCS with members, a unit downgraded to a CĐCS that holds units, a parent that may not hold the level, and changes nothing', async () => {
    const school = await newCdcs(api, p, 'Trường THCS');
    await admitNewStaff(api, school, 1, today);
    const before = { school: await unitRow(school.id), unit: await unitRow(p.unitId), fed: await unitRow(p.federationId), changes: await changes() };
    const common = { effectiveOn: today, decisionReference: 'QĐ 40' };
    const refusals: [string, Record<string, unknown>, string, string][] = [
      [UPGRADE, { id: school.id }, 'id', '1 đoàn viên, 1 tài khoản CĐCS: hãy chuyển đi trước khi nâng cấp'],
      [DOWNGRADE, { id: school.id }, 'id', 'không hạ cấp được'],
      [DOWNGRADE, { id: p.unitId }, 'id', 'đơn vị trực thuộc'],
      [UPGRADE, { id: p.federationId }, 'id', 'không nâng cấp được'],
      [UPGRADE, { id: p.unitId, newParentId: p.unitId }, 'newParentId', 'vào chính nó'],
    ];
    for (const [query, input, field, words] of refusals) {
      const r = await api.gql(query, { i: { ...input, ...common } }, admin.token);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toContain(field);
      expect(errorOf(r).messages[field]).toContain(words);
    }
    expect({ school: await unitRow(school.id), unit: await unitRow(p.unitId), fed: await unitRow(p.federationId), changes: await changes() }).toEqual(before);
    const officer = await api.gql(UPGRADE, { i: { id: p.unitId, ...common } }, p.supervisor.token);
    expect(codeOf(officer)).toBe('FORBIDDEN');
  });

  it('schedules a downgrade for a later day, cancellable, and the worker applies it once even with two workers', async () => {
    const commune = await newUnit(`Công đoàn xã Vũ Hội ${p.tag}`, 'UPPER_LEVEL', p.federationId);
    const later = addDays(today, 3);
    const s = await api.ok(
      DOWNGRADE,
      { i: { id: commune, newParentId: p.unitId, effectiveOn: later, decisionReference: 'Quyết định số 50/QĐ-LĐLĐ' } },
      admin.token,
    );
    expect(s.downgradeOrgUnit).toMatchObject({ kind: 'DOWNGRADE', status: 'SCHEDULED', effectiveOn: later });
    expect(await unitRow(commune)).toMatchObject({ kind: 'UPPER_LEVEL', parent_id: p.federationId });
    const early = await on(addDays(today, 2)).applyDue(addDays(today, 2));
    expect(early.applied).toBe(0);
    const [x, y] = await Promise.all([on(later).applyDue(later), on(later).applyDue(later)]);
    expect(x.applied + y.applied).toBe(1);
    expect(await unitRow(commune)).toMatchObject({ kind: 'GRASSROOTS', parent_id: p.unitId });
    const [row] = await api.db.query(`SELECT status FROM org_unit_change WHERE id = $1`, [s.downgradeOrgUnit.id]);
    expect(row.status).toBe('APPLIED');
    expect((await on(later).applyDue(later)).applied).toBe(0);
    const tree = async (d: IsoDate) => (await api.ok(TREE, { r: p.federationId, d }, admin.token)).orgUnitTree.find((u: { id: string }) => u.id === commune);
    expect(await tree(today)).toMatchObject({ kind: 'UPPER_LEVEL', parentId: p.federationId });
    expect(await tree(later)).toMatchObject({ kind: 'GRASSROOTS', parentId: p.unitId });

    const again = await api.ok(UPGRADE, { i: { id: commune, effectiveOn: addDays(later, 1), decisionReference: 'QĐ 51' } }, admin.token);
    await api.ok(`mutation($id: ID!) { cancelOrgUnitChange(id: $id) { status } }`, { id: again.upgradeOrgUnit.id }, admin.token);
    expect((await on(addDays(later, 1)).applyDue(addDays(later, 1))).applied).toBe(0);
    expect((await unitRow(commune)).kind).toBe('GRASSROOTS');
  });
});
