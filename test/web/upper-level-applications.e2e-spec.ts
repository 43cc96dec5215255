import { Page } from 'playwright-core';
import { M, addDays, applicant, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The applications an upper level decides, in a real browser against the real API (docs/architecture.md#grassroots-unions):
 * an officer finds the ones sent directly to its unit under "Đơn gia nhập", read only; the supervisor admits one (decision
 * number and day: the member is the upper-level union's own) and refuses another with its reason, then reads all of them;
 * on a CĐCS's page the supervisor admits one of the CĐCS's applications into its register. Screenshots 95–97 at 1366 and
 * 390 px (UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

describe('upper-level applications (browser)', () => {
  let api: TestApi;
  let p: Province;
  let c: Cdcs;
  let s: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(1);
    c = await newCdcs(api, p, 'Công ty Gốm Minh Long');
    for (const [fullName, d] of [
      ['Trịnh Văn Trực', 4],
      ['Lý Thị Xuân', 1],
    ] as const) {
      await api.ok(
        M.apply,
        { i: applicant({ grassrootsUnionId: p.unitId }, { fullName, position: 'Thợ hàn', submittedOn: addDays(vnToday(), -d) }) },
        p.officers[0].token,
      );
    }
    await api.ok(M.apply, { i: applicant({ grassrootsUnionId: c.id }, { fullName: 'Quách Thị Gốm', position: 'Thợ nặn' }) }, c.chair.token);
    s = await BrowserSession.open(api.url, { loginWaitsForUser: true, toleratedStatuses: [...REFUSED_STATUSES] });
    page = s.page;
  });
  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const table = () => page.getByTestId('upper-applications-table');
  const row = (name: string) => table().locator('[data-testid="application-row"]', { hasText: name });
  const memberOf = async (name: string) =>
    api.db.query(
      `SELECT m.grassroots_union_id, m.decision_number FROM member m JOIN membership_application a ON a.id = m.application_id WHERE a.full_name = $1`,
      [name],
    );

  it('shows an officer the applications sent to its unit read only; the supervisor admits one and refuses another', async () => {
    await s.login(p.officers[0].email);
    await page.getByTestId('nav-applications').click();
    await row('Lý Thị Xuân').waitFor();
    // Oldest first; the officer reads them and is told who decides.
    expect(await table().getByTestId('application-row').first().textContent()).toContain('Trịnh Văn Trực');
    expect(await table().getByTestId('application-row').count()).toBe(2);
    expect(await page.getByTestId('application-admit').count()).toBe(0);
    expect(await page.getByTestId('upper-applications-help').textContent()).toContain('Ban Thường vụ (hoặc quản trị) kết nạp hoặc từ chối đơn');
    // The CĐCS's application is the CĐCS's, not here.
    expect(await table().textContent()).not.toContain('Quách Thị Gốm');
    await s.logout();

    await s.login(p.supervisor.email);
    await page.getByTestId('nav-applications').click();
    await row('Trịnh Văn Trực').getByTestId('application-admit').click();
    const form = page.getByTestId('admit-application-form');
    expect(await form.textContent()).toContain('sổ đoàn viên của chính công đoàn cấp trên này');
    // The decision number is asked for first.
    await page.getByTestId('admit-application-form-submit').click();
    await page.getByTestId('admit-application-number-error').waitFor();
    await s.shot('95-upper-level-application-admit', form);
    await page.getByTestId('admit-application-number').fill('21/QĐ-CĐN');
    await page.getByTestId('admit-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã kết nạp Trịnh Văn Trực theo quyết định 21/QĐ-CĐN' }).first().waitFor();
    await row('Trịnh Văn Trực').waitFor({ state: 'detached' });
    expect(await memberOf('Trịnh Văn Trực')).toEqual([{ grassroots_union_id: p.unitId, decision_number: '21/QĐ-CĐN' }]);

    await row('Lý Thị Xuân').getByTestId('application-reject').click();
    await page.getByTestId('reject-reason').fill('Đang là thành viên ban giám đốc doanh nghiệp');
    await page.getByTestId('reject-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã từ chối đơn của Lý Thị Xuân' }).first().waitFor();
    await page.getByText('Không có đơn nào đang chờ xét.').waitFor();
    const [refused] = await api.db.query(`SELECT status, rejection_reason FROM membership_application WHERE full_name = 'Lý Thị Xuân'`);
    expect(refused).toEqual({ status: 'REJECTED', rejection_reason: 'Đang là thành viên ban giám đốc doanh nghiệp' });
    expect(await memberOf('Lý Thị Xuân')).toEqual([]);

    // Every status: both, each with its decision or reason, and no buttons.
    await page.getByLabel('Tình trạng đơn').selectOption({ label: 'Tất cả' });
    await row('Trịnh Văn Trực').and(page.locator('[data-status="ADMITTED"]')).waitFor();
    expect(await row('Trịnh Văn Trực').textContent()).toContain('QĐ 21/QĐ-CĐN');
    expect(await row('Lý Thị Xuân').textContent()).toContain('Đang là thành viên ban giám đốc doanh nghiệp');
    expect(await page.getByTestId('application-admit').count()).toBe(0);
    await s.shot('96-upper-level-applications-all', table());
    expect(s.consoleErrors).toEqual([]);
  });

  it("lets the supervisor admit a CĐCS's application on its page, into the CĐCS's register", async () => {
    await page.goto(`${api.url}/cdcs/${c.id}`);
    const apps = page.getByTestId('applications-table');
    const gom = apps.locator('[data-testid="application-row"]', { hasText: 'Quách Thị Gốm' });
    await gom.getByTestId('application-admit').click();
    expect(await page.getByTestId('admit-application-form').textContent()).toContain('sổ đoàn viên của CĐCS này');
    await page.getByTestId('admit-application-number').fill('05/QĐ-CĐN');
    await page.getByTestId('admit-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã kết nạp Quách Thị Gốm theo quyết định 05/QĐ-CĐN' }).first().waitFor();
    await gom.waitFor({ state: 'detached' });
    await page.getByTestId('members-table').locator('[data-testid="member-row"]', { hasText: 'Quách Thị Gốm' }).waitFor();
    expect(await memberOf('Quách Thị Gốm')).toEqual([{ grassroots_union_id: c.id, decision_number: '05/QĐ-CĐN' }]);
    await s.shot('97-cdcs-application-admitted-by-supervisor', page.getByTestId('applications-panel'));
    expect(s.consoleErrors).toEqual([]);
  });
});
