import { Page } from 'playwright-core';
import { createEnterprise, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';
import { vnDay } from './support/vn-day';

/**
 * The plan, areas and budget pages in a real browser against the real API (docs/architecture.md#plan-areas-and-budget):
 * the supervisor plans the year (number, date, title, targets, duties), gives each officer an area and sees its
 * coverage, sets the budget, records spending that takes a heading over its plan (the warning shows, the entry is
 * recorded), and reverses an entry. Screenshots 65–69 at 1366×800 and 390×844 (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */

jest.setTimeout(300_000);

describe('plan, areas and budget (browser)', () => {
  let api: TestApi;
  let p: Province;
  let s: BrowserSession;
  let page: Page;
  const year = Number(vnToday().slice(0, 4));

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(2);
    for (const [name, district, workers, hasUnion] of [
      ['Công ty TNHH May Sông Hồng', `Huyện Vũ Thư ${p.tag}`, 320, true],
      ['Công ty CP Gạch Thái Bình', `Huyện Vũ Thư ${p.tag}`, 60, false],
      ['Công ty TNHH Điện tử Hưng Hà', `Huyện Hưng Hà ${p.tag}`, 150, false],
    ] as const) {
      await createEnterprise(api, p, { name: `${name} ${p.tag}`, district, workerCount: workers, hasUnion });
    }
    s = await BrowserSession.open(api.url, { loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  it('plans the year with duties per officer, and keeps the version', async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('nav-plan').click();
    const form = page.getByTestId('form-plan');
    await form.waitFor();
    await form.getByLabel('Số kế hoạch').fill('256/KH-CĐYT');
    await form.getByLabel('Tiêu đề').fill('Kế hoạch phát triển đoàn viên, thành lập CĐCS năm ' + year);
    await form.getByLabel('Đoàn viên mới', { exact: true }).fill('130');
    await form.getByLabel('CĐCS mới', { exact: true }).fill('2');
    await form.getByLabel('Tỷ lệ bao phủ (%)').fill('80');
    await form.getByLabel(`Nhiệm vụ — officer1 ${p.tag}`).fill('Phụ trách huyện Vũ Thư');
    await form.getByLabel(`Chỉ tiêu đoàn viên — officer1 ${p.tag}`).fill('70');
    await form.getByLabel(`Chỉ tiêu CĐCS — officer1 ${p.tag}`).fill('1');
    await form.getByLabel(`Nhiệm vụ — officer2 ${p.tag}`).fill('Phụ trách huyện Hưng Hà');
    await form.getByTestId('form-plan-submit').click();
    // The saved plan shows (the form starts over for the next version).
    await page.getByTestId('plan-number').first().waitFor();
    expect(await page.getByTestId('plan-facts').first().innerText()).toMatch(/256\/KH-CĐYT[\s\S]*130[\s\S]*Phụ trách huyện Vũ Thư/);
    const [row] = await api.db.query(`SELECT version, new_members FROM work_plan WHERE org_unit_id = $1 AND year = $2`, [p.unitId, year]);
    expect(row).toEqual({ version: 1, new_members: 130 });
    await s.shot('65-plan', page.getByTestId('plan-facts').first());

    // A new version saved without a change keeps every target, the officers' own among them.
    const assignments = (version: number) =>
      api.db.query(
        `SELECT a.duty, a.new_members, a.new_grassroots_unions FROM work_plan_assignment a JOIN work_plan w ON w.id = a.plan_id
          WHERE w.org_unit_id = $1 AND w.year = $2 AND w.version = $3 ORDER BY a.position`,
        [p.unitId, year, version],
      );
    await page.locator('[data-testid="plan-form-box"] > summary').click();
    await page.getByTestId('form-plan-submit').click();
    // The saved version shows in the list of versions (the form starts over, its notice with it).
    await page.getByText('Các phiên bản (2)').waitFor();
    expect(await assignments(2)).toEqual(await assignments(1));
    expect(await assignments(2)).toEqual([
      { duty: 'Phụ trách huyện Vũ Thư', new_members: 70, new_grassroots_unions: 1 },
      { duty: 'Phụ trách huyện Hưng Hà', new_members: null, new_grassroots_unions: null },
    ]);
  });

  it('gives each officer an area and shows its coverage', async () => {
    await page.getByTestId('nav-areas').click();
    const form = page.getByTestId('form-area');
    await form.waitFor();
    await form.getByLabel('Cán bộ').selectOption({ label: `officer1 ${p.tag}` });
    await form.getByLabel(/Huyện\/xã phụ trách/).fill(`Huyện Vũ Thư ${p.tag}`);
    await form.getByTestId('form-area-submit').click();
    await page.getByText(/Đã lưu địa bàn: 2 doanh nghiệp, 1\/2 doanh nghiệp từ 25 lao động có công đoàn/).waitFor();
    await form.getByLabel('Cán bộ').selectOption({ label: `officer2 ${p.tag}` });
    await form.getByLabel(`Công ty TNHH Điện tử Hưng Hà ${p.tag}`, { exact: false }).check();
    await form.getByTestId('form-area-submit').click();
    await page.getByText(/Đã lưu địa bàn: 1 doanh nghiệp, 0\/1/).waitFor();
    await page.locator(`[data-testid="area-card"][data-officer-id="${p.officers[1].id}"]`).waitFor();
    expect(await page.getByTestId('area-card').count()).toBe(2);
    expect(await page.locator(`[data-testid="area-card"][data-officer-id="${p.officers[0].id}"]`).innerText()).toContain('1/2 (50%)');
    await s.shot('66-areas', page.getByTestId('area-coverage'));

    // The register shows each enterprise's officer; the targets page the areas with their coverage.
    await page.getByTestId('nav-register').click();
    await page.getByTestId('area-officer').first().waitFor();
    expect(await page.getByTestId('area-officer').allInnerTexts()).toEqual(expect.arrayContaining([`officer1 ${p.tag}`, `officer2 ${p.tag}`]));
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('area-card').first().waitFor();
    await s.shot('67-targets-areas', page.getByTestId('area-coverage'));
  });

  it('sets the budget, records spending over the plan (warned, still recorded) and reverses an entry', async () => {
    await page.getByTestId('nav-budget').click();
    await page.getByTestId('budget-headings').waitFor();
    await page.locator('[data-testid="budget-plan-box"] > summary').click();
    const plan = page.getByTestId('form-budget-plan');
    // A bad amount is said beside its own line only (the others stay as they are), in words, not the API's field name.
    await plan.getByLabel('Khảo sát, tuyên truyền (đồng)').fill('-1.000.000');
    await plan.getByLabel('Hành chính (đồng)').fill('12,5');
    await plan.getByTestId('form-budget-plan-submit').click();
    const summary = plan.getByTestId('error-summary');
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'Khảo sát, tuyên truyền (đồng) không được âm',
      'Hành chính (đồng) phải là số đồng nguyên, ví dụ 1.250.000',
    ]);
    expect(await plan.locator('input[aria-invalid="true"]').count()).toBe(2);
    expect(await summary.innerText()).not.toMatch(/lines|amount/);
    await plan.getByLabel('Khảo sát, tuyên truyền (đồng)').fill('2.000.000');
    await plan.getByLabel('Hành chính (đồng)').fill('1000000');
    await plan.getByTestId('form-budget-plan-submit').click();
    await page.getByTestId('budget-heading').filter({ hasText: '2.000.000 đ' }).waitFor();

    const entry = page.getByTestId('form-budget-entry');
    const record = async (heading: string, amount: string, voucher: string) => {
      await entry.getByLabel('Khoản chi').selectOption({ label: heading });
      await entry.getByLabel('Số tiền (đồng)').fill(amount);
      await entry.getByLabel('Số chứng từ').fill(voucher);
      await entry.getByTestId('form-budget-entry-submit').click();
    };
    await record('Khảo sát, tuyên truyền', '1.250.000', 'PC-01');
    await page.getByText('Đã ghi 1.250.000 đ vào khoản “Khảo sát, tuyên truyền”.').waitFor();
    expect(await page.getByTestId('over-plan-warning').count()).toBe(0);
    await record('Khảo sát, tuyên truyền', '900000', 'PC-02');
    await page.getByTestId('over-plan-warning').waitFor();
    expect(await page.getByTestId('over-plan-warning').innerText()).toContain(
      'đã vượt dự toán năm ' + year + ': đã chi 2.150.000 đ trên dự toán 2.000.000 đ (vượt 150.000 đ)',
    );
    await page.getByTestId('budget-spent').filter({ hasText: '2.150.000 đ' }).waitFor();
    await s.shot('68-budget-warning', page.getByTestId('over-plan-warning'));

    // The second entry was a mistake: reversed, never edited.
    const second = page.getByTestId('ledger-row').filter({ hasText: 'PC-02' });
    await second.getByTestId('reverse-entry').click();
    await page.getByTestId('form-reverse').getByLabel('Lý do').fill('Ghi trùng chứng từ');
    await page.getByTestId('form-reverse-submit').click();
    await page.getByTestId('budget-spent').filter({ hasText: '1.250.000 đ' }).waitFor();
    expect(await page.getByTestId('ledger-row').count()).toBe(3);
    const rows: { amount: string }[] = await api.db.query(`SELECT amount::text FROM budget_entry WHERE org_unit_id = $1 ORDER BY id`, [p.unitId]);
    expect(rows.map((r) => r.amount)).toEqual(['1250000', '900000', '-900000']);
    // Latest first; the reversal names the entry it reverses by its voucher and day.
    const ledger = await page.getByTestId('ledger-row').allInnerTexts();
    expect(ledger[0]).toContain(`đảo khoản chứng từ PC-02 ngày ${vnDay(vnToday())}`);
    expect(ledger[1]).toContain('PC-02');
    expect(ledger[2]).toContain('PC-01');
    await s.shot('69-budget-ledger', page.getByTestId('budget-ledger'));
    expect(s.consoleErrors).toEqual([]);
  });

  it("never shows this year's budget (or its plan form) under last year while last year's is on its way", async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (
        route
          .request()
          .postData()
          ?.includes(`"y":${year - 1}`)
      )
        await held;
      await route.continue();
    });
    await page.getByLabel('Năm', { exact: true }).selectOption(String(year - 1));
    await page.getByText('Đang tải kinh phí…').waitFor();
    expect(await page.getByTestId('budget-headings').count()).toBe(0);
    expect(await page.getByTestId('form-budget-plan').count()).toBe(0);
    release();
    await page.getByTestId('budget-headings').waitFor();
    await page.unroute('**/graphql');
    expect(await page.getByTestId('budget-spent').innerText()).toBe('0 đ');
    expect(await page.getByTestId('ledger-row').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });
});
