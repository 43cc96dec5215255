import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { createEnterprise, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

jest.setTimeout(120_000);

// The audit log's export (docs/architecture.md#audit-log): Vietnamese headings, one line per changed field.
describe('audit log export', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(async () => {
    await api?.close();
  });

  const call = (query: string, variables: Record<string, unknown>, token: string) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  const rowsOf = async (requestId: string) => api.db.query(`SELECT * FROM audit_log WHERE request_id = $1`, [requestId]);

  /** The export's lines (after the headings) as objects keyed by heading. */
  async function sheetLines(res: Response): Promise<Record<string, unknown>[]> {
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headings = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const lines: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) lines.push(Object.fromEntries(headings.map((h, i) => [h, row.getCell(i + 1).value ?? ''])));
    });
    return lines;
  }

  it('exports the filtered log as XLSX (one line per changed field), and audits the export', async () => {
    const id = await createEnterprise(api, p);
    await call(`mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`, { i: { id, address: 'Số 7 phố Lý Bôn' } }, p.supervisor.token);
    const requestId = randomUUID();
    const res = await fetch(`${api.url}/audit-log.xlsx?operation=updateEnterprise&entityId=${id}`, {
      headers: { authorization: `Bearer ${p.supervisor.token}`, 'x-request-id': requestId },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Nhật ký thay đổi');
    const headings = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual([
      'Số',
      'Thời điểm',
      'Người thực hiện',
      'Vai trò',
      'Địa chỉ IP',
      'Thao tác',
      'Kết quả',
      'Bảng',
      'Mã bản ghi',
      'Loại thay đổi',
      'Trường',
      'Giá trị cũ',
      'Giá trị mới',
      // The codes' Vietnamese names, after the columns of before (which keep their places).
      'Thao tác (diễn giải)',
      'Bảng (diễn giải)',
      'Trường (diễn giải)',
      'Giá trị cũ (diễn giải)',
      'Giá trị mới (diễn giải)',
    ]);
    const lines: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) lines.push(Object.fromEntries(headings.map((h, i) => [h as string, row.getCell(i + 1).value])));
    });
    const address = lines.find((l) => l['Bảng'] === 'enterprise' && l['Trường'] === 'address');
    expect(address).toMatchObject({
      'Người thực hiện': p.supervisor.email,
      'Thao tác': 'updateEnterprise',
      'Kết quả': 'Thành công',
      'Loại thay đổi': 'Sửa',
      'Giá trị mới': 'Số 7 phố Lý Bôn',
      'Thao tác (diễn giải)': 'Sửa thông tin doanh nghiệp',
      'Bảng (diễn giải)': 'Doanh nghiệp',
      'Trường (diễn giải)': 'Địa chỉ',
    });
    expect(lines.every((l) => l['Thao tác'] === 'updateEnterprise')).toBe(true);
    const [row] = await rowsOf(requestId);
    expect(row).toMatchObject({ operation: 'GET /audit-log.xlsx', actor_id: p.supervisor.id, outcome: 'OK' });
    const officer = await fetch(`${api.url}/audit-log.xlsx`, { headers: { authorization: `Bearer ${p.officers[0].token}` } });
    expect(officer.status).toBe(403);
  });

  it('writes each value as stored and as read: codes, days, instants, booleans, referenced rows; a created row field by field', async () => {
    const name = `Công ty CP Cơ khí ${p.tag} ${Math.random().toString(36).slice(2, 7)}`;
    const id = await createEnterprise(api, p, { name, ownership: 'PRIVATE', hasUnion: false });
    const today = vnToday();
    await api.ok(
      `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`,
      { i: { id, ownership: 'STATE', hasUnion: true, fundingType: 'NON_STATE', fundingTypeFrom: today } },
      p.supervisor.token,
    );
    const res = await fetch(`${api.url}/audit-log.xlsx?operation=updateEnterprise&entityId=${id}`, {
      headers: { authorization: `Bearer ${p.supervisor.token}` },
    });
    expect(res.status).toBe(200);
    const lines = await sheetLines(res);
    const line = (table: string, field: string) => lines.find((l) => l['Bảng'] === table && l['Trường'] === field);
    // A code: the stored value in its column, its Vietnamese name in the reading's.
    expect(line('enterprise', 'ownership')).toMatchObject({
      'Giá trị cũ': 'PRIVATE',
      'Giá trị mới': 'STATE',
      'Giá trị cũ (diễn giải)': 'Tư nhân',
      'Giá trị mới (diễn giải)': 'Nhà nước',
    });
    expect(line('enterprise', 'has_union')).toMatchObject({ 'Giá trị cũ': 'false', 'Giá trị cũ (diễn giải)': 'Không', 'Giá trị mới (diễn giải)': 'Có' });
    const dmy = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    expect(line('enterprise', 'funding_type_from')).toMatchObject({ 'Giá trị mới': today, 'Giá trị mới (diễn giải)': dmy });
    const updatedAt = line('enterprise', 'updated_at')!;
    expect(updatedAt['Giá trị mới']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(updatedAt['Giá trị mới (diễn giải)']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // The created funding-type row: every field on its own line, no old value, the enterprise by its name.
    const created = lines.filter((l) => l['Bảng'] === 'enterprise_funding_type');
    expect(created.length).toBeGreaterThan(3);
    expect(created.every((l) => l['Loại thay đổi'] === 'Thêm' && l['Giá trị cũ (diễn giải)'] === '')).toBe(true);
    expect(line('enterprise_funding_type', 'enterprise_id')).toMatchObject({ 'Giá trị mới': id, 'Giá trị mới (diễn giải)': name });
    expect(line('enterprise_funding_type', 'valid_from')).toMatchObject({ 'Giá trị mới (diễn giải)': dmy });
    expect(line('enterprise_funding_type', 'funding_type')!['Giá trị mới (diễn giải)']).not.toBe('NON_STATE');
  });
});
