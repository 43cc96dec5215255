import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { EscalationsService } from '@app/core';
import { PASSWORD, Province, TestApi, TestUser } from '../support/test-api';
import { M, addDays, applicant, createEnterprise, vnToday } from '../support/case-fixtures';
import { TestWorker } from '../support/test-worker';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the real
 * API, which serves the built SPA at `/`. One story, in order: an officer walks a case from SURVEY
 * to FOUNDING_CEREMONY through the forms and meets the API's refusals in Vietnamese; the supervisor
 * records the congress and the decision, the case is recognized, the board and the targets change,
 * a report is requested and downloaded. Screenshots of every page at 1366×800 and 390×844 go to
 * a temporary folder, or to docs/screenshots/ with UPDATE_SCREENSHOTS=1 (so a test run leaves the
 * committed pictures alone).
 */

jest.setTimeout(300_000);

const YEAR = Number(vnToday().slice(0, 4));

describe('web dashboard (browser)', () => {
  let api: TestApi;
  let p: Province;
  let officer: TestUser;
  let s: BrowserSession;
  let page: Page;
  let caseId: string;
  let staleCaseId: string;
  let enterpriseName: string;
  let spareEnterpriseName: string;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    p = await api.newProvince(2);
    officer = p.officers[0];
    const sup = p.supervisor.token;

    // The unit's plan for the year: 10 new members, 1 new CĐCS, full coverage.
    await api.ok(M.setTarget, { i: { year: YEAR, orgUnitId: p.unitId, newMembers: 10, newGrassrootsUnions: 1, coveragePercent: 100 } }, sup);

    // The case the story walks: an enterprise of 60 workers without a union, assigned to the officer.
    enterpriseName = `Công ty TNHH May Hưng Phát ${p.tag}`;
    const enterpriseId = await createEnterprise(api, p, {
      name: enterpriseName,
      address: 'Số 12 Lý Bôn, thành phố Thái Bình',
      workerCount: 60,
      hasUnion: false,
    });
    caseId = (await api.ok(M.open, { i: { enterpriseId, assigneeId: officer.id } }, sup)).openFoundingCase.id;

    // A second case left behind its due day (its SLA days moved into the past), swept into escalations.
    const staleEnterprise = await createEnterprise(api, p, { name: `Công ty CP Cơ khí Đông Á ${p.tag}`, workerCount: 140, hasUnion: false });
    staleCaseId = (await api.ok(M.open, { i: { enterpriseId: staleEnterprise, assigneeId: officer.id } }, sup)).openFoundingCase.id;
    // An enterprise with no case (12 workers: outside the coverage figures), for the open-case form's pickers.
    spareEnterpriseName = `Công ty TNHH Bao bì Phú Thịnh ${p.tag}`;
    await createEnterprise(api, p, { name: spareEnterpriseName, workerCount: 12, hasUnion: false });
    const today = vnToday();
    await api.db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = $1`, [
      staleCaseId,
      addDays(today, -12),
      addDays(today, -6),
      addDays(today, -1),
    ]);
    await api.app.get(EscalationsService).sweepCase(staleCaseId);
    // A worker's application sent straight to the upper-level union 40 days ago, never decided: the sweep raises it.
    await api.ok(
      M.apply,
      { i: applicant({ grassrootsUnionId: p.unitId }, { fullName: `Lê Thị Mai ${p.tag}`, submittedOn: addDays(today, -40) }) },
      officer.token,
    );
    await api.app.get(EscalationsService).sweep();

    s = await BrowserSession.open(api.url, { acceptDownloads: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await api?.close();
  });

  // ---- helpers ------------------------------------------------------------------------------

  /** Without the page-wide no-horizontal-scroll check, which this story has never made. */
  const shot = (name: string, focus?: Locator) => s.shot(name, focus, { noHorizontalScroll: false });

  const casePage = () => page.getByTestId('case-page');
  const form = (id: string) => page.getByTestId(`form-${id}`);

  async function waitVersion(v: number): Promise<void> {
    await page.locator(`[data-testid="case-page"][data-version="${v}"]`).waitFor();
  }

  async function waitStage(stage: string): Promise<void> {
    await page.locator(`[data-testid="case-page"][data-stage="${stage}"]`).waitFor();
  }

  async function openCase(id: string): Promise<void> {
    await page.goto(`${api.url}/ho-so/${id}`);
    await casePage().waitFor();
  }

  async function nav(label: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: label }).click();
  }

  async function alertText(scope: Locator): Promise<string> {
    const a = scope.getByRole('alert');
    await a.first().waitFor();
    return a.first().innerText();
  }

  async function countOf(stage: string): Promise<string> {
    return (await page.getByTestId(`count-${stage}`).innerText()).trim();
  }

  async function unitFigure(id: string): Promise<string> {
    return (await page.locator(`[data-testid="unit-progress"][data-unit-id="${p.unitId}"] [data-testid="${id}"]`).innerText()).trim();
  }

  // ---- the story ----------------------------------------------------------------------------

  it('serves the SPA at / and on client routes, leaving the API paths to the API', async () => {
    for (const path of ['/', '/ho-so/abc', '/chi-tieu']) {
      const res = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      // The product's name (PRODUCT_NAME, here its default) for the SPA before anyone logs in.
      expect(html).toContain('<title>Phát triển đoàn viên – Thành lập CĐCS</title>');
      expect(html).toContain('<meta name="cdcs-product-name" content="Phát triển đoàn viên – Thành lập CĐCS" />');
    }
    const gql = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(((await gql.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${api.url}/health`)).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${api.url}/assets/nope.js`)).status).toBe(404);
  });

  it('login: a wrong password says "Sai email hoặc mật khẩu"; the officer gets in', async () => {
    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByTestId('product-name').innerText()).toBe('Phát triển đoàn viên – Thành lập CĐCS');
    expect(await page.title()).toBe('Phát triển đoàn viên – Thành lập CĐCS');
    await shot('01-login');
    await s.login(officer.email, 'wrong-password');
    expect(await alertText(page.locator('form'))).toContain('Sai email hoặc mật khẩu');
    await shot('01-login-error');
    // Keyboard only: Tab to the email field, Tab to the password, Enter submits.
    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(officer.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain(`officer1 ${p.tag}`);
    expect(await page.getByRole('banner').getByTestId('product-name').innerText()).toBe('Phát triển đoàn viên – Thành lập CĐCS');
  });

  it('board (officer): its cases by stage, counts per column, the stale one marked overdue', async () => {
    await page.getByTestId('column-SURVEY').getByText(enterpriseName).waitFor();
    expect(await countOf('SURVEY')).toBe('2');
    expect(await countOf('OUTREACH')).toBe('0');
    const stale = page.locator(`[data-case-id="${staleCaseId}"]`);
    expect(await stale.getByTestId('overdue-badge').count()).toBe(1);
    expect(await page.locator(`[data-case-id="${caseId}"]`).getByTestId('overdue-badge').count()).toBe(0);
    await shot('02-board-officer');
  });

  it('case (officer): survey → advance → outreach (with a refused empty form) → advance', async () => {
    await page.getByRole('link', { name: enterpriseName }).click();
    await waitStage('SURVEY');
    expect(await page.getByTestId('case-stage').innerText()).toBe('Khảo sát');
    // The address already names the district (in other letter case): it is not repeated.
    const summary = await page.getByRole('region', { name: 'Thông tin hồ sơ' }).innerText();
    expect(summary).toContain('Số 12 Lý Bôn, thành phố Thái Bình · Dệt may');
    expect(summary).not.toContain('Thành phố Thái Bình');
    await shot('03-case-survey');

    const survey = form('survey');
    expect(await survey.getByLabel('Số lao động').inputValue()).toBe('60');
    expect(await survey.getByLabel('Ngày khảo sát').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await survey.getByLabel('Số lao động').fill('64');
    await survey.getByLabel('Người liên hệ').fill('Chị Nguyễn Thị Lan, phòng nhân sự');
    await survey.getByRole('button', { name: 'Lưu kết quả khảo sát' }).click();
    await waitVersion(2);
    await page.getByTestId('evidence-SURVEY').waitFor();
    expect(await page.getByTestId('evidence-SURVEY').innerText()).toContain('Chị Nguyễn Thị Lan');

    await form('advance').getByRole('button', { name: 'Chuyển sang «Tuyên truyền vận động»' }).click();
    await waitStage('OUTREACH');

    // Empty counts: the API names the fields (BAD_USER_INPUT), shown by their Vietnamese labels.
    const outreach = form('outreach');
    await outreach.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
    const bad = await alertText(outreach);
    expect(bad).toContain('Dữ liệu chưa hợp lệ');
    expect(bad).toContain('Số lao động được tuyên truyền');
    await outreach.getByLabel('Số lao động được tuyên truyền').fill('52');
    await outreach.getByLabel('Số lao động quan tâm').fill('31');
    await outreach.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
    await waitVersion(4);
    await form('advance').getByRole('button', { name: 'Chuyển sang «Hướng dẫn thủ tục»' }).click();
    await waitStage('GUIDANCE');
  });

  it('case (officer): advancing GUIDANCE too early lists the unmet requirements; committee + 5 applications pass', async () => {
    await form('advance').getByRole('button', { name: 'Chuyển sang «Đại hội thành lập»' }).click();
    const refused = await alertText(form('advance'));
    expect(refused).toContain('Chưa thành lập ban vận động');
    expect(refused).toContain('Chưa đủ đơn xin gia nhập');
    await shot('04-case-refusal-guidance', form('advance').getByRole('alert'));

    const committee = form('committee');
    await committee.getByLabel('Thành viên ban vận động').fill('Nguyễn Thị Hoa\nTrần Văn Nam\nLê Thị Mai');
    await committee.getByRole('button', { name: 'Lưu ban vận động' }).click();
    await waitVersion(6);

    // A manager of a private enterprise is not eligible: INELIGIBLE with the reason in Vietnamese.
    const app = form('application');
    await app.getByLabel('Họ và tên').fill('Phạm Văn Quản');
    await app.getByLabel('Năm sinh').fill('1980');
    await app.getByLabel('Vị trí công việc').fill('Giám đốc');
    await app.getByLabel('Là người quản lý doanh nghiệp').check();
    await app.getByRole('button', { name: 'Nộp đơn' }).click();
    const ineligible = await alertText(app);
    expect(ineligible).toContain('không đủ điều kiện');
    expect(ineligible).toContain('Là người quản lý doanh nghiệp');
    await shot('05-case-application-ineligible', app.getByRole('alert'));
    await app.getByLabel('Là người quản lý doanh nghiệp').uncheck();

    const names = ['Đỗ Thị Hằng', 'Vũ Văn Long', 'Bùi Thị Ngọc', 'Hoàng Văn Đức', 'Ngô Thị Thu'];
    for (const [i, name] of names.entries()) {
      await app.getByLabel('Họ và tên').fill(name);
      await app.getByLabel('Năm sinh').fill(String(1988 + i));
      await app.getByLabel('Giới tính').selectOption(i % 2 ? 'Nam' : 'Nữ');
      await app.getByLabel('Vị trí công việc').fill('Công nhân may');
      await app.getByRole('button', { name: 'Nộp đơn' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Đã nhận đơn của ${name}` })
        .waitFor();
    }
    await page.getByTestId('applications').getByText('Ngô Thị Thu').waitFor();
    expect(await page.getByTestId('applications').locator('tbody tr').count()).toBe(5);

    await form('advance').getByRole('button', { name: 'Chuyển sang «Đại hội thành lập»' }).click();
    await waitStage('FOUNDING_CEREMONY');
  });

  it('case (officer): a stale version answers CONFLICT with a reload prompt; advancing before the congress is refused', async () => {
    // Meanwhile the supervisor reassigns the case twice (over the API): the page now shows a stale version.
    const before = Number(await casePage().getAttribute('data-version'));
    const stale = (v: number, to: TestUser) =>
      api.ok(M.assign, { i: { caseId, expectedVersion: v, assigneeId: to.id, reason: 'Điều chỉnh phân công' } }, p.supervisor.token);
    await stale(before, p.officers[1]);
    await stale(before + 1, officer);

    await form('advance').getByRole('button', { name: 'Chuyển sang «Quyết định công nhận»' }).click();
    const conflict = await alertText(form('advance'));
    expect(conflict).toContain('Hồ sơ vừa được người khác cập nhật — hãy tải lại trang để xem thay đổi mới nhất');
    // The version is the page's own bookkeeping, never shown.
    expect(await casePage().innerText()).not.toContain('Phiên bản');
    await shot('06-case-conflict', form('advance').getByRole('alert'));
    await form('advance').getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await waitVersion(before + 2);

    await form('advance').getByRole('button', { name: 'Chuyển sang «Quyết định công nhận»' }).click();
    const refused = await alertText(form('advance'));
    expect(refused).toContain('Chưa tổ chức đại hội');
    expect(refused).toContain('Chưa hoàn thiện hồ sơ');
    await shot('07-case-refusal-congress', form('advance').getByRole('alert'));
    expect(await page.getByTestId('case-stage').innerText()).toBe('Đại hội thành lập');
  });

  it('escalations (officer): the warning addressed to it, acknowledged', async () => {
    await nav('Cảnh báo');
    const inbox = page.getByTestId('escalations');
    await inbox.getByText(`Công ty CP Cơ khí Đông Á ${p.tag}`).first().waitFor();
    // Past its due day: the row says how late, though only the WARNING was addressed to the officer.
    expect(await inbox.innerText()).toMatch(/Quá hạn nghiêm trọng: \d+ ngày làm việc/);
    expect(await inbox.innerText()).not.toContain('Sắp quá hạn');
    // (Screenshots 08 and 12 of this page: test/web/escalations.e2e-spec.ts.)
    await inbox.getByRole('button', { name: 'Xác nhận đã xem' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Đã xác nhận cảnh báo' }).waitFor();
    await page.getByText('Không có cảnh báo nào cần xử lý.').waitFor();
    await s.logout();
  });

  it('supervisor: board and targets before; records the congress and the decision; the case is recognized', async () => {
    await s.login(p.supervisor.email);
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('column-FOUNDING_CEREMONY').getByText(enterpriseName).waitFor();
    expect(await countOf('FOUNDING_CEREMONY')).toBe('1');
    expect(await countOf('RECOGNIZED')).toBe('0');
    // The officer filter: both cases are the officer's.
    await page
      .getByLabel('Cán bộ phụ trách')
      .first()
      .selectOption({ label: `officer1 ${p.tag}` });
    await page.getByTestId('board-total').filter({ hasText: /^2$/ }).waitFor();
    expect(await countOf('FOUNDING_CEREMONY')).toBe('1');
    await page.getByLabel('Cán bộ phụ trách').first().selectOption({ label: 'Tất cả cán bộ' });
    // Pickers list the unit's people, not only those seen on cases: officer2 has no case any more.
    expect(await page.getByLabel('Cán bộ phụ trách').first().locator('option').allInnerTexts()).toContain(`officer2 ${p.tag}`);
    const openToggle = page.locator('summary', { hasText: 'Mở hồ sơ thành lập mới' });
    await openToggle.click();
    const openForm = page.locator('details.disclosure').filter({ has: openToggle });
    // The enterprise picker searches as one types (without diacritics too); a click picks.
    await openForm.getByRole('combobox', { name: 'Doanh nghiệp' }).fill('bao bi phu thinh');
    await openForm.getByRole('option', { name: spareEnterpriseName }).click();
    expect(await openForm.getByRole('combobox', { name: 'Doanh nghiệp' }).inputValue()).toBe(spareEnterpriseName);
    const assigneePicker = openForm.getByRole('combobox', { name: 'Cán bộ phụ trách' });
    await assigneePicker.locator('option', { hasText: `officer2 ${p.tag}` }).waitFor({ state: 'attached' });
    expect(await assigneePicker.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining([`officer1 ${p.tag}`, `officer2 ${p.tag}`, `supervisor ${p.tag} (Ban Thường vụ)`]),
    );
    expect((await assigneePicker.locator('option').allInnerTexts()).some((t) => t.includes(`fedsup ${p.tag}`))).toBe(false);
    await openToggle.click();
    await shot('09-board-supervisor');

    await nav('Chỉ tiêu & kết quả');
    await page.locator(`[data-testid="unit-progress"][data-unit-id="${p.unitId}"]`).waitFor();
    expect(await unitFigure('members-actual')).toBe('0');
    expect(await unitFigure('members-target')).toBe('10');
    expect(await unitFigure('unions-actual')).toBe('0');

    await openCase(caseId);
    await waitStage('FOUNDING_CEREMONY');
    const congress = form('congress');
    await congress.getByLabel('Số người dự').fill('42');
    await congress.getByLabel('Ban chấp hành lâm thời').fill('Đỗ Thị Hằng\nVũ Văn Long\nBùi Thị Ngọc');
    await congress.getByLabel('Chủ tịch').fill('Đỗ Thị Hằng');
    await congress.getByRole('button', { name: 'Lưu đại hội thành lập' }).click();
    await page.getByTestId('evidence-CONGRESS').waitFor();
    await form('advance').getByRole('button', { name: 'Chuyển sang «Quyết định công nhận»' }).click();
    await waitStage('RECOGNITION_DECISION');

    const decision = form('decision');
    await decision.getByLabel('Số quyết định').fill(`45/QĐ-CĐN ${p.tag}`);
    await decision.getByLabel('Người ký').fill('Phạm Văn Đức, Chủ tịch');
    await decision.getByRole('button', { name: 'Lưu quyết định' }).click();
    await page.getByTestId('evidence-DECISION').waitFor();
    await form('advance').getByRole('button', { name: 'Hoàn tất: công nhận CĐCS' }).click();
    await waitStage('RECOGNIZED');
    expect(await page.getByTestId('case-union').innerText()).toBe(`Công đoàn cơ sở ${enterpriseName}`);
    const apps = await page.getByTestId('applications').innerText();
    expect(apps.match(/Đã kết nạp/g)).toHaveLength(5);
    expect(await page.getByTestId('history').innerText()).toContain('Hướng dẫn thủ tục → Đại hội thành lập');
    await shot('10-case-recognized');
  });

  it('supervisor: the board and the targets show the recognition', async () => {
    await nav('Bảng tiến độ');
    await page.getByTestId('column-RECOGNIZED').getByText(enterpriseName).waitFor();
    expect(await countOf('RECOGNIZED')).toBe('1');
    expect(await countOf('FOUNDING_CEREMONY')).toBe('0');

    await nav('Chỉ tiêu & kết quả');
    await page.locator(`[data-testid="unit-progress"][data-unit-id="${p.unitId}"]`).waitFor();
    expect(await unitFigure('members-actual')).toBe('5');
    expect(await unitFigure('unions-actual')).toBe('1');
    expect(await unitFigure('unions-target')).toBe('1');
    // Coverage: the recognized enterprise (64 workers) of the unit's two with 25 or more.
    // One percent beside the target percent, never a percent of it.
    expect(await unitFigure('coverage-text')).toBe('1/2 = 50,0 % (chỉ tiêu 100 %)');
    expect(await page.getByTestId('cases-by-officer').innerText()).toContain(`officer1 ${p.tag}`);
    await shot('11-targets');

    // The target form shows what is saved; changing one figure keeps the others.
    await page.getByText(`Đặt chỉ tiêu năm ${YEAR}`).first().click();
    const targets = page.getByTestId('form-target');
    expect(await targets.getByLabel('Đoàn viên mới').inputValue()).toBe('10');
    expect(await targets.getByLabel('CĐCS mới').inputValue()).toBe('1');
    expect(await targets.getByLabel('Tỷ lệ bao phủ (%)').inputValue()).toBe('100');
    await targets.getByLabel('CĐCS mới').fill('');
    await targets.getByLabel('Đoàn viên mới').fill('12');
    await targets.getByTestId('form-target-submit').click();
    await targets.getByText('Đã lưu chỉ tiêu.').waitFor();
    const saved = await api.db.query(
      `SELECT new_members, new_grassroots_unions, coverage_percent::float AS pct FROM target WHERE org_unit_id = $1 AND year = $2`,
      [p.unitId, YEAR],
    );
    expect(saved).toEqual([{ new_members: 12, new_grassroots_unions: 1, pct: 100 }]);
    await api.ok(M.setTarget, { i: { year: YEAR, orgUnitId: p.unitId, newMembers: 10 } }, p.supervisor.token);

    await nav('Cảnh báo');
    await page.getByTestId('escalations').getByText('Quá hạn nghiêm trọng').first().waitFor();
    const overdueApplication = page.getByTestId('application-escalations').locator('li', { hasText: `Lê Thị Mai ${p.tag}` });
    await overdueApplication.waitFor();
    await overdueApplication.getByRole('button', { name: 'Xác nhận đã xem' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã xác nhận cảnh báo đơn của Lê Thị Mai ${p.tag}` })
      .waitFor();
    await overdueApplication.waitFor({ state: 'detached' });
  });

  it('supervisor: requests a report, watches it build, downloads XLSX and CSV with the token', async () => {
    const mutations = await api.ok(`{ __type(name: "Mutation") { fields { name } } }`, {}, p.supervisor.token);
    const hasReports = mutations.__type.fields.some((f: { name: string }) => f.name === 'requestReport');
    await nav('Báo cáo');
    if (!hasReports) {
      // An API without the report operations: the page says so.
      await page.getByTestId('reports-unavailable').waitFor();
      await shot('13-reports');
      return;
    }
    // Reports are built by the worker.
    const worker = await TestWorker.start();
    try {
      const req = form('report');
      await req.waitFor();
      await req.getByLabel('Loại kỳ').selectOption('YEAR');
      expect(await page.getByTestId('report-period').innerText()).toContain(`Năm ${YEAR}`);
      await req.getByRole('button', { name: 'Lập báo cáo' }).click();
      const item = page
        .getByTestId('report-item')
        .filter({ hasText: `Năm ${YEAR}` })
        .first();
      await item.waitFor();
      await page.locator('[data-testid="report-item"][data-status="READY"]').first().waitFor({ timeout: 90_000 });
      expect(await item.innerText()).toContain('Hoàn thành');
      await shot('13-reports');

      const dir = join(tmpdir(), `cdcs-web-${p.tag}`);
      mkdirSync(dir, { recursive: true });
      const [xlsx] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Tải XLSX' }).click()]);
      const xlsxPath = join(dir, xlsx.suggestedFilename());
      await xlsx.saveAs(xlsxPath);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK'); // a zip: the XLSX container
      const [csv] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Tải CSV' }).click()]);
      const csvPath = join(dir, csv.suggestedFilename());
      await csv.saveAs(csvPath);
      expect(csv.suggestedFilename()).toMatch(/\.csv$/);
      expect(readFileSync(csvPath, 'utf8').length).toBeGreaterThan(20);
    } finally {
      await worker.close();
    }

    // The targets page now also has the report's figures by officer.
    await nav('Chỉ tiêu & kết quả');
    await page.getByTestId('officer-figures').waitFor();
    expect(await page.getByTestId('officer-figures').innerText()).toContain(`officer1 ${p.tag}`);
    await shot('11-targets-by-officer', page.getByTestId('officer-figures'));
  });

  it('rewards: the supervisor evaluates the year so far and approves a nomination', async () => {
    await nav('Khen thưởng');
    await page.getByRole('heading', { name: 'Khen thưởng' }).waitFor();
    const mutations = await api.ok(`{ __type(name: "Mutation") { fields { name } } }`, {}, p.supervisor.token);
    if (!mutations.__type.fields.some((f: { name: string }) => f.name === 'evaluateRewards')) {
      await shot('14-rewards');
      return;
    }
    // Nothing evaluated yet: the page says what starts an evaluation.
    const empty = await page.getByTestId('rewards-empty').innerText();
    expect(empty).toContain('Chưa có đề xuất khen thưởng nào.');
    expect(empty).toContain('1/1 (tổng kết năm trước), 1/6 (Tháng Công nhân) và 20/7');
    expect(empty).toContain('bằng mục «Đánh giá khen thưởng theo đợt» ở trên');
    await page.getByText('Đánh giá khen thưởng theo đợt', { exact: true }).click();
    const evaluate = form('evaluate');
    await evaluate.getByLabel('Đợt khen thưởng').selectOption({ label: `Tổng kết năm ${YEAR}` });
    await evaluate.getByRole('button', { name: 'Đánh giá' }).click();
    const said = await evaluate.getByRole('status').innerText();
    expect(said).toMatch(/Đã lập \d+ đề xuất/);
    const nominations = page.getByTestId('nomination');
    if (!/Đã lập 0 /.test(said)) {
      await nominations.first().waitFor();
      await shot('14-rewards', nominations.first());
      await nominations.first().getByRole('button', { name: 'Duyệt' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã duyệt đề xuất.' }).waitFor();
      await page.locator('.badge-nom-approved').first().waitFor();
    } else {
      await shot('14-rewards');
    }
  });

  it('the pages raised no script errors', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
