import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { addDays, createEnterprise, openCase, steps, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * Nhật ký thay đổi (docs/architecture.md#audit-log) in a real browser: a supervisor finds an officer's edit of an
 * enterprise by operation and actor, sees the field's old and new value, and exports the filtered log; values read
 * in Vietnamese (codes by their names, days dd/mm/yyyy) and a created row's fields open from a fold.
 * Screenshots 85 (the list), 86 (filtered) and 87 (values read in Vietnamese, a created row opened) at 1366 and
 * 390 px (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
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

  it('reads changed values in Vietnamese (a stage by its name, a day dd/mm/yyyy) and opens a created row field by field', async () => {
    const ref = await openCase(api, p);
    await steps.survey(api, p.officers[0].token, ref);
    await steps.advance(api, p.officers[0].token, ref);
    const page = s.page;
    await page.getByTestId('audit-filter-operation').fill('advanceFoundingCase');
    await page.getByTestId('audit-filter-actor').fill(p.officers[0].email);
    await page.getByTestId('audit-pager-total').filter({ hasText: /^1$/ }).waitFor();
    const row = page.getByTestId('audit-row');
    const change = (table: string) => row.locator('li', { has: page.locator(`strong [title="${table}"]`) });
    const field = (table: string, column: string) => change(table).locator('li', { has: page.getByTitle(column, { exact: true }) });

    // The case's stage: its Vietnamese name, the code only in the value's tooltip.
    const stage = field('founding_case', 'stage');
    expect(await stage.locator('del').innerText()).toBe('Khảo sát');
    expect(await stage.locator('ins').innerText()).toBe('Tuyên truyền vận động');
    expect(await stage.getByTestId('audit-value').last().getAttribute('title')).toBe('OUTREACH');
    expect(await change('founding_case').innerText()).not.toContain('OUTREACH');
    // The stage's due day: dd/mm/yyyy, stored as YYYY-MM-DD.
    const due = field('founding_case', 'stage_due_on').locator('ins');
    expect(await due.innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const stored = await due.getByTestId('audit-value').getAttribute('title');
    expect(stored).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await due.innerText()).toBe(vnDay(stored!));

    // The history row the advance created: folded, then every field with its label and reading.
    const created = change('case_transition').getByTestId('audit-row-fields');
    const toStage = created.locator('li', { has: page.getByTitle('to_stage', { exact: true }) });
    expect(await toStage.isVisible()).toBe(false);
    await created
      .locator('summary')
      .filter({ hasText: /^Xem các trường \(\d+\)$/ })
      .click();
    await toStage.waitFor();
    expect(await toStage.innerText()).toBe('Sang giai đoạn: Tuyên truyền vận động');
    expect(await created.innerText()).toContain('Chuyển giai đoạn');
    await s.shot('87-audit-log-values', row);
    expect(s.consoleErrors).toEqual([]);
  });
});
