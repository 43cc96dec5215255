import { Page } from 'playwright-core';
import { Province, TestApi } from '../support/test-api';
import { M, applicant, createEnterprise } from '../support/case-fixtures';
import { TestWorker } from '../support/test-worker';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * A quarterly report on the reports page, in a real browser against the real API and worker: its
 * target table says which target a quarter is read against (the year's, beside the year-to-date
 * result: docs/architecture.md#honest-period-figures), and coverage reads as a count and one percent
 * beside the target percent. Screenshots 38-reports-quarter at 1366 and 390 px wide.
 */

jest.setTimeout(300_000);

describe('reports page (browser)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let s: BrowserSession;
  let page: Page;
  // Last year's second quarter: a period that is over, whatever today is.
  const year = Number(new Date().toISOString().slice(0, 4)) - 1;

  /** A member of the CĐCS `unitId`, admitted on `day`. */
  async function member(unitId: string, day: string): Promise<void> {
    const a = await api.ok(M.apply, { i: applicant({ grassrootsUnionId: unitId }, { submittedOn: `${year}-01-02` }) }, p.supervisor.token);
    await api.ok(
      M.decideApplication,
      { i: { applicationId: a.submitApplication.id, admit: true, decidedOn: day, decisionNumber: `${day}/QĐ-CĐCS`, reason: null } },
      p.supervisor.token,
    );
  }

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
    const sup = p.supervisor.token;
    await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, newMembers: 10, newGrassrootsUnions: 2, coveragePercent: 80 } }, sup);
    const g = await api.ok(M.createOrgUnit, { i: { name: `CĐCS Công ty TNHH Dệt Nam Định ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId } }, sup);
    // Two members in the first quarter, one in the second: Q2 shows 1, and 3 since 1 January.
    for (const day of [`${year}-02-10`, `${year}-03-05`, `${year}-05-12`]) await member(g.createOrgUnit.id, day);
    await createEnterprise(api, p, { workerCount: 60, hasUnion: true });
    await createEnterprise(api, p, { workerCount: 30, hasUnion: false });

    s = await BrowserSession.open(api.url);
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await worker?.close();
    await api?.close();
  });

  it('labels the quarter’s target columns: the quarter, the year to date and the year’s target', async () => {
    await s.login(p.supervisor.email);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' }).click();

    const form = page.getByTestId('form-report');
    await form.getByLabel('Loại kỳ').selectOption('QUARTER');
    await form.getByLabel('Năm').selectOption(String(year));
    await form.getByLabel('Kỳ', { exact: true }).selectOption('2');
    expect(await page.getByTestId('report-period').innerText()).toContain(`Quý 2/${year} (từ 01/04/${year} đến 30/06/${year})`);
    await form.getByRole('button', { name: 'Lập báo cáo' }).click();

    const item = page.locator('[data-testid="report-item"][data-status="READY"]').filter({ hasText: `Quý 2/${year}` });
    await item.waitFor({ timeout: 90_000 });
    const table = item.getByTestId('report-targets');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Nội dung', 'Kết quả kỳ', 'Lũy kế từ đầu năm', 'Kế hoạch năm', '% kế hoạch năm (lũy kế)']);
    const members = table.locator('tbody tr', { hasText: 'Đoàn viên kết nạp mới' });
    // 1 in the quarter, 3 since 1 January, against the year's 10: 30 %, never the quarter's 1 of 10.
    expect((await members.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['1', '3', '10', '30%']);
    expect(await item.getByTestId('report-target-basis').innerText()).toBe(
      `Chỉ tiêu giao theo năm: so sánh lũy kế từ 01/01/${year} đến 30/06/${year} với kế hoạch năm.`,
    );
    expect(await item.getByTestId('report-coverage').innerText()).toBe('Doanh nghiệp ≥ 25 lao động có CĐCS: 1/2 = 50,0 % (chỉ tiêu 80 %)');
    await s.shot('38-reports-quarter', item);
    expect(s.consoleErrors).toEqual([]);
  });
});
