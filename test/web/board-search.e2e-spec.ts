import { Page } from 'playwright-core';
import { Province, TestApi, newTaxCode } from '../support/test-api';
import { openCase } from '../support/case-fixtures';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The board's search box and district filter in a real browser against the real API: a supervisor
 * finds "Công ty Dược …" by typing "cong ty duoc", a case by the start of its tax code, the cases of a
 * district, and the search combines with the officer filter; the stage columns count what is found.
 */

jest.setTimeout(300_000);

describe('board search (browser)', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;
  let s: BrowserSession;
  let page: Page;
  const taxCode = newTaxCode();
  const names = { duoc1: '', duoc2: '', may: '', elsewhere: '' };

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    [p, other] = [await api.newProvince(2), await api.newProvince(1)];
    names.duoc1 = `Công ty Dược Hoà Bình ${p.tag}`;
    names.duoc2 = `Công ty Dược phẩm Thái Bình ${p.tag}`;
    names.may = `Công ty TNHH May Hưng Phát ${p.tag}`;
    names.elsewhere = `Công ty Dược ngoài đơn vị ${p.tag}`;
    await openCase(api, p, { name: names.duoc1, district: 'Huyện Đông Hưng', taxCode });
    await openCase(api, p, { name: names.duoc2, district: 'Thành phố Thái Bình', assignee: p.officers[1] });
    await openCase(api, p, { name: names.may, district: 'Huyện Đông Hưng' });
    await openCase(api, other, { name: names.elsewhere, district: 'Huyện Đông Hưng' });

    s = await BrowserSession.open(api.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  /** The enterprise names on the board's cards, once the total shows `n`. */
  async function cards(n: number): Promise<string[]> {
    await page
      .getByTestId('board-total')
      .filter({ hasText: new RegExp(`^${n}$`) })
      .waitFor();
    return (await page.getByTestId('case-card').locator('h3').allInnerTexts()).map((s) => s.trim()).sort();
  }

  it('finds "Công ty Dược …" from "cong ty duoc", by tax-code prefix and by district; never another unit’s case', async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('column-SURVEY').getByText(names.may).waitFor();
    expect(await cards(3)).toEqual([names.duoc1, names.duoc2, names.may].sort());

    const search = page.getByTestId('board-search');
    await search.fill('cong ty duoc');
    expect(await cards(2)).toEqual([names.duoc1, names.duoc2].sort());
    expect((await page.getByTestId('count-SURVEY').innerText()).trim()).toBe('2');

    // With the officer filter: only officer2's.
    await page
      .getByLabel('Cán bộ phụ trách')
      .first()
      .selectOption({ label: `officer2 ${p.tag}` });
    expect(await cards(1)).toEqual([names.duoc2]);
    await page.getByLabel('Cán bộ phụ trách').first().selectOption({ label: 'Tất cả cán bộ' });
    expect(await cards(2)).toEqual([names.duoc1, names.duoc2].sort());

    await search.fill(taxCode.slice(0, 8));
    expect(await cards(1)).toEqual([names.duoc1]);

    await search.fill('');
    await page.getByTestId('board-filter-district').fill('huyen dong hung');
    expect(await cards(2)).toEqual([names.duoc1, names.may].sort());
    await search.fill('DƯỢC');
    expect(await cards(1)).toEqual([names.duoc1]);

    await page.getByTestId('board-filter-district').fill('');
    await search.fill('');
    expect(await cards(3)).toEqual([names.duoc1, names.duoc2, names.may].sort());
    expect(s.consoleErrors).toEqual([]);
  });
});
