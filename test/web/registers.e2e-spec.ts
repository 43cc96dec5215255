import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { Locator, Page } from 'playwright-core';
import { Province, TestApi, TestUser } from '../support/test-api';
import { addDays, vnToday } from '../support/case-fixtures';
import { TestWorker } from '../support/test-worker';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * The register pages in a real browser (Debian's Chromium via playwright-core) against the real API.
 * The admin's first day: a new unit in Tổ chức, an officer account in Tài khoản, the unit's enterprise
 * register imported from an XLSX built here (a wrong tax-code check digit refused in the dry run,
 * the file fixed and imported again, confirmed and applied by the worker), an enterprise's worker
 * count edited, the officer deactivated. Then an officer's forced password change after a reset.
 * Screenshots at 1366×800 and 390×844 as in dashboard.e2e-spec.ts (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADINGS = ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Địa chỉ', 'Huyện/Xã', 'Ngành', 'Loại hình', 'Đã có công đoàn'];

/** A valid 10-digit tax code: d10 = 10 − (31·d1+29·d2+23·d3+19·d4+17·d5+13·d6+7·d7+5·d8+3·d9) mod 11 (never 10). */
function validTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const digits = weights.map((_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const check = 10 - (digits.reduce((sum, d, i) => sum + weights[i] * d, 0) % 11);
    if (check < 10) return `${digits.join('')}${check}`;
  }
}

/** The same code with another check digit: refused ("sai chữ số kiểm tra"). */
const withWrongCheckDigit = (code: string): string => `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}`;

/** dd/mm/yyyy, as the date fields take it. */

async function registerXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Doanh nghiệp');
  ws.addRow(HEADINGS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('register pages (browser)', () => {
  let api: TestApi;
  let p: Province;
  let admin: TestUser;
  let s: BrowserSession;
  let page: Page;
  let unitId: string;

  let unitName: string;
  let officerEmail: string;
  const codes = { a: validTaxCode(), b: validTaxCode(), c: validTaxCode() };
  const names = { a: '', b: '', c: '' };

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    admin = await api.newAdmin();
    p = await api.newProvince(1);
    unitName = `Công đoàn Khu công nghiệp Tiền Hải ${p.tag}`;
    officerEmail = `canbo.${p.tag}@test.vn`;
    names.a = `Công ty TNHH Điện tử Ánh Dương ${p.tag}`;
    names.b = `Công ty CP Dược phẩm Hoà Bình ${p.tag}`;
    names.c = `Hợp tác xã Nông nghiệp Đông Xuân ${p.tag}`;

    s = await BrowserSession.open(api.url, { acceptDownloads: true, toleratedStatuses: [...REFUSED_STATUSES, 413], loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  // ---- helpers ------------------------------------------------------------------------------

  const nav = (testId: string) => page.getByTestId(testId).click();
  const status = (text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
  const importView = (state: string) => page.locator(`[data-testid="import-view"][data-status="${state}"]`);
  const accountRow = (email: string) => page.locator(`[data-testid="account-row"][data-email="${email}"]`);

  async function findAccount(email: string): Promise<Locator> {
    await nav('nav-accounts');
    await page.getByTestId('accounts-search').fill(email);
    const row = accountRow(email);
    await row.waitFor();
    return row;
  }

  /** Picks the import's unit and file, sends it, and waits for the dry run. */
  async function upload(file: Buffer, name: string): Promise<void> {
    const unit = page.getByTestId('import-unit');
    await unit.locator(`option[value="${unitId}"]`).waitFor({ state: 'attached' });
    // Only units that keep a register are offered, the one chosen at first among them (not the confederation).
    const offered: string[] = await unit.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    const kinds = await api.db.query(`SELECT DISTINCT kind FROM org_unit WHERE id = ANY($1::uuid[])`, [[...offered, await unit.inputValue()]]);
    expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(['FEDERATION', 'UPPER_LEVEL']);
    await unit.selectOption(unitId);
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer: file });
    await page.getByTestId('import-submit').click();
    await importView('VALIDATED').waitFor();
  }

  const count = async (key: string) => (await page.getByTestId(`import-count-${key}`).innerText()).trim();

  // ---- the admin's first day ----------------------------------------------------------------

  it('Tổ chức: the admin finds the province (typed without diacritics) and adds a unit below it', async () => {
    await s.login(admin.email);
    await nav('nav-org');
    await page.getByTestId('org-page').waitFor();
    await page.getByTestId('org-search').fill(`ldld tinh ${p.tag}`);
    const federation = page.locator(`[data-testid="org-node"][data-unit-id="${p.federationId}"]`);
    await federation.waitFor();
    expect(await page.getByTestId('org-matches').innerText()).toBe('1');
    expect(await federation.getByTestId('org-restructure').first().isEnabled()).toBe(true); // an ADMIN restructures (test/web/restructuring)

    await federation.getByTestId('org-add-child').first().click();
    const form = page.getByTestId('form-org-create');
    await form.getByTestId('org-create-name').fill(unitName);
    await form.getByTestId('org-create-kind').selectOption('UPPER_LEVEL');
    // A unit that existed long before the office entered it: its founding day, not today's.
    await form.getByTestId('org-create-established').fill('15/03/2010');
    await form.getByTestId('form-org-create-submit').click();
    await status(`Đã thêm đơn vị ${unitName}`);
    const unit = page.locator(`[data-testid="org-node"][data-unit-name="${unitName}"]`);
    await unit.waitFor();
    unitId = (await unit.getAttribute('data-unit-id'))!;
    expect(unitId).toBeTruthy();
    expect(await unit.getByTestId('org-established').first().innerText()).toBe('Thành lập 15/03/2010');
    const [row] = await api.db.query(`SELECT established_on FROM org_unit WHERE id = $1`, [unitId]);
    expect(row.established_on).toBe('2010-03-15');
    expect(await unit.getByTestId('org-figures').first().innerText()).toContain('Tài khoản: 0');
    await s.shot('20-org', unit);
  });

  it('Tài khoản: the admin creates an officer of the new unit', async () => {
    await nav('nav-accounts');
    await page.getByTestId('accounts-page').waitFor();
    await page.getByTestId('accounts-create').locator('summary').click();
    const form = page.getByTestId('form-account-create');
    await form.getByTestId('account-create-email').fill(officerEmail);
    await form.getByTestId('account-create-name').fill(`Nguyễn Thị Cán Bộ ${p.tag}`);
    await form.getByTestId('account-create-password').fill(`Tien-Hai-${p.tag}-2026`);
    await form.getByTestId('account-create-role').selectOption('OFFICER');
    await form.getByTestId('account-create-unit').locator(`option[value="${unitId}"]`).waitFor({ state: 'attached' });
    await form.getByTestId('account-create-unit').selectOption(unitId);
    await form.getByTestId('form-account-create-submit').click();
    await status(`Đã tạo tài khoản ${officerEmail}`);

    // Found again by a search without diacritics.
    await page.getByTestId('accounts-search').fill(`nguyen thi can bo ${p.tag}`);
    const row = accountRow(officerEmail);
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await row.innerText()).toContain(unitName);
    await s.shot('21-accounts', row);
  });

  it('Nhập sổ doanh nghiệp: the dry run refuses the wrong check digit; the fixed file is confirmed and applied', async () => {
    await nav('nav-register');
    await page.getByTestId('register-page').waitFor();
    await page.getByTestId('register-import-link').click();
    await page.getByTestId('import-page').waitFor();

    const rows = (bCode: string) => [
      [names.a, codes.a, 120, 'Lô B2, KCN Tiền Hải', 'Huyện Tiền Hải', 'Điện tử', 'Có vốn đầu tư nước ngoài', 'Không'],
      [names.b, bCode, 45, 'Số 12 Lý Bôn', 'Thành phố Thái Bình', 'Dược phẩm', 'Tư nhân', 'Không'],
      [names.c, codes.c, 30, 'Xã Đông Xuân', 'Huyện Đông Hưng', 'Nông nghiệp', 'Tập thể', 'Có'],
    ];
    await upload(await registerXlsx(rows(withWrongCheckDigit(codes.b))), `so-doanh-nghiep-${p.tag}.xlsx`);
    expect(await count('create')).toBe('2');
    expect(await count('refused')).toBe('1');
    const refused = page.locator('[data-testid="import-row"][data-action="REFUSED"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-row-number')).toBe('3');
    expect(await refused.innerText()).toContain('Mã số thuế');
    expect(await refused.innerText()).toContain('sai chữ số kiểm tra');
    await s.shot('22-import-dry-run', refused);

    // The refused rows as a file, with the token.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-refused-download').click()]);
    const saved = join(tmpdir(), `cdcs-refused-${p.tag}.xlsx`);
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');

    // This dry run is dropped; the file is fixed and sent again.
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await importView('CANCELLED').waitFor();
    await page.getByTestId('import-new').click();
    await upload(await registerXlsx(rows(codes.b)), `so-doanh-nghiep-${p.tag}-sua.xlsx`);
    expect(await count('create')).toBe('3');
    expect(await count('refused')).toBe('0');

    const worker = await TestWorker.start();
    try {
      await page.getByTestId('import-confirm').click();
      await importView('APPLIED').waitFor({ timeout: 90_000 });
    } finally {
      await worker.close();
    }
    expect(await page.getByTestId('import-applied').innerText()).toContain('3 doanh nghiệp thêm mới');
    expect(await page.locator(`[data-testid="import-list-item"][data-status="APPLIED"]`).count()).toBeGreaterThan(0);
    await s.shot('23-import-applied');
  });

  it('Sổ doanh nghiệp: found without diacritics and by tax code; exported with the filter', async () => {
    await nav('nav-register');
    await page.getByTestId('register-search').fill(`cong ty tnhh dien tu anh duong ${p.tag}`);
    const row = page.locator(`[data-testid="enterprise-row"][data-tax-code="${codes.a}"]`);
    await row.waitFor();
    // The list answers the search as typed: wait for the last answer (one enterprise) before counting.
    await page.getByTestId('register-pager-total').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('enterprise-row').count()).toBe(1);
    await page.getByTestId('register-search').fill(codes.c.slice(0, 8));
    await page.locator(`[data-testid="enterprise-row"][data-tax-code="${codes.c}"]`).waitFor();
    // The three of this story; those without a union: the first two (the third has one).
    await page.getByTestId('register-search').fill(p.tag);
    await page.getByTestId('register-pager-total').filter({ hasText: /^3$/ }).waitFor();
    await page.getByTestId('register-filter-union').selectOption('no');
    await page.getByTestId('register-pager-total').filter({ hasText: /^2$/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('hasUnion')).toBe('false');
    await s.shot('24-register', row);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = join(tmpdir(), `cdcs-register-${p.tag}.xlsx`);
    await download.saveAs(saved);
    const wb = new Workbook();
    await wb.xlsx.readFile(saved);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain(codes.a);
    expect(text).toContain(codes.b);
    expect(text).not.toContain(codes.c); // the export has the page's filter
  });

  it('Doanh nghiệp: the admin edits the worker count with its counting day; the history shows both figures', async () => {
    await page.getByTestId('register-filter-union').selectOption('');
    await page.getByTestId('register-search').fill(names.a);
    const row = page.locator(`[data-testid="enterprise-row"][data-tax-code="${codes.a}"]`);
    await row.getByTestId('enterprise-link').click();
    await page.locator('[data-testid="enterprise-page"][data-worker-count="120"]').waitFor();

    const counted = addDays(vnToday(), -3);
    const edit = page.getByTestId('form-enterprise-edit');
    await edit.getByTestId('enterprise-edit-workers').fill('135');
    await edit.getByTestId('enterprise-edit-counted-on').fill(vnDay(counted));
    await edit.getByTestId('form-enterprise-edit-submit').click();
    await page.locator('[data-testid="enterprise-page"][data-worker-count="135"]').waitFor();
    await status('Đã lưu thông tin doanh nghiệp.');

    const history = page.getByTestId('worker-history-row');
    expect(await history.first().getAttribute('data-source')).toBe('MANUAL');
    expect(await history.first().innerText()).toContain(vnDay(counted));
    expect(await history.first().innerText()).toContain('Nhập tay');
    const imported = page.locator('[data-testid="worker-history-row"][data-count="120"]');
    expect(await imported.innerText()).toContain('Nhập từ tệp');
    expect(await page.getByTestId('form-open-case').count()).toBe(1); // operating, no case yet
    await s.shot('25-enterprise', page.getByTestId('worker-history'));
  });

  it('Tài khoản: the admin deactivates the officer after confirming; it cannot log in any more', async () => {
    const row = await findAccount(officerEmail);
    await row.getByTestId('account-deactivate').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.innerText()).toContain('Chưa phân công');
    await page.getByTestId('confirm-ok').click();
    await page.locator(`[data-testid="account-row"][data-email="${officerEmail}"][data-active="false"]`).waitFor();
    expect(await row.getByTestId('account-reactivate').count()).toBe(1);
    const refused = await api.gql(`mutation($e:String!,$p:String!){ login(email:$e,password:$p){ accessToken } }`, {
      e: officerEmail,
      p: `Tien-Hai-${p.tag}-2026`,
    });
    expect(refused.errors?.length).toBeGreaterThan(0);

    await nav('nav-password');
    await page.getByTestId('password-page').waitFor();
    await s.shot('27-password');
  });

  // ---- an officer's forced password change ---------------------------------------------------

  it('after a reset the officer must change the temporary password before anything else', async () => {
    const officer = p.officers[0];
    const row = await findAccount(officer.email);
    await row.getByTestId('account-reset').click();
    await page.getByTestId('confirm-ok').click();
    const dialog = page.getByTestId('temp-password-dialog');
    await dialog.waitFor();
    const temporary = await page.getByTestId('temp-password').inputValue();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    expect(await dialog.innerText()).toContain('sẽ không hiển thị lại');
    await page.getByTestId('temp-password-copy').click();
    await s.shot('28-accounts-temp-password', dialog);
    await page.getByTestId('temp-password-close').click();
    await dialog.waitFor({ state: 'hidden' });
    await s.logout();

    // The temporary password logs in, straight to the password page, with no menu.
    await s.login(officer.email, temporary);
    const forced = page.locator('[data-testid="password-page"][data-forced="true"]');
    await forced.waitFor();
    expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
    expect(await page.getByTestId('nav-board').count()).toBe(0);
    await page.goto(`${api.url}/doanh-nghiep`);
    await forced.waitFor();
    expect(await page.getByTestId('register-page').count()).toBe(0);
    await s.shot('29-password-forced');

    // Too short: the API's message beside the field.
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill('ngan');
    await page.getByTestId('password-repeat').fill('ngan');
    await page.getByTestId('form-password-submit').click();
    await page.getByTestId('password-new-error').waitFor();
    expect(await page.getByTestId('password-new-error').innerText()).toContain('ít nhất 10 ký tự');
    await s.shot('29-password-forced-refused', page.getByTestId('password-new-error'));

    const fresh = `Moi-${p.tag}-Cdcs-2026`;
    await page.getByTestId('password-new').fill(fresh);
    await page.getByTestId('password-repeat').fill(fresh);
    await page.getByTestId('form-password-submit').click();
    await page.getByTestId('board').waitFor();
    expect(await page.getByTestId('nav-register').count()).toBe(1);
    expect(await page.getByTestId('nav-accounts').count()).toBe(0);
    expect(await page.getByTestId('nav-org').count()).toBe(0);

    // The new password works; the temporary one does not.
    await s.logout();
    await s.login(officer.email, fresh);
    const old = await api.gql(`mutation($e:String!,$p:String!){ login(email:$e,password:$p){ accessToken } }`, { e: officer.email, p: temporary });
    expect(old.errors?.length).toBeGreaterThan(0);
  });

  it('the pages raised no script errors', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
