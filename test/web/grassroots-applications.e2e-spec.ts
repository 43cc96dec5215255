import { Page } from 'playwright-core';
import { M, addDays, applicant, openCase, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';
import { TestWorker } from '../support/test-worker';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * A CĐCS's applications and admission decisions in a real browser, against the real API and worker
 * (docs/architecture.md#grassroots-unions): the chair sees the pending applications, takes a new one (an ineligible
 * applicant refused with the reason), refuses one with its reason, admits two by one decision (numbered by the
 * register, its document built), reopens the page and finds the decision with its people and its PDF; a supervisor
 * refuses a founding case's application on the case page. Screenshots 92–94 at 1366 and 390 px (UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

describe('grassroots applications and admission decisions (browser)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let c: Cdcs;
  let s: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
    c = await newCdcs(api, p, 'Công ty Điện Tử Hưng Hà');
    for (const [fullName, d] of [
      ['Đặng Thị Hoa', 6],
      ['Phan Văn Tú', 2],
    ] as const) {
      await api.ok(
        M.apply,
        { i: applicant({ grassrootsUnionId: c.id }, { fullName, position: 'Công nhân lắp ráp', submittedOn: addDays(vnToday(), -d) }) },
        c.chair.token,
      );
    }
    s = await BrowserSession.open(api.url, { acceptDownloads: true, loginWaitsForUser: true, toleratedStatuses: [...REFUSED_STATUSES] });
    page = s.page;
  });
  afterAll(async () => {
    await s?.close();
    await worker?.close();
    await api?.close();
  });

  const rows = () => page.getByTestId('applications-table').getByTestId('application-row');
  const row = (name: string) => page.getByTestId('applications-table').locator('[data-testid="application-row"]', { hasText: name });

  it('lets the chair take, refuse and admit applications by one decision, and find the decision and its document again', async () => {
    await s.login(c.chair.email);
    const panel = page.getByTestId('applications-panel');
    await row('Phan Văn Tú').waitFor();
    expect(await rows().count()).toBe(2);
    // Oldest first, with its submitted day.
    expect(await rows().first().textContent()).toContain('Đặng Thị Hoa');
    expect(await rows().first().textContent()).toContain(vnDay(addDays(vnToday(), -6)));

    // A new application: serving a sentence is refused with the reason, nothing stored; then taken.
    await panel.getByTestId('application-add').locator('summary').click();
    await page.getByTestId('application-name').fill('Lò Thị Mỷ');
    await page.getByTestId('application-birth-year').fill('1998');
    await page.getByTestId('form-application').getByLabel('Vị trí công việc').fill('Kiểm tra chất lượng');
    await page.getByTestId('form-application').getByLabel('Đang chấp hành án phạt tù').check();
    await page.getByTestId('form-application-submit').click();
    const refusal = page.getByTestId('form-application').getByTestId('error-summary');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('không đủ điều kiện gia nhập công đoàn');
    expect(await rows().count()).toBe(2);
    await page.getByTestId('form-application').getByLabel('Đang chấp hành án phạt tù').uncheck();
    await page.getByTestId('form-application-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã nhận đơn của Lò Thị Mỷ' }).first().waitFor();
    await row('Lò Thị Mỷ').waitFor();
    await panel.getByTestId('application-add').locator('summary').click();
    await s.shot('92-grassroots-applications', page.getByTestId('applications-pager'));

    // Refused with a reason (asked for first).
    await row('Phan Văn Tú').getByTestId('application-reject').click();
    await page.getByTestId('reject-application-form-submit').click();
    await page.getByTestId('reject-reason-error').waitFor();
    await page.getByTestId('reject-reason').fill('Đã chuyển sang làm việc ở công ty khác');
    await page.getByTestId('reject-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã từ chối đơn của Phan Văn Tú' }).first().waitFor();
    await row('Phan Văn Tú').waitFor({ state: 'detached' });
    const [rejected] = await api.db.query(
      `SELECT status, rejection_reason FROM membership_application WHERE full_name = 'Phan Văn Tú' AND grassroots_union_id = $1`,
      [c.id],
    );
    expect(rejected).toEqual({ status: 'REJECTED', rejection_reason: 'Đã chuyển sang làm việc ở công ty khác' });

    // The two left, ticked and admitted by one decision: no number typed, the register gives it.
    for (const name of ['Đặng Thị Hoa', 'Lò Thị Mỷ']) await row(name).getByRole('checkbox').check();
    await page
      .getByTestId('admit-form')
      .getByRole('heading', { name: /2 đơn đã chọn/ })
      .waitFor();
    await page.getByTestId('admit-date').fill(vnDay(vnToday()));
    await page.getByTestId('admit-signer').fill('Nguyễn Văn Chủ Tịch');
    await page.getByTestId('admit-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã kết nạp 2 đoàn viên theo quyết định 1/QĐ-' }).first().waitFor();
    await panel.getByText('Không có đơn nào đang chờ xét.').waitFor();
    const members = await api.db.query(
      `SELECT m.full_name FROM member m JOIN membership_application a ON a.id = m.application_id WHERE m.grassroots_union_id = $1 AND m.left_on IS NULL ORDER BY 1`,
      [c.id],
    );
    expect(members.map((m: { full_name: string }) => m.full_name).sort()).toEqual(['Đặng Thị Hoa', 'Lò Thị Mỷ'].sort());

    // Reopened: the decision is in the list; opened, its people and its document.
    await page.reload();
    const decision = page.getByTestId('decisions-panel').getByTestId('decision-item').first();
    await decision.waitFor();
    const number = await decision.getAttribute('data-number');
    expect(number).toMatch(/^1\/QĐ-/);
    expect(await decision.textContent()).toContain('2 người được kết nạp');
    expect(await decision.textContent()).toContain('Nguyễn Văn Chủ Tịch');
    await decision.getByTestId('decision-toggle').click();
    expect(await decision.getByTestId('decision-people').locator('li').allTextContents()).toEqual(expect.arrayContaining(['Đặng Thị Hoa', 'Lò Thị Mỷ']));
    expect(await decision.getByTestId('decision-people').locator('li').count()).toBe(2);
    const doc = decision.locator(`[data-testid="document-item"][data-status="READY"][data-number="${number}"]`);
    await doc.waitFor({ timeout: 120_000 });
    const [pdf] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('download-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^quyet-dinh-ket-nap-doan-vien-.*\.pdf$/);
    await s.shot('93-grassroots-admission-decisions', decision);

    // The pending list of the upper level reads the same, without the chair's buttons.
    await s.logout();
    await s.login(p.supervisor.email);
    await page.goto(`${api.url}/cdcs/${c.id}`);
    await page.getByTestId('decisions-panel').getByTestId('decision-item').first().waitFor();
    expect(await page.getByTestId('application-add').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
    await s.logout();
  });

  it("lets a supervisor refuse a founding case's application on the case page, shown refused after", async () => {
    const ref = await openCase(api, p);
    for (const fullName of ['Hà Thị Lan', 'Mai Văn Sơn']) {
      await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }, { fullName }) }, p.supervisor.token);
    }
    await s.login(p.supervisor.email);
    await page.goto(`${api.url}/ho-so/${ref.caseId}`);
    const caseRow = (name: string) => page.locator('[data-testid="case-application-row"]', { hasText: name });
    await caseRow('Mai Văn Sơn').waitFor();
    await caseRow('Mai Văn Sơn').getByTestId('case-application-reject').click();
    await page.getByTestId('reject-reason').fill('Là giám đốc điều hành của doanh nghiệp');
    await page.getByTestId('reject-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã từ chối đơn của Mai Văn Sơn' }).first().waitFor();
    await caseRow('Mai Văn Sơn').and(page.locator('[data-status="REJECTED"]')).waitFor();
    expect(await caseRow('Mai Văn Sơn').getByTestId('case-application-status').textContent()).toBe('Từ chối — Là giám đốc điều hành của doanh nghiệp');
    expect(await caseRow('Mai Văn Sơn').getByTestId('case-application-reject').count()).toBe(0);
    expect(await caseRow('Hà Thị Lan').getByTestId('case-application-reject').count()).toBe(1);
    await s.shot('94-case-application-refused', page.getByTestId('applications'));
    expect(s.consoleErrors).toEqual([]);
  });
});
