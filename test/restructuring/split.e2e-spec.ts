import { CalendarService, RestructuringService } from '@app/core';
import { IsoDate, addDays } from '@app/domain';
import { CaseRef, codeOf, errorOf, openCase, vnToday } from '../support/case-fixtures';
import { Cdcs, admitNewStaff, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/**
 * SPLIT (chia tách, docs/architecture.md#restructuring): a unit divided into new units on a day, each taking what its
 * part lists, the rest going to the first part and the unit dissolved; or (tách) a part taken off while the unit goes
 * on. Open cases keep their clocks; nothing is left on the dissolved unit; refusals name why and change nothing.
 */
jest.setTimeout(120_000);

const today = vnToday();
const SPLIT = `mutation($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { id kind kindLabel status effectiveOn summary unitIds foundedUnitIds } }`;
const TREE = `query($r: ID, $d: Date) { orgUnitTree(rootId: $r, asOf: $d) { id name parentId } }`;
const HISTORY = `query($id: ID!) { orgUnitHistory(id: $id) { kind status decisionReference } }`;
const CASE = `query($id: ID!) { foundingCase(id: $id) { id } }`;

describe('restructuring: a unit split from a day', () => {
  let api: TestApi;
  let admin: { token: string };
  const on = (day: IsoDate) => new RestructuringService(api.db, { today: () => day } as unknown as CalendarService);
  const row = async (sql: string, id: string) => (await api.db.query(sql, [id]))[0];
  const unitRow = (id: string) => row(`SELECT name, kind, parent_id, dissolved_at FROM org_unit WHERE id = $1`, id);
  const caseClock = (id: string) =>
    row(`SELECT org_unit_id, stage, version, stage_due_on, warning_on, critical_on, stage_entered_at, assignee_id FROM founding_case WHERE id = $1`, id);
  const snapshot = async () =>
    (
      await api.db.query(`SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM org_unit_change) AS changes,
                                 (SELECT count(*)::int FROM unit_reassignment) AS moves, (SELECT count(*)::int FROM org_unit WHERE dissolved_at IS NOT NULL) AS dissolved`)
    )[0];

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.newAdmin();
  });
  afterAll(() => api?.close());

  describe('chia tách: the unit divided in two, dissolved', () => {
    let p: Province;
    let a: Cdcs;
    let b: Cdcs;
    let c1: CaseRef;
    let c2: CaseRef;
    let before: Record<string, Record<string, unknown>>;
    let partA: string;
    let partB: string;
    const year = Number(today.slice(0, 4));

    beforeAll(async () => {
      p = await api.newProvince(2);
      a = await newCdcs(api, p, 'Bệnh viện Đa khoa');
      b = await newCdcs(api, p, 'Trường THPT');
      c1 = await openCase(api, p, { assignee: p.officers[0] });
      c2 = await openCase(api, p, { assignee: p.officers[1] });
      await api.db.query(`INSERT INTO target (year, org_unit_id, new_members, new_grassroots_unions, set_by) VALUES ($1, $2, 300, 4, $3)`, [
        year,
        p.unitId,
        p.supervisor.id,
      ]);
      before = { c1: await caseClock(c1.caseId), c2: await caseClock(c2.caseId) };
      const r = await api.ok(
        SPLIT,
        {
          i: {
            id: p.unitId,
            effectiveOn: today,
            decisionReference: 'Quyết định số 77/QĐ-LĐLĐ',
            parts: [
              { name: `Công đoàn khối bệnh viện ${p.tag}`, childIds: [a.id], enterpriseIds: [c1.enterpriseId], userIds: [p.officers[0].id] },
              { name: `Công đoàn ngành Giáo dục ${p.tag}`, childIds: [b.id], enterpriseIds: [c2.enterpriseId], userIds: [p.officers[1].id] },
            ],
          },
        },
        admin.token,
      );
      expect(r.splitOrgUnit).toMatchObject({ kind: 'SPLIT', kindLabel: 'Chia tách', status: 'APPLIED', effectiveOn: today });
      expect(r.splitOrgUnit.summary).toBe(`Chia tách Công đoàn ngành Y tế ${p.tag} thành Công đoàn khối bệnh viện ${p.tag}, Công đoàn ngành Giáo dục ${p.tag}`);
      [partA, partB] = r.splitOrgUnit.foundedUnitIds;
      expect(r.splitOrgUnit.unitIds).toEqual(expect.arrayContaining([p.unitId, p.federationId, a.id, b.id, partA, partB]));
      const [{ result }] = await api.db.query(`SELECT result FROM org_unit_change WHERE id = $1`, [r.splitOrgUnit.id]);
      expect(result).toMatchObject({ children: 2, enterprises: 2, openCases: 2, users: 3, targets: 1 });
    });

    it('founds the parts under the old parent with the old level, gives each what it lists, and dissolves the unit', async () => {
      expect(await unitRow(p.unitId)).toMatchObject({ dissolved_at: expect.any(Date) });
      expect(await unitRow(partA)).toMatchObject({
        name: `Công đoàn khối bệnh viện ${p.tag}`,
        kind: 'UPPER_LEVEL',
        parent_id: p.federationId,
        dissolved_at: null,
      });
      expect(await unitRow(partB)).toMatchObject({ kind: 'UPPER_LEVEL', parent_id: p.federationId });
      expect((await unitRow(a.id)).parent_id).toBe(partA);
      expect((await unitRow(b.id)).parent_id).toBe(partB);
      const unitOf = (table: string, id: string) => row(`SELECT org_unit_id FROM ${table} WHERE id = $1`, id).then((r) => r.org_unit_id);
      expect(await unitOf('enterprise', c1.enterpriseId)).toBe(partA);
      expect(await unitOf('enterprise', c2.enterpriseId)).toBe(partB);
      expect(await unitOf('app_user', p.officers[0].id)).toBe(partA);
      expect(await unitOf('app_user', p.officers[1].id)).toBe(partB);
      // Not listed by any part: to the first.
      expect(await unitOf('app_user', p.supervisor.id)).toBe(partA);
    });

    it('moves open cases with their enterprise, their stage, clocks and assignee unchanged', async () => {
      expect(await caseClock(c1.caseId)).toEqual({ ...before.c1, org_unit_id: partA });
      expect(await caseClock(c2.caseId)).toEqual({ ...before.c2, org_unit_id: partB });
    });

    it('leaves nothing on the dissolved unit: its year target goes to the first part, every move recorded', async () => {
      const [left] = await api.db.query(
        `SELECT (SELECT count(*)::int FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL) AS children,
                (SELECT count(*)::int FROM enterprise WHERE org_unit_id = $1) AS enterprises,
                (SELECT count(*)::int FROM founding_case WHERE org_unit_id = $1) AS cases,
                (SELECT count(*)::int FROM app_user WHERE org_unit_id = $1 AND active) AS users,
                (SELECT count(*)::int FROM target WHERE org_unit_id = $1 AND closed_by_change_id IS NULL) AS targets`,
        [p.unitId],
      );
      expect(left).toEqual({ children: 0, enterprises: 0, cases: 0, users: 0, targets: 0 });
      const [t] = await api.db.query(`SELECT new_members, new_grassroots_unions FROM target WHERE org_unit_id = $1 AND year = $2 AND officer_id IS NULL`, [
        partA,
        year,
      ]);
      expect(t).toEqual({ new_members: 300, new_grassroots_unions: 4 });
      const moves = await api.db.query(
        `SELECT subject, to_unit_id FROM unit_reassignment r JOIN org_unit_change c ON c.id = r.change_id WHERE c.kind = 'SPLIT' AND r.from_unit_id = $1 ORDER BY subject, to_unit_id`,
        [p.unitId],
      );
      const count = (subject: string, to: string) =>
        moves.filter((m: { subject: string; to_unit_id: string }) => m.subject === subject && m.to_unit_id === to).length;
      expect([count('ENTERPRISE', partA), count('ENTERPRISE', partB), count('CASE', partA), count('CASE', partB)]).toEqual([1, 1, 1, 1]);
      expect([count('USER', partA), count('USER', partB), count('TARGET', partA)]).toEqual([2, 1, 1]);
    });

    it('shows the tree as of yesterday with the old unit and as of today with the parts; both histories name the split', async () => {
      const tree = async (d: IsoDate) => (await api.ok(TREE, { r: p.federationId, d }, admin.token)).orgUnitTree as { id: string; parentId: string }[];
      const yesterday = await tree(addDays(today, -1));
      expect(yesterday.map((u) => u.id)).toEqual(expect.arrayContaining([p.unitId, a.id, b.id]));
      expect(yesterday.map((u) => u.id)).not.toContain(partA);
      expect(yesterday.find((u) => u.id === a.id)?.parentId).toBe(p.unitId);
      const now = await tree(today);
      expect(now.map((u) => u.id)).not.toContain(p.unitId);
      expect(now.find((u) => u.id === a.id)?.parentId).toBe(partA);
      expect(now.find((u) => u.id === b.id)?.parentId).toBe(partB);
      for (const id of [p.unitId, partA, partB, a.id]) {
        const h = await api.ok(HISTORY, { id }, admin.token);
        expect(h.orgUnitHistory).toContainEqual({ kind: 'SPLIT', status: 'APPLIED', decisionReference: 'Quyết định số 77/QĐ-LĐLĐ' });
      }
    });

    it('scope follows: the supervisor, now of the first part, sees its case and no longer the other part’s', async () => {
      const token = await api.login(p.supervisor.email);
      expect((await api.ok(CASE, { id: c1.caseId }, token)).foundingCase.id).toBe(c1.caseId);
      expect((await api.ok(CASE, { id: c2.caseId }, token)).foundingCase).toBeNull();
    });
  });

  it('tách: a part scheduled for a later day is taken off once, even with two workers, and the unit goes on with the rest', async () => {
    const p = await api.newProvince(1);
    const x = await newCdcs(api, p, 'Công ty Điện');
    const y = await newCdcs(api, p, 'Công ty Nước');
    const later = addDays(today, 2);
    const s = await api.ok(
      SPLIT,
      {
        i: {
          id: p.unitId,
          keepOriginal: true,
          effectiveOn: later,
          decisionReference: 'Quyết định số 78/QĐ-LĐLĐ',
          parts: [{ name: `Công đoàn Khu công nghiệp ${p.tag}`, childIds: [x.id], userIds: [p.officers[0].id] }],
        },
      },
      admin.token,
    );
    expect(s.splitOrgUnit).toMatchObject({
      status: 'SCHEDULED',
      summary: `Tách từ Công đoàn ngành Y tế ${p.tag} thành lập Công đoàn Khu công nghiệp ${p.tag}`,
    });
    expect((await unitRow(x.id)).parent_id).toBe(p.unitId);
    const [r1, r2] = await Promise.all([on(later).applyDue(later), on(later).applyDue(later)]);
    expect(r1.applied + r2.applied).toBeGreaterThanOrEqual(1);
    const [c] = await api.db.query(`SELECT status, result FROM org_unit_change WHERE id = $1`, [s.splitOrgUnit.id]);
    expect(c.status).toBe('APPLIED');
    const [part] = c.result.newUnitIds as string[];
    expect(await api.db.query(`SELECT count(*)::int AS n FROM org_unit WHERE name = $1`, [`Công đoàn Khu công nghiệp ${p.tag}`])).toEqual([{ n: 1 }]);
    expect((await unitRow(x.id)).parent_id).toBe(part);
    expect((await unitRow(y.id)).parent_id).toBe(p.unitId);
    expect((await unitRow(p.unitId)).dissolved_at).toBeNull();
    expect((await row(`SELECT org_unit_id FROM app_user WHERE id = $1`, p.officers[0].id)).org_unit_id).toBe(part);
    expect((await row(`SELECT org_unit_id FROM app_user WHERE id = $1`, p.supervisor.id)).org_unit_id).toBe(p.unitId);
    expect((await on(later).applyDue(later)).applied).toBe(0);
  });

  it('refuses a split that would not hold, naming why, and changes nothing', async () => {
    const p = await api.newProvince(1);
    const other = await api.newProvince(1);
    const child = await newCdcs(api, p, 'Công ty Giày');
    const foreign = await newCdcs(api, other, 'Công ty Dệt');
    const school = await newCdcs(api, p, 'Trường Tiểu học');
    await admitNewStaff(api, school, 1, today);
    const common = { effectiveOn: today, decisionReference: 'QĐ 79' };
    const part = (name: string, extra: Record<string, unknown> = {}) => ({ name: `${name} ${p.tag}`, ...extra });
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ id: p.unitId, parts: [part('Một')] }, 'parts', 'ít nhất hai đơn vị mới'],
      [{ id: p.unitId, parts: [part('Trùng'), part('Trùng')] }, 'parts', 'tên khác nhau'],
      [{ id: p.unitId, parts: [part('A', { childIds: [child.id] }), part('B', { childIds: [child.id] })] }, 'parts', 'chỉ được giao cho một'],
      [{ id: p.unitId, parts: [part('A', { childIds: [foreign.id] }), part('B')] }, 'parts.0.childIds', 'không trực thuộc'],
      [{ id: p.unitId, parts: [part('A', { parentId: child.id }), part('B')] }, 'parts.0.parentId', 'nằm trong'],
      [{ id: p.unitId, parts: [part('A', { kind: 'GRASSROOTS', childIds: [child.id] }), part('B')] }, 'parts.0.childIds', 'không nhận được'],
      [{ id: school.id, parts: [part('A'), part('B')] }, 'keepOriginal', '1 đoàn viên'],
      [{ id: p.unitId, parts: [part('A', { enterpriseIds: [(await openCase(api, other)).enterpriseId] }), part('B')] }, 'parts.0.enterpriseIds', 'không thuộc'],
    ];
    const before = await snapshot();
    for (const [input, field, words] of refusals) {
      const r = await api.gql(SPLIT, { i: { ...input, ...common } }, admin.token);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(errorOf(r).fields).toContain(field);
      expect(errorOf(r).messages[field]).toContain(words);
    }
    expect(await snapshot()).toEqual(before);
    expect((await unitRow(child.id)).parent_id).toBe(p.unitId);
    expect(codeOf(await api.gql(SPLIT, { i: { id: p.unitId, parts: [part('A'), part('B')], ...common } }, p.supervisor.token))).toBe('FORBIDDEN');
  });
});
