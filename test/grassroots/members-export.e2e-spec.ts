import { STAFF_HEADINGS, STAFF_IMPORT, readTabular } from '@app/core';
import { addStaff, citizenIdFor, newCdcs } from '../support/grassroots';
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
