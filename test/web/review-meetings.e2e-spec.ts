import { Page } from 'playwright-core';
import { addDays, openCase, vnToday } from '../support/case-fixtures';
import { heldMeeting } from '../support/review-meetings';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * The review meetings pages (Giao ban) in a real browser against the real API: the supervisor schedules a meeting and
 * the next year's monthly ones in one step, holds today's meeting with minutes and an action item, and sees the frozen
 * figures with the change since the previous held meeting side by side, then marks the item done.
 * Screenshots 70–74 at 1366×800 and 390×844 (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

describe('review meetings pages (browser)', () => {
  let api: TestApi;
  let p: Province;
  let s: BrowserSession;
  let page: Page;
  const today = vnToday();
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(2);
    // The previous meeting, held two weeks ago with nothing open; two cases opened since.
    await heldMeeting(api, p, addDays(today, -14), [
      { what: 'Lập danh sách doanh nghiệp chưa có công đoàn', assigneeId: p.officers[1].id, dueOn: addDays(today, 5) },
    ]);
    await openCase(api, p, { name: `Công ty TNHH May Hưng Long ${p.tag}` });
    await openCase(api, p, { name: `Công ty CP Điện tử Đông Á ${p.tag}` });
    s = await BrowserSession.open(api.url, { loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const row = (day: string) => page.locator(`[data-testid="meeting-row"][data-day="${day}"]`);

  it("schedules a meeting and the next year's monthly ones in one step", async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-meetings').click();
    await row(addDays(today, -14)).waitFor();
    expect(await row(addDays(today, -14)).innerText()).toContain('Đã họp');

    await page.getByTestId('one-meeting-disclosure').locator('summary').click();
    await page.getByTestId('meeting-day').fill(vnDay(today));
    await page.getByTestId('form-meeting-submit').click();
    await row(today).waitFor();
    expect(await row(today).innerText()).toContain('Đã lên lịch');

    await page.getByTestId('meetings-year').selectOption(String(year + 1));
    await page.getByTestId('monthly-disclosure').locator('summary').click();
    await page.getByTestId('form-monthly-submit').click();
    await page.getByText('Đã lên lịch 12 cuộc giao ban').waitFor();
    await page.getByTestId('meeting-row').nth(11).waitFor();
    expect(await page.getByTestId('meeting-row').count()).toBe(12);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM review_meeting WHERE org_unit_id = $1 AND extract(year FROM day) = $2`, [
      p.unitId,
      year + 1,
    ]);
    expect(n).toBe(12);
    await s.shot('70-meetings-monthly', page.getByTestId('meetings-table'));
  });

  it('holds the meeting with minutes and an action item, and shows the change since the previous one', async () => {
    await page.getByTestId('meetings-year').selectOption(String(year));
    await row(today).getByTestId('meeting-link').click();
    await page.getByTestId('form-hold').waitFor();
    await page.getByTestId('hold-minutes').fill('Đánh giá tiến độ tháng: đã mở thêm hai hồ sơ; giao cán bộ khảo sát tiếp.');
    await page.getByTestId('add-item').click();
    await page.getByTestId('item-what-0').fill('Khảo sát Công ty TNHH May Hưng Long');
    await page.getByTestId('item-assignee-0').selectOption(p.officers[0].id);
    await page.getByTestId('item-due-0').fill(vnDay(addDays(today, -3)));
    // A due day before the meeting: refused beside its field, nothing held.
    await page.getByTestId('form-hold-submit').click();
    await page.getByTestId('item-due-0-error').waitFor();
    expect(await page.getByTestId('item-due-0-error').innerText()).toContain('không được trước ngày giao ban');
    const [{ status }] = await api.db.query(`SELECT status FROM review_meeting WHERE org_unit_id = $1 AND day = $2`, [p.unitId, today]);
    expect(status).toBe('SCHEDULED');
    await s.shot('71-meeting-hold-refused', page.getByTestId('form-hold'));

    await page.getByTestId('item-due-0').fill(vnDay(addDays(today, 10)));
    await page.getByTestId('form-hold-submit').click();
    await page.getByTestId('meeting-snapshot').waitFor();
    expect(await page.getByTestId('meeting-status').innerText()).toBe('Đã họp');
    expect(await page.getByTestId('snap-open').innerText()).toBe('2');
    await s.shot('72-meeting-snapshot', page.getByTestId('meeting-snapshot'));

    const open = page.locator('[data-testid="change-row"][data-indicator="openCases"][data-officer=""]');
    expect(await open.innerText()).toMatch(/Hồ sơ đang mở\s+0\s+2\s+\+2/);
    const officerRow = page.locator(`[data-testid="change-row"][data-indicator="openCases"][data-officer="${p.officers[0].id}"]`);
    expect(await officerRow.getByTestId('change-value').innerText()).toBe('+2');
    await s.shot('73-meeting-change', page.getByTestId('change-table'));

    const item = page.getByTestId('action-item').first();
    expect(await item.innerText()).toContain('Khảo sát Công ty TNHH May Hưng Long');
    expect(await item.getByTestId('action-item-status').innerText()).toBe('Trong hạn');
    await item.getByTestId('action-item-done').click();
    await page.locator('[data-testid="action-item"][data-status="DONE"]').waitFor();
    expect(await page.getByTestId('action-item-status').first().innerText()).toBe('Đã hoàn thành');
    expect(await page.getByTestId('meeting-minutes').innerText()).toContain('đã mở thêm hai hồ sơ');
    await s.shot('74-meeting-action-items', page.getByTestId('action-items'));
    expect(s.consoleErrors).toEqual([]);
  });
});
