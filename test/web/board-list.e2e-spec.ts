import { Page } from 'playwright-core';
import { Province, TestApi } from '../support/test-api';
import { openCase, walkToStage } from '../support/case-fixtures';
import { BrowserSession, PHONE, WIDE } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The board of a large unit in a real browser: the list view pages through the cases 50 at a time
 * (the API's first/after) with enterprise, tax code, district, stage, due day and assignee; the stage
 * filter narrows both views; view and filter stay in the address (a reload keeps them); the stage
 * headings of the columns and of the list fit in two lines.
 * Screenshots 43–44 at 1366×800 and 390×844 (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(600_000);

const SURVEY_CASES = 55;
const OUTREACH_CASES = 3;

describe('board list view and stage filter (browser)', () => {
  let api: TestApi;
  let p: Province;
  let s: BrowserSession;
  let page: Page;
  const outreach = new Set<string>();

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(2);
    for (let i = 0; i < SURVEY_CASES; i++) {
      await openCase(api, p, {
        name: `Công ty TNHH Sản xuất số ${String(i + 1).padStart(2, '0')} ${p.tag}`,
        district: i % 2 ? 'Huyện Vũ Thư' : 'Huyện Kiến Xương',
      });
    }
    for (let i = 0; i < OUTREACH_CASES; i++) {
      outreach.add(
        (await walkToStage(api, p, 'OUTREACH', { name: `Công ty CP Tuyên truyền ${i + 1} ${p.tag}`, district: 'Huyện Vũ Thư', assignee: p.officers[1] }))
          .caseId,
      );
    }
    s = await BrowserSession.open(api.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  /** The most lines any of the headings takes (its height over its line height). */
  const mostLines = (selector: string): Promise<number> =>
    page.evaluate(`Math.max(...[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => {
      const style = getComputedStyle(el);
      const pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return Math.round((el.getBoundingClientRect().height - pad) / parseFloat(style.lineHeight));
    }))`);

  const rangeIs = (text: string) => page.getByTestId('board-pager-range').filter({ hasText: text }).waitFor();

  it('pages through the list, filters by stage, and keeps view and filter in the address', async () => {
    await s.login(p.supervisor.email);
    await page
      .getByTestId('board-total')
      .filter({ hasText: String(SURVEY_CASES + OUTREACH_CASES) })
      .waitFor();
    expect(await mostLines('.column-head h2')).toBeLessThanOrEqual(2);

    await page.getByTestId('board-view-list').click();
    await rangeIs(`1–50 trong ${SURVEY_CASES + OUTREACH_CASES} hồ sơ`);
    expect(new URL(page.url()).searchParams.get('xem')).toBe('danh-sach');
    const rows = page.getByTestId('case-row');
    expect(await rows.count()).toBe(50);
    const first = await rows.first().innerText();
    expect(first).toMatch(/\d{10}/); // the tax code
    expect(first).toMatch(/\tHuyện (Vũ Thư|Kiến Xương)\t/); // the district
    expect(first).toMatch(/\d{2}\/\d{2}\/\d{4}/); // the due day
    expect(await mostLines('.board-table th[scope="col"]')).toBeLessThanOrEqual(2);
    await s.shot('43-board-list', page.getByTestId('board-pager'));

    const firstPage = new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id'))));
    await page.getByTestId('board-pager-next').click();
    await rangeIs(`51–${SURVEY_CASES + OUTREACH_CASES} trong`);
    const second = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id')));
    expect(second).toHaveLength(SURVEY_CASES + OUTREACH_CASES - 50);
    expect(second.filter((id) => firstPage.has(id))).toEqual([]);
    await page.getByTestId('board-pager-prev').click();
    await rangeIs('1–50 trong');

    // The stage filter: only the cases in Tuyên truyền vận động, back on the first page.
    await page.getByTestId('board-filter-stage').selectOption('OUTREACH');
    await rangeIs(`1–${OUTREACH_CASES} trong ${OUTREACH_CASES} hồ sơ`);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual(Array(OUTREACH_CASES).fill('OUTREACH'));
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id'))))).toEqual(outreach);
    expect(new URL(page.url()).searchParams.get('giai-doan')).toBe('OUTREACH');

    // A reload keeps the list view and the stage.
    await page.reload();
    await rangeIs(`1–${OUTREACH_CASES} trong ${OUTREACH_CASES} hồ sơ`);
    expect(await page.getByTestId('board-filter-stage').inputValue()).toBe('OUTREACH');

    // The columns with the stage filter: the one column, its three cards.
    await page.getByTestId('board-view-kanban').click();
    await page
      .getByTestId('board-total')
      .filter({ hasText: String(OUTREACH_CASES) })
      .waitFor();
    expect(await page.getByTestId('column-OUTREACH').getByTestId('case-card').count()).toBe(OUTREACH_CASES);
    expect(await page.getByTestId('column-SURVEY').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('xem')).toBeNull();
    await s.shot('44-board-stage-filter');

    // The officer and "overdue only" are kept in the address too: the way back from a case (or a reload) finds them.
    const officer = page.getByLabel('Cán bộ phụ trách').first();
    await officer.locator(`option[value="${p.officers[0].id}"]`).waitFor({ state: 'attached' });
    await officer.selectOption(p.officers[0].id);
    await page.getByLabel('Chỉ hồ sơ quá hạn').check();
    await page.waitForURL((u) => u.searchParams.get('qua-han') === '1' && u.searchParams.get('can-bo') === p.officers[0].id);
    await page.reload();
    await page.getByTestId('board-total').waitFor();
    expect(await page.getByLabel('Chỉ hồ sơ quá hạn').isChecked()).toBe(true);
    await page.locator(`select[name="assigneeId"] option[value="${p.officers[0].id}"]`).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Cán bộ phụ trách').first().inputValue()).toBe(p.officers[0].id);
    // The menu's "Bảng tiến độ" on the filtered board: the board as its address "/" says, no filter left behind.
    await page.getByTestId('nav-board').click();
    await page.waitForURL((u) => u.pathname === '/' && u.search === '');
    await page
      .getByTestId('board-total')
      .filter({ hasText: String(SURVEY_CASES + OUTREACH_CASES) })
      .waitFor();
    expect(await page.getByLabel('Chỉ hồ sơ quá hạn').isChecked()).toBe(false);
    expect(await page.getByTestId('board-filter-stage').inputValue()).toBe('');
    expect(s.consoleErrors).toEqual([]);
  });

  it("on a phone the menu scrolls away with the page, and the targets page's cases by officer read as cards", async () => {
    // The session is signed in as the supervisor (above), on the board.
    await page.getByTestId('board-view-list').click();
    await rangeIs('1–50 trong');
    const menuBottom = () => page.locator('.topbar').evaluate((el) => el.getBoundingClientRect().bottom);
    for (const vp of [WIDE, PHONE]) {
      await page.setViewportSize(vp);
      await page.evaluate('window.scrollTo(0, 0)');
      const atTop = await menuBottom();
      await page.evaluate('window.scrollTo(0, 1500)');
      await page.waitForFunction('window.scrollY > 1000');
      // At laptop width the menu stays on top; on a phone (three rows of links, ~210 px) it scrolls away.
      if (vp === WIDE) expect(await menuBottom()).toBe(atTop);
      else expect(await menuBottom()).toBeLessThanOrEqual(0);
    }

    await page.goto(`${api.url}/chi-tieu`);
    const table = page.getByTestId('cases-by-officer-table');
    await table.locator('tbody th[scope="row"]').first().waitFor();
    const share = (): Promise<number> =>
      page.evaluate(`(() => {
        const t = document.querySelector('[data-testid="cases-by-officer-table"]');
        return t.querySelector('tbody th[scope="row"]').getBoundingClientRect().width / t.getBoundingClientRect().width;
      })()`);
    // On a phone each officer is a card as wide as the table (it was one of seven columns, a sliver of 390 px).
    expect(await share()).toBeGreaterThan(0.9);
    expect(await table.locator('tbody td[data-label="Quá hạn"]').first().isVisible()).toBe(true);
    await page.setViewportSize(WIDE);
    expect(await share()).toBeLessThan(0.6);
    expect(s.consoleErrors).toEqual([]);
  });
});
