import { STAFF_HEADINGS, STAFF_IMPORT, StaffImportRow, importWorkbookBuffer, readTabular } from '@app/core';
import { G, addStaff, admitNewStaff, citizenIdFor, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';

/** The staff list exported as XLSX with the import's headings imports back unchanged (docs/architecture.md#grassroots-unions). */
jest.setTimeout(120_000);

async function get(api: TestApi, path: string, token: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

async function importFile(api: TestApi, token: string, file: Buffer, fields: Record<string, string>): Promise<any> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'danh-sach.xlsx');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${api.url}/imports/staff`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(200);
  return res.json();
}

describe('grassroots: staff-list export', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    other = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it('exports every person with the import headings, and the file imports back with zero changes', async () => {
    const c = await newCdcs(api, p, 'Công ty Dệt');
    await addStaff(api, c, 3);
    await addStaff(api, c, 1, {
      fullName: 'Đặng Thị Lụa',
      citizenId: citizenIdFor('1992-07-09', 'FEMALE'),
      birthDate: '1992-07-09',
      sex: 'FEMALE',
      job: 'Thợ dệt',
      phone: '0987654321',
    });
    const file = await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, c.chair.token);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const read = await readTabular(file.bytes, STAFF_IMPORT);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.rows).toHaveLength(4);
    expect(read.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(read.rows.find((r) => r.values.fullName === 'Đặng Thị Lụa')?.values).toMatchObject({ job: 'Thợ dệt', phone: '0987654321', sex: 'FEMALE' });
    expect(Object.keys(read.rows[0].raw)).toEqual(expect.arrayContaining(Object.keys(STAFF_HEADINGS)));

    const before = await api.db.query(`SELECT * FROM grassroots_staff WHERE grassroots_union_id = $1 ORDER BY id`, [c.id]);
    const back = await importFile(api, c.chair.token, file.bytes, { grassrootsUnionId: c.id, apply: 'true' });
    expect(back).toMatchObject({ ok: true, totalRows: 4, toCreate: 0, toUpdate: 0, unchanged: 4, refused: 0 });
    expect(await api.db.query(`SELECT * FROM grassroots_staff WHERE grassroots_union_id = $1 ORDER BY id`, [c.id])).toEqual(before);
  });

  it('imports back people without citizen id or birth date by their code, with the membership columns; a change updates just that row', async () => {
    const c = await newCdcs(api, p, 'Công ty Bia');
    const admitted = await admitNewStaff(api, c, 3, '2026-11-10', '07/QĐ-CĐCS');
    await api.ok(G.leave, { i: { memberId: admitted[2], leftOn: '2026-11-20', reason: 'LEFT_JOB' } }, c.chair.token);
    const group = `mutation($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id } }`;
    await api.ok(group, { i: { grassrootsUnionId: c.id, name: 'Tổ Lên men', leaderMemberId: admitted[0] } }, c.chair.token);
    // Founders recorded from their applications, as most of the demo's people: no citizen id, no birth date.
    const founders: { id: string }[] = await api.db.query(
      `INSERT INTO grassroots_staff (grassroots_union_id, full_name, birth_year, sex, job, contract_kind)
       SELECT $1, 'Sáng Lập ' || chr(64 + i), 1980 + i, CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, 'Công nhân', 'INDEFINITE'
         FROM generate_series(1, 4) i RETURNING id`,
      [c.id],
    );
    await api.db.query(
      `INSERT INTO member (grassroots_union_id, staff_id, full_name, birth_year, gender, admitted_on)
       SELECT s.grassroots_union_id, s.id, s.full_name, s.birth_year, CASE s.sex WHEN 'FEMALE' THEN 'Nữ' ELSE 'Nam' END, '2026-10-01'
         FROM grassroots_staff s WHERE s.id = ANY($1::uuid[])`,
      [founders.slice(0, 3).map((f) => f.id)],
    );
    const snapshot = async () => ({
      staff: await api.db.query(`SELECT * FROM grassroots_staff WHERE grassroots_union_id = $1 ORDER BY id`, [c.id]),
      members: await api.db.query(`SELECT * FROM member WHERE grassroots_union_id = $1 ORDER BY id`, [c.id]),
      groups: await api.db.query(`SELECT gm.* FROM union_group_member gm JOIN union_group g ON g.id = gm.union_group_id WHERE g.grassroots_union_id = $1`, [
        c.id,
      ]),
    });
    const before = await snapshot();

    const file = await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, c.chair.token);
    const read = await readTabular(file.bytes, STAFF_IMPORT);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const rows = read.rows.map((r) => r.values as StaffImportRow);
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.citizenId === null && r.birthDate === null)).toHaveLength(4);
    expect(rows.find((r) => r.staffCode === admitted[0])).toMatchObject({
      memberStatus: 'MEMBER',
      admittedOn: '2026-11-10',
      decisionNumber: '07/QĐ-CĐCS',
      leftOn: null,
      unionGroup: 'Tổ Lên men',
    });
    expect(rows.find((r) => r.staffCode === admitted[2])).toMatchObject({ memberStatus: 'LEFT', leftOn: '2026-11-20', leftReason: 'LEFT_JOB' });
    expect(rows.find((r) => r.staffCode === founders[3].id)).toMatchObject({ memberStatus: 'NOT_MEMBER', admittedOn: null });

    const dry = await importFile(api, c.chair.token, file.bytes, { grassrootsUnionId: c.id });
    expect(dry).toMatchObject({ ok: true, applied: false, totalRows: 7, toCreate: 0, toUpdate: 0, unchanged: 7, refused: 0 });
    for (let i = 0; i < 2; i++) {
      const applied = await importFile(api, c.chair.token, file.bytes, { grassrootsUnionId: c.id, apply: 'true' });
      expect(applied).toMatchObject({ applied: true, toCreate: 0, toUpdate: 0, unchanged: 7, refused: 0 });
      expect(await snapshot()).toEqual(before);
    }

    // One founder's job corrected, another given a citizen id and birth date: those rows change, nothing else.
    const withId = citizenIdFor('1982-03-04', 'FEMALE');
    const edited = rows.map((r) =>
      r.staffCode === founders[0].id ? { ...r, job: 'Tổ trưởng' } : r.staffCode === founders[1].id ? { ...r, citizenId: withId, birthDate: '1982-03-04' } : r,
    );
    const changed = await importFile(api, c.chair.token, await importWorkbookBuffer(STAFF_IMPORT, edited), { grassrootsUnionId: c.id, apply: 'true' });
    expect(changed).toMatchObject({ toCreate: 0, toUpdate: 2, unchanged: 5, refused: 0 });
    const updates = changed.rows.filter((r: { action: string }) => r.action === 'UPDATE');
    expect(updates.map((r: { staffId: string; changedFields: string[] }) => [r.staffId, r.changedFields])).toEqual(
      expect.arrayContaining([
        [founders[0].id, ['job']],
        [founders[1].id, ['citizenId', 'birthDate']],
      ]),
    );
    const after = await snapshot();
    const differs = (a: { id: string }[], b: { id: string }[]) => a.filter((x, i) => JSON.stringify(x) !== JSON.stringify(b[i])).map((x) => x.id);
    expect(differs(after.staff, before.staff).sort()).toEqual([founders[0].id, founders[1].id].sort());
    expect(after.staff.find((s: { id: string }) => s.id === founders[1].id)).toMatchObject({ citizen_id: withId, birth_year: 1982 });
    // The open membership carries the person's new citizen id (one active membership per citizen id nationwide).
    expect(after.members.find((m: { staff_id: string }) => m.staff_id === founders[1].id)).toMatchObject({ personal_id: withId });
    expect(after.members.length).toBe(before.members.length);

    // Membership columns are compared, never written: a different status refuses its row and writes nothing.
    const claimed = edited.map((r) => (r.staffCode === founders[3].id ? { ...r, memberStatus: 'MEMBER' as never, admittedOn: '2026-11-01' } : r));
    const refused = await importFile(api, c.chair.token, await importWorkbookBuffer(STAFF_IMPORT, claimed), { grassrootsUnionId: c.id, apply: 'true' });
    expect(refused).toMatchObject({ toUpdate: 0, unchanged: 6, refused: 1 });
    const reasons = refused.rows.find((r: { action: string }) => r.action === 'REFUSED').errors;
    expect(reasons.map((e: { column: string }) => e.column)).toEqual([STAFF_HEADINGS.memberStatus, STAFF_HEADINGS.admittedOn]);
    expect(reasons[0].message).toContain('sổ đoàn viên ghi “Chưa là đoàn viên”');

    // Without its code a person without a citizen id is refused, never added twice; a code of another CĐCS is refused.
    const other = await newCdcs(api, p, 'Công ty Malt');
    const [stranger] = await addStaff(api, other, 1);
    const orphan = edited.map((r) =>
      r.staffCode === founders[2].id ? { ...r, staffCode: null } : r.staffCode === founders[3].id ? { ...r, staffCode: stranger } : r,
    );
    const orphaned = await importFile(api, c.chair.token, await importWorkbookBuffer(STAFF_IMPORT, orphan), { grassrootsUnionId: c.id, apply: 'true' });
    expect(orphaned).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 5, refused: 2 });
    const why = orphaned.rows.filter((r: { action: string }) => r.action === 'REFUSED').map((r: { errors: { column: string }[] }) => r.errors[0].column);
    expect(why.sort()).toEqual([STAFF_HEADINGS.citizenId, STAFF_HEADINGS.staffCode].sort());
    expect(await snapshot()).toEqual(after);
  });

  it('is read as `members` is: the upper level reads, another CĐCS or province answers 404', async () => {
    const c = await newCdcs(api, p, 'Công ty Gốm');
    const d = await newCdcs(api, p, 'Công ty Sứ');
    await addStaff(api, c, 2);
    expect((await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, p.supervisor.token)).status).toBe(200);
    expect((await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, p.officers[0].token)).status).toBe(200);
    expect((await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, d.chair.token)).status).toBe(404);
    expect((await get(api, `/registers/members.xlsx?grassrootsUnionId=${c.id}`, other.supervisor.token)).status).toBe(404);
    expect((await get(api, `/registers/members.xlsx?grassrootsUnionId=nope`, c.chair.token)).status).toBe(404);
    expect((await fetch(`${api.url}/registers/members.xlsx?grassrootsUnionId=${c.id}`)).status).toBe(401);
  });
});
