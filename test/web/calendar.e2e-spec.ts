import { Page } from 'playwright-core';
import { CalendarService } from '@app/core';
import { Province, TestApi, TestUser } from '../support/test-api';
import { addDays, openCase, vnToday } from '../support/case-fixtures';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * The calendar page (Lịch làm việc) in a real browser against the real API: an admin reads a year's
 * days off with their notes and announcing documents (the bundled years by their source, never
 * "seed"), is refused a day off on a Saturday without a note (the rules beside the fields), adds a
 * newly announced day off and sees which open cases' due days moved, before → after, then removes
 * it and sees them move back. Officers have no such page in the menu.
 * Screenshots 40–42 at 1366×800 and 390×844 (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('calendar page (browser)', () => {
  let api: TestApi;
  let p: Province;
  let admin: TestUser;
  let s: BrowserSession;
  let page: Page;
  let day: string;
  const cases: { id: string; due: string }[] = [];

  const dueOf = async (id: string): Promise<string> =>
    (await api.db.query(`SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due FROM founding_case WHERE id = $1`, [id]))[0].due;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    admin = await api.newAdmin();
    p = await api.newProvince(1);
    for (const name of ['Công ty TNHH Dệt may Phú Xuân', 'Công ty CP Cơ khí Đồng Tiến']) {
      const id = (await openCase(api, p, { name: `${name} ${p.tag}` })).caseId;
      cases.push({ id, due: await dueOf(id) });
    }
    // The first Monday–Friday working day after today with no entry: inside both cases' windows.
    const cal = await api.app.get(CalendarService).calendar();
    day = addDays(vnToday(), 1);
    while (!cal.isWorkingDay(day) || [0, 6].includes(weekday(day))) day = addDays(day, 1);

    s = await BrowserSession.open(api.url, { loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await api?.db.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
    await s?.close();
    await api?.close();
  });

  const row = (d: string) => page.locator(`[data-testid="calendar-row"][data-day="${d}"]`);

  it('shows a bundled year by its sources, refuses bad input beside its fields, and reports the due days a new day off moves', async () => {
    await s.login(admin.email);
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-year').selectOption('2026');
    await row('2026-02-17').waitFor();
    expect(await row('2026-02-17').innerText()).toMatch(/Thứ Ba[\s\S]*Ngày nghỉ[\s\S]*Tết Nguyên đán Bính Ngọ[\s\S]*Thông báo 9441\/TB-BNV/);
    expect(await row('2026-08-22').innerText()).toMatch(/Thứ Bảy[\s\S]*Ngày làm bù/);
    expect(await page.getByTestId('calendar-table').innerText()).not.toMatch(/seed/i);
    expect(page.url()).toContain('/lich-lam-viec?nam=2026');
    await s.shot('40-calendar');

    // A day off on a Saturday, with no note: both rules beside their fields, nothing written.
    let saturday = addDays(day, 1);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    await page.getByTestId('calendar-day').fill(vnDay(saturday));
    await page.getByTestId('calendar-form-submit').click();
    await page.getByTestId('calendar-kind-error').waitFor();
    expect(await page.getByTestId('calendar-kind-error').innerText()).toContain('là Thứ Bảy, vốn đã là ngày nghỉ');
    expect(await page.getByTestId('calendar-note-error').innerText()).toContain('Ghi chú không được để trống');
    expect(await api.db.query(`SELECT 1 FROM calendar_day WHERE day = $1`, [saturday])).toEqual([]);
    await s.shot('41-calendar-refused', page.getByTestId('calendar-form'));

    // The newly announced day off.
    await page.getByTestId('calendar-day').fill(vnDay(day));
    await page.getByTestId('calendar-note').fill('Nghỉ bù theo thông báo mới');
    await page.getByTestId('calendar-document').fill('Thông báo 99/TB-BNV');
    await page.getByTestId('calendar-form-submit').click();
    await page.getByTestId('calendar-change').waitFor();
    for (const c of cases) {
      const after = await dueOf(c.id);
      expect(after > c.due).toBe(true);
      const moved = page.locator(`[data-testid="moved-row"][data-case-id="${c.id}"]`);
      expect(await moved.getByTestId('moved-before').innerText()).toBe(vnDay(c.due));
      expect(await moved.getByTestId('moved-after').innerText()).toBe(vnDay(after));
    }
    expect(Number(await page.getByTestId('moved-count').innerText())).toBeGreaterThanOrEqual(2);
    await page.getByTestId('calendar-year').selectOption(day.slice(0, 4));
    await row(day).waitFor();
    expect(await row(day).innerText()).toContain('Thông báo 99/TB-BNV');
    await s.shot('42-calendar-moved', page.getByTestId('calendar-change'));
  });

  it('removes the day and shows the due days moving back', async () => {
    await row(day).getByTestId('calendar-remove').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('calendar-change').filter({ hasText: 'Đã xoá' }).waitFor();
    await row(day).waitFor({ state: 'detached' });
    for (const c of cases) {
      expect(await dueOf(c.id)).toBe(c.due);
      expect(await page.locator(`[data-testid="moved-row"][data-case-id="${c.id}"]`).getByTestId('moved-after').innerText()).toBe(vnDay(c.due));
    }
    expect(s.consoleErrors).toEqual([]);
  });

  it('is not in an officer’s menu', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.login(p.officers[0].email);
    await page.getByTestId('nav-board').waitFor();
    expect(await page.getByTestId('nav-calendar').count()).toBe(0);
  });
});
