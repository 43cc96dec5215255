import { Page } from 'playwright-core';
import { EscalationsService } from '@app/core';
import { Province, TestApi } from '../support/test-api';
import { addDays, createEnterprise, openCase, vnToday } from '../support/case-fixtures';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The escalations page in a real browser (docs/architecture.md#escalations-per-case): one row per late case with the label
 * its due day gives today (never "Sắp quá hạn" once the due day has passed, though an officer only ever gets the WARNING),
 * the levels folded inside; acknowledging one row and a selection; the overdue count equal to the board's.
 * Screenshots at 1366×800 and 390×844 as in dashboard.e2e-spec.ts (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

describe('escalations page (browser)', () => {
  let api: TestApi;
  let p: Province;
  let s: BrowserSession;
  let page: Page;
  const today = vnToday();
  // Each case's days, relative to today: past the critical day, past the due day, between warning and due, in time.
  const shapes = {
    critical: { name: 'Công ty TNHH Giày da Thái Bình', days: [-40, -35, -20] },
    overdue: { name: 'Công ty CP Dệt may Hưng Yên', days: [-30, -21, 30] },
    dueSoon: { name: 'Công ty TNHH Điện tử Kiến Xương', days: [-2, 10, 30] },
    onTime: { name: 'Công ty TNHH Thực phẩm Vũ Thư', days: [5, 10, 30] },
    otherOfficer: { name: 'Công ty CP Cơ khí Đông Hưng', days: [-30, -20, 30] },
  };
  const ids: Record<string, string> = {};
  const named = (key: keyof typeof shapes) => `${shapes[key].name} ${p.tag}`;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(2);
    for (const key of Object.keys(shapes) as (keyof typeof shapes)[]) {
      const enterpriseId = await createEnterprise(api, p, { name: named(key) });
      const ref = await openCase(api, p, { enterpriseId, assignee: key === 'otherOfficer' ? p.officers[1] : p.officers[0] });
      ids[key] = ref.caseId;
      const [w, d, c] = shapes[key].days.map((n) => addDays(today, n));
      await api.db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = $1`, [ref.caseId, w, d, c]);
    }
    expect((await api.app.get(EscalationsService).sweep()).ran).toBe(true);

    s = await BrowserSession.open(api.url, { loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const row = (key: string) => page.locator(`[data-testid="escalated-case"][data-key="${ids[key]}"]`);
  const labelOf = async (key: string) => (await row(key).getByTestId('late-label').innerText()).trim();

  it('officer: one row per late case with the label its due day gives, the levels folded inside', async () => {
    await s.login(p.officers[0].email);
    await page.getByTestId('nav-escalations').click();
    await row('critical').waitFor();
    // Its three late cases, once each: not the one in time, not the other officer's.
    const keys = await page.getByTestId('escalated-case').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(keys).toEqual([ids.critical, ids.overdue, ids.dueSoon]);
    // Only the WARNING of each was addressed to the officer; the labels say how late the cases are.
    expect(await labelOf('critical')).toMatch(/^Quá hạn nghiêm trọng: \d+ ngày làm việc$/);
    expect(await labelOf('overdue')).toMatch(/^Quá hạn \d+ ngày làm việc$/);
    expect(await labelOf('dueSoon')).toBe('Sắp quá hạn');
    expect(await row('overdue').innerText()).toContain('21 ngày theo lịch');
    await s.shot('35-escalations-rows');
    // The fold holds the levels raised and who acknowledged them.
    await row('critical').getByText('Các mức cảnh báo đã phát sinh (1)').click();
    await row('critical').getByText('Cảnh báo sớm (80% thời hạn)').waitFor();
    expect(await row('critical').getByTestId('escalation-steps').innerText()).toContain('Chưa ai xác nhận');
    await s.shot('08-escalations-officer', row('critical'));
  });

  it('officer: acknowledges one row; it leaves the open list', async () => {
    await row('overdue').getByRole('button', { name: 'Xác nhận đã xem' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã xác nhận cảnh báo hồ sơ ${named('overdue')}.` })
      .waitFor();
    await row('overdue').waitFor({ state: 'detached' });
    await row('critical').waitFor();
    await s.logout();
  });

  it("supervisor: the page's overdue count is the board's; a selection is acknowledged at once", async () => {
    await s.login(p.supervisor.email);
    // The board first: its overdue badge.
    await page.getByTestId('board-total').filter({ hasText: /^5$/ }).waitFor();
    const boardOverdue = (await page.locator('.filters-summary .badge-overdue').innerText()).trim();
    expect(boardOverdue).toBe('3 quá hạn');
    await page.getByTestId('nav-escalations').click();
    await row('critical').waitFor();
    expect(await page.getByTestId('esc-overdue-count').innerText()).toBe('3');
    expect(await page.getByTestId('escalated-case').count()).toBe(4);
    expect(await labelOf('otherOfficer')).toMatch(/^Quá hạn \d+ ngày làm việc$/);
    await row('critical').getByText('Các mức cảnh báo đã phát sinh (3)').click();
    const steps = await row('critical').getByTestId('escalation-steps').innerText();
    for (const level of ['Quá hạn nghiêm trọng (150% thời hạn)', 'Đến hạn chưa xong (100% thời hạn)', 'Cảnh báo sớm (80% thời hạn)'])
      expect(steps).toContain(level);
    await s.shot('12-escalations-supervisor');

    await row('critical').getByRole('checkbox').check();
    await row('otherOfficer').getByRole('checkbox').check();
    const button = page.getByTestId('esc-ack-selected');
    expect(await button.innerText()).toBe('Xác nhận các mục đã chọn (2)');
    await s.shot('36-escalations-selection', button);
    await button.click();
    await page.getByRole('status').filter({ hasText: 'của 2 mục đã chọn' }).waitFor();
    await row('critical').waitFor({ state: 'detached' });
    await row('otherOfficer').waitFor({ state: 'detached' });
    expect(await page.getByTestId('escalated-case').count()).toBe(2);
    // The overdue count stays the board's: acknowledging does not make a case less late.
    expect(await page.getByTestId('esc-overdue-count').innerText()).toBe('3');
    expect(await page.getByTestId('esc-total').innerText()).toBe('2');

    // With the acknowledged ones shown: who acknowledged, and no pick box to tick again.
    await page.getByLabel('Hiện cả cảnh báo đã xác nhận').check();
    await row('critical').waitFor();
    expect(await row('critical').getByRole('checkbox').isDisabled()).toBe(true);
    await row('critical').getByText('Các mức cảnh báo đã phát sinh (3)').click();
    expect(await row('critical').getByTestId('escalation-steps').innerText()).toContain(`Đã xác nhận: supervisor ${p.tag}`);
    await s.shot('37-escalations-acknowledged', row('critical'));
    expect(s.consoleErrors).toEqual([]);
  });
});
