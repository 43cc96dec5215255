import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { vnToday } from '../support/case-fixtures';
import { Cdcs, addStaff, citizenIdFor, newCdcs } from '../support/grassroots';
import { PASSWORD, Province, TestApi } from '../support/test-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, ensureWebBuild } from './support/web-build';

/**
 * A CĐCS's chair in a real browser: lands on its register, adds a person (a wrong citizen id refused with the
 * reason beside the field, then fixed), ticks people and admits them by one decision. Screenshots
 * 50-grassroots-register and 51-grassroots-admitted at 1366 and 390 px (UPDATE_SCREENSHOTS=1).
 */
jest.setTimeout(300_000);

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'cdcs-shots-'));
const WIDE = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const vnDay = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('grassroots register page (browser)', () => {
  let api: TestApi;
  let p: Province;
  let c: Cdcs;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    api = await TestApi.start();
    p = await api.newProvince(1);
    c = await newCdcs(api, p, 'Công ty May Sông Hồng');
    await addStaff(api, c, 3);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: WIDE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (400|401|403|404|409|413)/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function shot(name: string): Promise<void> {
    for (const vp of [WIDE, PHONE]) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(150);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.screenshot({ path: join(SHOTS, `${name}-${vp.width}.png`), animations: 'disabled' });
    }
    await page.setViewportSize(WIDE);
  }

  it('lets the chair add a person and admit the ticked ones by one decision', async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel('Email').fill(c.chair.email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('members-page').waitFor();
    await page.getByTestId('member-row').nth(2).waitFor();
    expect(await page.getByTestId('nav-board').count()).toBe(0);

    await page.getByTestId('staff-add').locator('summary').click();
    await page.getByTestId('staff-name').fill('Hoàng Thị Thu Trang');
    await page.getByTestId('staff-citizen-id').fill('034090012345'); // a man's century digit, 1990
    await page.getByTestId('staff-birth-date').fill('12/04/1995');
    await page.getByTestId('staff-form-submit').click();
    await page.getByTestId('staff-citizen-id-error').waitFor();
    expect(await page.getByTestId('staff-citizen-id-error').textContent()).toContain('không khớp');
    await page.getByTestId('staff-citizen-id').fill(citizenIdFor('1995-04-12', 'FEMALE'));
    await page.getByTestId('staff-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm Hoàng Thị Thu Trang' }).first().waitFor();
    await page.getByTestId('members-search').fill('hoang thi thu');
    await page.locator('[data-testid="member-row"]', { hasText: 'Hoàng Thị Thu Trang' }).waitFor();
    await page.getByTestId('members-search').fill('');
    await page.getByTestId('member-row').nth(3).waitFor();
    await shot('50-grassroots-register');

    const boxes = page.getByTestId('members-table').getByRole('checkbox');
    for (let i = 0; i < 4; i++) await boxes.nth(i).check();
    await page.getByTestId('admit-number').fill('05/QĐ-CĐCS');
    await page.getByTestId('admit-date').fill(vnDay(vnToday()));
    await page.getByTestId('admit-signer').fill('Nguyễn Văn Chủ Tịch');
    await page.getByTestId('admit-form-submit').click();
    await page.getByRole('status').filter({ hasText: 'Đã kết nạp 4 đoàn viên' }).first().waitFor();
    await page.getByTestId('members-table').getByRole('checkbox').first().waitFor({ state: 'detached' });
    const [n] = await api.db.query(`SELECT count(*)::int AS n FROM member WHERE grassroots_union_id = $1 AND left_on IS NULL`, [c.id]);
    expect(n.n).toBe(4);
    await shot('51-grassroots-admitted');
    expect(consoleErrors).toEqual([]);
  });
});
