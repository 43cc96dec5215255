import { Page } from 'playwright-core';
import { M, addDays, applicant, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The members an upper-level union admitted directly, in a real browser against the real API
 * (docs/architecture.md#grassroots-unions): on "Đơn gia nhập" the supervisor admits an application and finds the new
 * member under "Đoàn viên kết nạp trực tiếp" (search without diacritics), then moves it to the CĐCS just founded at its
 * enterprise; the list at 390 px (screenshot 98 with UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

describe('members admitted directly by an upper-level union (browser)', () => {
  let api: TestApi;
  let p: Province;
  let c: Cdcs;
  let s: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(1);
    c = await newCdcs(api, p, 'Công ty Cơ Khí Hòa Phát');
    await api.ok(
      M.apply,
      { i: applicant({ grassrootsUnionId: p.unitId }, { fullName: 'Đoàn Thị Trực Tiếp', position: 'Thợ tiện', submittedOn: addDays(vnToday(), -2) }) },
      p.officers[0].token,
    );
    s = await BrowserSession.open(api.url, { loginWaitsForUser: true, toleratedStatuses: [...REFUSED_STATUSES] });
    page = s.page;
  });
  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const members = () => page.getByTestId('direct-members-table');
  const member = (name: string) => members().locator('[data-testid="direct-member-row"]', { hasText: name });

  it('the supervisor admits an application, finds the new member in the list, then moves it to a CĐCS', async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-applications').click();
    await page.getByText('Không có đoàn viên nào.').waitFor();
    const app = page.getByTestId('upper-applications-table').locator('[data-testid="application-row"]', { hasText: 'Đoàn Thị Trực Tiếp' });
    await app.getByTestId('application-admit').click();
    await page.getByTestId('admit-application-number').fill('31/QĐ-CĐN');
    await page.getByTestId('admit-application-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã kết nạp Đoàn Thị Trực Tiếp theo quyết định 31/QĐ-CĐN' }).first().waitFor();

    // The new member, with its decision, under "Đoàn viên kết nạp trực tiếp"; found by a name typed without diacritics.
    await member('Đoàn Thị Trực Tiếp').waitFor();
    expect(await member('Đoàn Thị Trực Tiếp').textContent()).toContain('QĐ 31/QĐ-CĐN');
    expect(await member('Đoàn Thị Trực Tiếp').textContent()).toContain('Thợ tiện');
    await page.getByTestId('direct-members-search').fill('doan thi truc');
    await page.waitForTimeout(400);
    await member('Đoàn Thị Trực Tiếp').waitFor();
    await page.getByTestId('direct-members-search').fill('khong co ai');
    await page.getByText('Không có đoàn viên nào.').waitFor();
    await page.getByTestId('direct-members-search').fill('');
    await member('Đoàn Thị Trực Tiếp').waitFor();
    await s.shot('98-upper-level-direct-members', page.getByTestId('direct-members'));

    // The CĐCS founded at its enterprise takes it over: asked for first, then moved (not a new member).
    await member('Đoàn Thị Trực Tiếp').getByTestId('direct-member-move').click();
    await page.getByTestId('direct-transfer-form-submit').click();
    await page.getByTestId('direct-transfer-cdcs-error').waitFor();
    await page.getByTestId('direct-transfer-cdcs').selectOption({ value: c.id });
    await page.getByTestId('direct-transfer-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã chuyển Đoàn Thị Trực Tiếp về Công đoàn cơ sở Công ty Cơ Khí Hòa Phát' }).first().waitFor();
    await page.getByText('Không có đoàn viên nào.').waitFor();
    const rows = await api.db.query(
      `SELECT m.grassroots_union_id, m.left_reason, m.transferred_from_id IS NOT NULL AS moved FROM member m WHERE m.full_name = 'Đoàn Thị Trực Tiếp' ORDER BY m.transferred_from_id NULLS FIRST`,
    );
    expect(rows).toEqual([
      { grassroots_union_id: p.unitId, left_reason: 'TRANSFERRED', moved: false },
      { grassroots_union_id: c.id, left_reason: null, moved: true },
    ]);
    // Every status: the ended membership, with where it went.
    await page.getByLabel('Trạng thái').selectOption({ label: 'Tất cả' });
    await member('Đoàn Thị Trực Tiếp').and(page.locator('[data-status="LEFT"]')).waitFor();
    expect(await member('Đoàn Thị Trực Tiếp').textContent()).toContain('Chuyển đến Công đoàn cơ sở Công ty Cơ Khí Hòa Phát');
    expect(await page.getByTestId('direct-member-move').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });
});
