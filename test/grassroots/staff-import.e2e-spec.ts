import { STAFF_IMPORT, readTabular } from '@app/core';
import { G, citizenIdFor, newCdcs } from '../support/grassroots';
import { csvOf } from '../support/register-imports';
import { Province, TestApi } from '../support/test-api';

/** The staff-list import of a CĐCS: dry run, apply, idempotent by citizen id, refused rows (docs/architecture.md#grassroots-unions). */
jest.setTimeout(120_000);

const HEAD = ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Công việc', 'Loại hợp đồng lao động', 'Số điện thoại'];

async function post(
  api: TestApi,
  path: string,
  token: string,
  file: Buffer,
  fields: Record<string, string>,
): Promise<{ status: number; body: any; bytes: Buffer }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'danh-sach.csv');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: unknown = null;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    // a workbook
  }
  return { status: res.status, body, bytes };
}

describe('grassroots: staff-list import', () => {
  let api: TestApi;
  let p: Province;
  const staffCount = async (unitId: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM grassroots_staff WHERE grassroots_union_id = $1`, [unitId]))[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it('dry-runs, applies, and changes nothing the second time; updates by citizen id; refuses bad rows with reasons', async () => {
    const c = await newCdcs(api, p, 'Công ty In');
    const id1 = citizenIdFor('1990-05-17', 'FEMALE');
    const id2 = citizenIdFor('1985-01-02', 'MALE');
    const lostZero = citizenIdFor('1993-03-03', 'FEMALE').slice(1); // as Excel shows a number
    const rows = [
      HEAD,
      ['Nguyễn Thị Hoa', id1, '17/05/1990', 'Nữ', 'Công nhân in', 'Không xác định thời hạn', '0912345678'],
      ['Trần Văn Bình', id2, '02/01/1985', 'Nam', 'Thợ máy', 'Xác định thời hạn', ''],
      ['Lê Thị Mai', lostZero, '03/03/1993', 'Nữ', '', '', ''],
      ['Phạm Văn Sai', '034090012345', '01/01/1991', 'Nữ', '', '', ''],
      ['Trùng Số', id1, '17/05/1990', 'Nữ', '', '', ''],
      ['Thiếu Ngày', id2, '', 'Nam', '', '', ''],
    ];
    const file = csvOf(rows);
    const dry = await post(api, '/imports/staff', c.chair.token, file, { grassrootsUnionId: c.id });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, applied: false, totalRows: 6, toCreate: 3, toUpdate: 0, unchanged: 0, refused: 3 });
    expect(await staffCount(c.id)).toBe(0);
    const refused = dry.body.rows.filter((r: { action: string }) => r.action === 'REFUSED');
    expect(refused.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([5, 6, 7]);
    expect(refused[0].errors[0]).toMatchObject({ column: 'Số CCCD' });
    expect(refused[0].errors[0].message).toContain('không khớp giới tính nữ');
    expect(refused[1].errors[0].message).toContain('trùng với dòng 2');
    expect(dry.body.rows[2]).toMatchObject({ action: 'CREATE', citizenId: `0${lostZero}` });

    const applied = await post(api, '/imports/staff', c.chair.token, file, { grassrootsUnionId: c.id, apply: 'true' });
    expect(applied.body).toMatchObject({ applied: true, toCreate: 3, refused: 3 });
    expect(await staffCount(c.id)).toBe(3);
    const again = await post(api, '/imports/staff', c.chair.token, file, { grassrootsUnionId: c.id, apply: 'true' });
    expect(again.body).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, refused: 3 });
    expect(await staffCount(c.id)).toBe(3);

    // A corrected job for one person: UPDATE of that field only.
    const changed = csvOf([HEAD, ['Nguyễn Thị Hoa', id1, '17/05/1990', 'Nữ', 'Tổ trưởng in', '', '']]);
    const upd = await post(api, '/imports/staff', c.chair.token, changed, { grassrootsUnionId: c.id, apply: 'true' });
    expect(upd.body).toMatchObject({ toUpdate: 1 });
    expect(upd.body.rows[0].changedFields).toEqual(['job']);
    const list = (await api.ok(G.members, { g: c.id, f: { search: 'nguyen thi hoa' } }, c.chair.token)).members.nodes;
    expect(list).toHaveLength(1);
    const [row] = await api.db.query(`SELECT job, phone FROM grassroots_staff WHERE citizen_id = $1 AND grassroots_union_id = $2`, [id1, c.id]);
    expect(row).toEqual({ job: 'Tổ trưởng in', phone: '0912345678' });

    // The refused rows as a workbook, with their reasons, that reads back as the same kind of list.
    const wb = await post(api, '/imports/staff/refused.xlsx', c.chair.token, file, { grassrootsUnionId: c.id });
    expect(wb.status).toBe(200);
    const back = await readTabular(wb.bytes, STAFF_IMPORT);
    expect(back.ok && back.rows.map((r) => r.values.fullName)).toEqual(['Phạm Văn Sai', 'Trùng Số', 'Thiếu Ngày']);
  });

  it('keeps the import to the caller’s own CĐCS and to the roles that change a register', async () => {
    const mine = await newCdcs(api, p, 'Công ty Bao Bì');
    const other = await newCdcs(api, p, 'Công ty Giấy');
    const file = csvOf([HEAD, ['Ngô Văn Nam', citizenIdFor('1980-02-02', 'MALE'), '02/02/1980', 'Nam', '', '', '']]);
    expect((await post(api, '/imports/staff', mine.chair.token, file, { grassrootsUnionId: other.id, apply: 'true' })).status).toBe(404);
    expect((await post(api, '/imports/staff', p.supervisor.token, file, { grassrootsUnionId: mine.id, apply: 'true' })).status).toBe(403);
    expect(await staffCount(other.id)).toBe(0);
    expect(await staffCount(mine.id)).toBe(0);
    const notCsv = await post(api, '/imports/staff', mine.chair.token, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), { grassrootsUnionId: mine.id });
    expect(notCsv.status).toBe(400);
  });
});
