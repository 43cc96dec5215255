import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { addDays, createEnterprise, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * Nhật ký thay đổi (docs/architecture.md#audit-log) in a real browser: a supervisor finds an officer's edit of an
 * enterprise by operation and actor, sees the field's old and new value, and exports the filtered log.
 * Screenshots 85 (the list) and 86 (filtered) at 1366 and 390 px (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

describe('audit log page (browser)', () => {
  let api: TestApi;
  let p: Province;
  let s: BrowserSession;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(1);
    s = await BrowserSession.open(api.url, { acceptDownloads: true, toleratedStatuses: REFUSED_STATUSES, loginWaitsForUser: true });
  });
  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  it("lists, filters and exports a supervisor's subtree's changes", async () => {
    const id = await createEnterprise(api, p);
    await api.ok(
      `mutation($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id } }`,
      { i: { id, address: 'Số 12 phố Lê Quý Đôn, Thái Bình' } },
      p.officers[0].token,
    );
    const page = s.page;
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await s.shot('85-audit-log', page.getByTestId('audit-table'));

    await page.getByTestId('audit-filter-operation').fill('updateEnterprise');
    await page.getByTestId('audit-filter-actor').fill(p.officers[0].email);
    await page.getByTestId('audit-pager-total').filter({ hasText: /^1$/ }).waitFor();
    const row = page.getByTestId('audit-row');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-operation')).toBe('updateEnterprise');
    // The operation, table and field read in Vietnamese; the codes stay beside them (the operation) or in a tooltip.
    expect(await row.getByTestId('audit-operation').innerText()).toMatch(/^Sửa thông tin doanh nghiệp\s+updateEnterprise$/);
    const address = row.getByTestId('audit-field').filter({ hasText: /^Địa chỉ$/ });
    expect(await address.getAttribute('title')).toBe('address');
    expect(await row.getByTitle('enterprise', { exact: true }).first().innerText()).toBe('doanh nghiệp');
    expect(await row.innerText()).toContain('Số 12 phố Lê Quý Đôn, Thái Bình');
    // A changed instant reads in Vietnam's time and format, not as stored.
    expect(await row.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    await s.shot('86-audit-log-filtered', row);

    // The days are typed dd/mm/yyyy like every date field: from tomorrow, nothing; from today, the row again.
    await page.getByTestId('audit-filter-from').fill(vnDay(addDays(vnToday(), 1)));
    await page.getByText('Không có dòng nhật ký nào khớp bộ lọc.').waitFor();
    await page.getByTestId('audit-filter-from').fill(vnDay(vnToday()));
    await page.getByTestId('audit-pager-total').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('audit-filter-from').fill('');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toBe('nhat-ky-thay-doi.xlsx');
    const saved = join(tmpdir(), `cdcs-audit-${p.tag}.xlsx`);
    await download.saveAs(saved);
    const wb = new Workbook();
    await wb.xlsx.readFile(saved);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('Số 12 phố Lê Quý Đôn, Thái Bình');
    expect(text).toContain(p.officers[0].email);
    expect(text).toContain('Sửa thông tin doanh nghiệp');
    expect(s.consoleErrors).toEqual([]);
  });
});
