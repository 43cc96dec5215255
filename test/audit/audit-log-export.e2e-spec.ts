import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { createEnterprise } from '../support/case-fixtures';
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
});
