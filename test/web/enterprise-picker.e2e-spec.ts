import { Locator, Page } from 'playwright-core';
import { Province, TestApi, newTaxCode } from '../support/test-api';
import { M, createEnterprise, openCase } from '../support/case-fixtures';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The board's "open a case" form picks its enterprise by typing (ui/enterprise-picker.tsx), in a real
 * browser against the real API: "cong ty duoc" lists the unit's "Công ty Dược …" enterprises that may get a
 * case (no union, no open case; a closed case does not count), never another unit's; the start of a tax
 * code finds one; ↓/↑/Enter pick; the opened case's page follows, and the enterprise is no longer offered; a
 * submit without a pick shows the API's refusal beside the picker. Screenshot 45 (the list open) at 1366×800 and 390×844.
 */

jest.setTimeout(300_000);

describe('enterprise picker (browser)', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;
  let s: BrowserSession;
  let page: Page;
  const taxCode = newTaxCode();
  const names = { hoaBinh: '', vuThu: '', openCase: '', withUnion: '', may: '', elsewhere: '' };
  let hoaBinhId = '';

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    [p, other] = [await api.newProvince(2), await api.newProvince(1)];
    names.hoaBinh = `Công ty Dược Hoà Bình ${p.tag}`;
    names.vuThu = `Công ty Dược Vũ Thư ${p.tag}`;
    names.openCase = `Công ty Dược phẩm Thái Bình ${p.tag}`;
    names.withUnion = `Công ty Dược Kiến Xương ${p.tag}`;
    names.may = `Công ty TNHH May Hưng Phát ${p.tag}`;
    names.elsewhere = `Công ty Dược ngoài đơn vị ${other.tag}`;
    hoaBinhId = await createEnterprise(api, p, { name: names.hoaBinh, district: 'Huyện Đông Hưng', workerCount: 85, taxCode });
    // Its earlier case was closed: a new one may be opened, so it is listed.
    const closed = await openCase(api, p, { name: names.vuThu, district: 'Huyện Vũ Thư', workerCount: 40 });
    await api.ok(
      M.close,
      { i: { caseId: closed.caseId, expectedVersion: closed.version, reason: 'WORKERS_DECLINED', comment: 'Người lao động chưa đồng ý' } },
      p.supervisor.token,
    );
    await openCase(api, p, { name: names.openCase });
    await createEnterprise(api, p, { name: names.withUnion, hasUnion: true });
    await createEnterprise(api, p, { name: names.may });
    await createEnterprise(api, other, { name: names.elsewhere });

    s = await BrowserSession.open(api.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  const form = () => page.getByTestId('open-case');
  const picker = () => form().getByRole('combobox', { name: 'Doanh nghiệp' });
  const listbox = () => form().getByRole('listbox', { name: 'Doanh nghiệp' });

  /** The names listed once the picker's status says `status` (the answer for what was typed has come). */
  async function listed(status: string): Promise<string[]> {
    await form().locator('.combobox-status').filter({ hasText: status }).waitFor();
    return listbox().getByRole('option').locator('.picker-name').allInnerTexts();
  }

  /** The form with its list open, at both widths; at 390 px the list must fit the screen (this suite's check, not the page-wide one). */
  const shot = (name: string, field: Locator): Promise<void> =>
    s.shot(
      name,
      async (vp) => {
        await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const box = await listbox().boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
      },
      { noHorizontalScroll: false },
    );

  it('finds the enterprises that may get a case by name without diacritics and by tax code, picks with the keyboard, opens the case', async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('column-SURVEY').getByText(names.openCase).waitFor();
    await page.locator('summary', { hasText: 'Mở hồ sơ thành lập mới' }).click();

    await picker().fill('cong ty duoc');
    expect(await picker().getAttribute('aria-expanded')).toBe('true');
    expect(await listed('2 doanh nghiệp.')).toEqual([names.hoaBinh, names.vuThu]);
    const first = listbox().getByRole('option').first();
    expect(await first.innerText()).toContain(`MST ${taxCode} · Huyện Đông Hưng · 85 lao động`);
    await shot('45-enterprise-picker', picker());

    // The start of the tax code finds the one enterprise; a name of another kind finds nothing.
    await picker().fill(taxCode.slice(0, 7));
    expect(await listed('1 doanh nghiệp.')).toEqual([names.hoaBinh]);
    await picker().fill('duoc khong co');
    expect(await listed('Không có doanh nghiệp phù hợp')).toEqual([]);

    // Keyboard: ↓ highlights the first, ↓ the second, ↑ back to the first (aria-activedescendant follows); Enter picks.
    await picker().fill('CÔNG TY DƯỢC');
    expect(await listed('2 doanh nghiệp.')).toEqual([names.hoaBinh, names.vuThu]);
    const options = listbox().getByRole('option');
    const activeIs = async (i: number) => expect(await picker().getAttribute('aria-activedescendant')).toBe(await options.nth(i).getAttribute('id'));
    expect(await picker().getAttribute('aria-activedescendant')).toBeNull();
    await picker().press('ArrowDown');
    await activeIs(0);
    await picker().press('ArrowDown');
    await activeIs(1);
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await picker().press('ArrowUp');
    await activeIs(0);
    await picker().press('Enter');
    expect(await picker().inputValue()).toBe(names.hoaBinh);
    expect(await picker().getAttribute('aria-expanded')).toBe('false');
    expect(
      await form()
        .locator('small.hint', { hasText: `MST ${taxCode} · Huyện Đông Hưng · 85 lao động` })
        .count(),
    ).toBe(1);

    // The enterprise's unit gives the assignees; opening goes to the new case's page.
    const assignee = form().getByRole('combobox', { name: 'Cán bộ phụ trách' });
    await assignee.locator('option', { hasText: `officer1 ${p.tag}` }).waitFor({ state: 'attached' });
    await assignee.selectOption({ label: `officer1 ${p.tag}` });
    await form().getByRole('button', { name: 'Mở hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await page.locator('#case-title').filter({ hasText: names.hoaBinh }).waitFor();
    const caseId = page.url().split('/').pop();
    const [row] = await api.db.query(`SELECT enterprise_id, assignee_id, stage FROM founding_case WHERE id = $1`, [caseId]);
    expect(row).toEqual({ enterprise_id: hoaBinhId, assignee_id: p.officers[0].id, stage: 'SURVEY' });

    // Back on the board, the enterprise now has an open case: the picker no longer offers it.
    await page.goto(`${api.url}/`);
    await page.getByTestId('column-SURVEY').getByText(names.hoaBinh).waitFor();
    await page.locator('summary', { hasText: 'Mở hồ sơ thành lập mới' }).click();
    // Nothing picked: the API's refusal is shown beside the picker, which is marked invalid.
    await form().getByRole('button', { name: 'Mở hồ sơ' }).click();
    const fieldError = page.getByTestId('open-case-enterprise-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/Doanh nghiệp/);
    expect(await picker().getAttribute('aria-invalid')).toBe('true');
    await picker().fill('cong ty duoc');
    expect(await listed('1 doanh nghiệp.')).toEqual([names.vuThu]);
    await picker().press('Escape');
    expect(await picker().getAttribute('aria-expanded')).toBe('false');
    expect(s.consoleErrors).toEqual([]);
  });
});
