import { Page } from 'playwright-core';
import { createEnterprise, vnToday, walkToStage } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession, REFUSED_STATUSES } from './support/browser-session';
import { admitTicked, checkStaffList, StaffPerson, staffListRows } from './support/staff-list';
import { ensureWebBuild } from './support/web-build';

/**
 * A CĐCS's chair imports its staff list (dry run, then apply), admits five people by one decision and records one
 * leaving; the upper level's supervisor opens the CĐCS's page (read only) and records its employer. Screenshots
 * 52-grassroots-import, 53-grassroots-member, 54-grassroots-union and 84-union-employer at 1366 and 390 px
 * (UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

const PEOPLE: StaffPerson[] = [
  ['Bùi Thị Hạnh', '1991-03-14', 'FEMALE'],
  ['Đỗ Văn Khoa', '1988-11-02', 'MALE'],
  ['Lê Văn Cường', '1993-06-21', 'MALE'],
  ['Ngô Thị Lan', '1996-01-30', 'FEMALE'],
  ['Phan Thị Yến', '1990-09-09', 'FEMALE'],
];

describe('grassroots staff-list import and the upper level’s CĐCS page (browser)', () => {
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
    s = await BrowserSession.open(api.url, { toleratedStatuses: [...REFUSED_STATUSES, 413] });
    page = s.page;
  });
  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  /** `at`: the element scrolled to the top of the view first (the page's top otherwise). */
  const shot = (name: string, at?: string): Promise<void> =>
    s.shot(name, async () => {
      if (at) await page.getByTestId(at).evaluate('(e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 90)');
      else await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForTimeout(100);
    });

  it('imports, admits five by one decision, records a leaving; the supervisor reads the CĐCS’s page', async () => {
    await s.login(c.chair.email);
    await page.getByTestId('members-page').waitFor();
    await page.getByTestId('nav-staff-import').click();
    await page.getByTestId('staff-import-page').waitFor();
    const rows = [...staffListRows(PEOPLE, 'Thợ cơ khí'), ['Trịnh Văn Sai', '034090012345', '01/01/1991', 'Nữ', '', '', '']];
    await checkStaffList(page, rows);
    expect(await page.locator('[data-testid="staff-import-row"][data-action="CREATE"]').count()).toBe(5);
    const refused = page.locator('[data-testid="staff-import-row"][data-action="REFUSED"]');
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain('không khớp');
    const [before] = await api.db.query(`SELECT count(*)::int AS n FROM grassroots_staff WHERE grassroots_union_id = $1`, [c.id]);
    expect(before.n).toBe(0);
    await shot('52-grassroots-import', 'staff-import-result');
    await page.getByTestId('staff-import-apply').click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập: thêm 5' }).first().waitFor();
    const [after] = await api.db.query(`SELECT count(*)::int AS n FROM grassroots_staff WHERE grassroots_union_id = $1`, [c.id]);
    expect(after.n).toBe(5);

    await page.getByTestId('nav-members').click();
    await page.getByTestId('member-row').nth(4).waitFor();
    const boxes = page.getByTestId('members-table').getByRole('checkbox');
    for (let i = 0; i < 5; i++) await boxes.nth(i).check();
    await admitTicked(page, { number: '12/QĐ-CĐCS', day: vnToday(), signer: 'Trần Văn Chủ Tịch' }, 5);
    await page.getByTestId('members-table').getByRole('checkbox').first().waitFor({ state: 'detached' });

    await page.locator('[data-testid="member-row"]', { hasText: 'Lê Văn Cường' }).getByTestId('member-open').click();
    await page.getByTestId('member-history').waitFor();
    // Only the reasons the API takes here: not a transfer (the receiving CĐCS's) nor a dissolution (restructuring's).
    const reason = page.getByTestId('leave-reason');
    expect(await reason.locator('option').allTextContents()).not.toContain('CĐCS giải thể theo chủ trương');
    expect(await reason.locator('option[value="DISSOLVED"], option[value="TRANSFERRED"]').count()).toBe(0);
    await page.getByTestId('leave-reason').selectOption('WITHDREW');
    await page.getByTestId('leave-note').fill('Đơn xin ra ngày hôm nay');
    await page.getByTestId('leave-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận Lê Văn Cường ra khỏi tổ chức' }).first().waitFor();
    await page.getByTestId('member-history').filter({ hasText: 'Xin ra' }).waitFor();
    const left = await api.db.query(`SELECT left_reason, left_note FROM member WHERE grassroots_union_id = $1 AND left_on IS NOT NULL`, [c.id]);
    expect(left).toEqual([{ left_reason: 'WITHDREW', left_note: 'Đơn xin ra ngày hôm nay' }]);
    await shot('53-grassroots-member', 'member-panel');
    // A correction of the person (updateStaff) from the same panel.
    await page.getByTestId('staff-edit').locator('summary').click();
    await page.getByTestId('staff-edit-form').getByLabel('Công việc').fill('Tổ trưởng cơ khí');
    await page.getByTestId('staff-edit-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin Lê Văn Cường' }).first().waitFor();
    const [edited] = await api.db.query(`SELECT job FROM grassroots_staff WHERE grassroots_union_id = $1 AND full_name = 'Lê Văn Cường'`, [c.id]);
    expect(edited.job).toBe('Tổ trưởng cơ khí');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-unions').click();
    const row = page.locator('[data-testid="union-row"]', { hasText: 'Cơ Khí Hòa Phát' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Có');
    await row.getByTestId('union-open').click();
    await page.getByTestId('union-page').waitFor();
    await page.getByTestId('member-row').nth(4).waitFor();
    expect(await page.getByTestId('union-facts').textContent()).toContain('4 đoàn viên / 5 người lao động');
    // Read only: no ticks, no decision, no adding.
    expect(await page.getByTestId('members-table').getByRole('checkbox').count()).toBe(0);
    expect(await page.getByTestId('admit-form').count()).toBe(0);
    expect(await page.getByTestId('staff-add').count()).toBe(0);
    await page.locator('[data-testid="member-row"]', { hasText: 'Lê Văn Cường' }).getByTestId('member-open').click();
    await page.getByTestId('member-history').filter({ hasText: 'Xin ra' }).waitFor();
    expect(await page.getByTestId('leave-form').count()).toBe(0);
    await shot('54-grassroots-union');
    expect(s.consoleErrors).toEqual([]);
  });

  it('lets the supervisor record the employer of a CĐCS no founding case made, from its enterprise register', async () => {
    const name = `Công ty TNHH Cơ khí Hòa Phát ${p.tag}`;
    const enterpriseId = await createEnterprise(api, p, { name });
    await page.goto(`${api.url}/cdcs/${c.id}`);
    await page.getByTestId('union-employer').filter({ hasText: 'chưa ghi' }).waitFor();
    const form = page.getByTestId('form-union-employer');
    await form.getByRole('combobox', { name: 'Doanh nghiệp (trong sổ doanh nghiệp)' }).fill('co khi hoa phat');
    await form.getByRole('option').filter({ hasText: name }).first().click();
    await form.getByTestId('form-union-employer-submit').click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã ghi đơn vị sử dụng lao động: ${name}` })
      .first()
      .waitFor();
    await page.getByTestId('union-employer').filter({ hasText: name }).waitFor();
    expect(await api.db.query(`SELECT enterprise_id FROM grassroots_employer WHERE grassroots_union_id = $1`, [c.id])).toEqual([
      { enterprise_id: enterpriseId },
    ]);
    await shot('84-union-employer', 'union-employer');
    expect(s.consoleErrors).toEqual([]);
  });

  it('lets the supervisor create the first account of a recognized case’s CĐCS from the case page', async () => {
    const ref = await walkToStage(api, p, 'RECOGNIZED');
    const [{ grassroots_union_id: unitId }] = await api.db.query(`SELECT grassroots_union_id FROM founding_case WHERE id = $1`, [ref.caseId]);
    await page.goto(`${api.url}/ho-so/${ref.caseId}`);
    await page.getByTestId('grassroots-account').waitFor();
    await page.getByTestId('grassroots-account-open').locator('summary').click();
    const email = `chu.tich.${p.tag}@test.vn`;
    await page.getByTestId('grassroots-account-email').fill(email);
    await page.getByTestId('grassroots-account-name').fill('Vũ Thị Chủ Tịch');
    await page.getByTestId('grassroots-account-password').fill('Mật-khẩu-đủ-dài-2026');
    await page.getByTestId('grassroots-account-form-submit').click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã tạo tài khoản ${email}` })
      .first()
      .waitFor();
    const users = await api.db.query(`SELECT role, org_unit_id FROM app_user WHERE email = $1`, [email]);
    expect(users).toEqual([{ role: 'GRASSROOTS', org_unit_id: unitId }]);
    await page.getByTestId('case-grassroots-link').click();
    await page.getByTestId('union-facts').filter({ hasText: 'đã có tài khoản' }).waitFor();
    expect(s.consoleErrors).toEqual([]);
  });
});
