import { codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

/**
 * One name, one live unit at each level of the tree (docs/architecture.md#restructuring): adding, correcting,
 * renaming from a day, founding, moving and splitting all refuse a name a live sibling has (case and spacing aside,
 * diacritics kept), and change nothing; a dissolved unit's name is free again, and another level may have it.
 */
jest.setTimeout(120_000);

const today = vnToday();
const CREATE = `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id name } }`;
const UPDATE = `mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id name } }`;
const RENAME = `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id status } }`;
const FOUND = `mutation($i: FoundOrgUnitInput!) { foundOrgUnit(input: $i) { id status } }`;
const MOVE = `mutation($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { id status } }`;
const SPLIT = `mutation($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { id status } }`;
const DISSOLVE = `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { id status } }`;
const decision = { effectiveOn: today, decisionReference: 'Quyết định số 140/QĐ-LĐLĐ' };

describe('unit names: one live unit of a name at each level', () => {
  let api: TestApi;
  let admin: { token: string };
  let p: Province;
  let units: () => Promise<number>;
  const add = (name: string, parentId = p.unitId, kind = 'GRASSROOTS') => api.gql(CREATE, { i: { name, kind, parentId } }, admin.token);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
    p = await api.newProvince(1);
    units = async () =>
      (await api.db.query(`SELECT count(*)::int AS n FROM org_unit WHERE path LIKE (SELECT path FROM org_unit WHERE id = $1) || '%'`, [p.federationId]))[0].n;
  });
  afterAll(() => api?.close());

  it('refuses adding a name a sibling has, in other case or spacing, on the name field; another level or other diacritics may have it', async () => {
    expect((await add('Công đoàn cơ sở Trường THCS Kỳ Bá')).errors).toBeUndefined();
    const before = await units();
    for (const same of ['Công đoàn cơ sở Trường THCS Kỳ Bá', 'công đoàn  cơ sở trường thcs kỳ bá ', 'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS KỲ BÁ']) {
      const r = await add(same);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(errorOf(r).fields).toEqual(['name']);
      expect(r.errors![0].message).toBe('Đã có đơn vị cùng tên ở cấp này (Công đoàn cơ sở Trường THCS Kỳ Bá)');
    }
    expect(await units()).toBe(before);
    expect((await add('Công đoàn cơ sở Trường THCS Kỳ Bà')).errors).toBeUndefined();
    expect((await add('Công đoàn cơ sở Trường THCS Kỳ Bá', p.federationId, 'UPPER_LEVEL')).errors).toBeUndefined();
  });

  it("refuses correcting or renaming from a day to a sibling's name; its own name in other case is a correction", async () => {
    const a = (await api.ok(CREATE, { i: { name: 'Công đoàn cơ sở Công ty May 10', kind: 'GRASSROOTS', parentId: p.unitId } }, admin.token)).createOrgUnit;
    const b = (await api.ok(CREATE, { i: { name: 'Công đoàn cơ sở Công ty May 9', kind: 'GRASSROOTS', parentId: p.unitId } }, admin.token)).createOrgUnit;
    const update = await api.gql(UPDATE, { i: { id: b.id, name: 'công đoàn cơ sở công ty may 10' } }, admin.token);
    expect(codeOf(update)).toBe('CONFLICT');
    expect(errorOf(update).fields).toEqual(['name']);
    const rename = await api.gql(RENAME, { i: { id: b.id, name: 'Công đoàn cơ sở Công ty May 10', ...decision } }, admin.token);
    expect(codeOf(rename)).toBe('BAD_USER_INPUT');
    expect(errorOf(rename).fields).toEqual(['name']);
    const [row] = await api.db.query(`SELECT name FROM org_unit WHERE id = $1`, [b.id]);
    expect(row.name).toBe('Công đoàn cơ sở Công ty May 9');
    expect((await api.ok(UPDATE, { i: { id: a.id, name: 'Công đoàn cơ sở Công ty MAY 10' } }, admin.token)).updateOrgUnit.name).toBe(
      'Công đoàn cơ sở Công ty MAY 10',
    );
  });

  it("refuses founding a sibling's name, moving a unit under a parent whose child has its name, and a split part named as a sibling", async () => {
    const found = await api.gql(FOUND, { i: { name: 'Công đoàn cơ sở Trường THCS Kỳ Bá', kind: 'GRASSROOTS', parentId: p.unitId, ...decision } }, admin.token);
    expect(codeOf(found)).toBe('BAD_USER_INPUT');
    expect(errorOf(found).fields).toEqual(['name']);

    const other = (await api.ok(CREATE, { i: { name: `Công đoàn ngành Giáo dục ${p.tag}`, kind: 'UPPER_LEVEL', parentId: p.federationId } }, admin.token))
      .createOrgUnit;
    const twin = (await api.ok(CREATE, { i: { name: 'Công đoàn cơ sở Trường THCS Kỳ Bá', kind: 'GRASSROOTS', parentId: other.id } }, admin.token))
      .createOrgUnit;
    const move = await api.gql(MOVE, { i: { id: twin.id, newParentId: p.unitId, ...decision } }, admin.token);
    expect(codeOf(move)).toBe('BAD_USER_INPUT');
    expect(move.errors![0].message).toContain('đã có đơn vị cùng tên');

    const split = await api.gql(
      SPLIT,
      { i: { id: other.id, parts: [{ name: `Công đoàn ngành Y tế ${p.tag}` }, { name: `Công đoàn ngành Văn hóa ${p.tag}` }], ...decision } },
      admin.token,
    );
    expect(codeOf(split)).toBe('BAD_USER_INPUT');
    expect(errorOf(split).fields).toEqual(['parts.0.name']);
    const [still] = await api.db.query(`SELECT parent_id, dissolved_at FROM org_unit WHERE id = $1`, [twin.id]);
    expect(still).toEqual({ parent_id: other.id, dissolved_at: null });
  });

  it("frees a dissolved unit's name", async () => {
    const gone = (await api.ok(CREATE, { i: { name: 'Công đoàn cơ sở Nhà máy Gạch', kind: 'GRASSROOTS', parentId: p.unitId } }, admin.token)).createOrgUnit;
    await api.ok(DISSOLVE, { i: { id: gone.id, ...decision } }, admin.token);
    expect((await add('Công đoàn cơ sở Nhà máy Gạch')).errors).toBeUndefined();
  });
});
