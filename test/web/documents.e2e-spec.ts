import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { vnToday, walkToStage } from '../support/case-fixtures';
import { addStaff, newCdcs } from '../support/grassroots';
import { D, docxParagraphs, pdfText, zipEntry } from '../support/documents';
import { PB } from '../support/plan-budget';
import { heldMeeting } from '../support/review-meetings';
import { Province, TestApi, TestUser } from '../support/test-api';
import { TestWorker } from '../support/test-worker';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * Official documents in a real browser against the real API and worker (docs/architecture.md#official-documents):
 * the supervisor issues the recognition decision from a recognized case's page and downloads its DOCX and PDF (no
 * second one is offered until it is cancelled);
 * the ADMIN adjusts the unit's texts with a preview; a CĐCS's admission takes its number from the register with its
 * decision; the plan and a held meeting's notice are issued from their pages. Screenshots 78–81, 90–91 at 1366 and 390 px wide.
 */

jest.setTimeout(300_000);

describe('official documents (browser)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let admin: TestUser;
  let s: BrowserSession;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    ensureWebBuild();
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    await api.ok(
      D.save,
      {
        i: {
          orgUnitId: p.unitId,
          parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
          issuerName: 'CÔNG ĐOÀN NGÀNH NÔNG NGHIỆP',
          shortName: 'CĐN',
          placeName: 'Thái Bình',
          authorityLine: 'TM. BAN THƯỜNG VỤ',
          signerTitle: 'CHỦ TỊCH',
          signerName: 'Phạm Văn Đức',
          recipients: ['Như Điều 3;', 'Lưu: VT.'],
        },
      },
      admin.token,
    );
    caseId = (await walkToStage(api, p, 'RECOGNIZED')).caseId;
    s = await BrowserSession.open(api.url, { acceptDownloads: true, loginWaitsForUser: true });
    page = s.page;
  });

  afterAll(async () => {
    await s?.close();
    await worker?.close();
    await api?.close();
  });

  it('issues the recognition decision from the case page and downloads it as DOCX and PDF', async () => {
    await s.login(p.supervisor.email);
    await page.goto(`${api.url}/ho-so/${caseId}`);
    const panel = page.getByTestId('documents-RECOGNITION_DECISION');
    await panel.getByText('Chưa có văn bản nào.').waitFor();
    await s.shot('78-case-documents', panel);

    await panel.getByTestId('form-issue-document-submit').click();
    await panel.getByText('Đã cấp số 1/QĐ-CĐN').waitFor();
    const item = panel.locator('[data-testid="document-item"][data-status="READY"][data-number="1/QĐ-CĐN"]');
    await item.waitFor({ timeout: 120_000 });
    await s.shot('79-document-issued', item);

    const [docx] = await Promise.all([page.waitForEvent('download'), item.getByTestId('download-docx').click()]);
    const docxPath = join(tmpdir(), `cdcs-${p.tag}-${docx.suggestedFilename()}`);
    await docx.saveAs(docxPath);
    expect(docx.suggestedFilename()).toMatch(/^quyet-dinh-cong-nhan-.*-1-QD-CDN\.docx$/);
    const paras = docxParagraphs(await zipEntry(readFileSync(docxPath), 'word/document.xml'));
    expect(paras).toContain('Số: 1/QĐ-CĐN');
    expect(paras).toContain('Phạm Văn Đức');

    const [pdf] = await Promise.all([page.waitForEvent('download'), item.getByTestId('download-pdf').click()]);
    const pdfPath = join(tmpdir(), `cdcs-${p.tag}-${pdf.suggestedFilename()}`);
    await pdf.saveAs(pdfPath);
    expect(pdf.suggestedFilename()).toMatch(/-1-QD-CDN\.pdf$/);
    const text = pdfText(readFileSync(pdfPath)).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 1/QĐ-CĐN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    // One live decision per case: the panel names it instead of offering another, after a reload too.
    await page.reload();
    await panel
      .getByTestId('document-live')
      .getByText(/số 1\/QĐ-CĐN còn hiệu lực/)
      .waitFor();
    expect(await panel.getByTestId('form-issue-document').count()).toBe(0);
    // A wrong decision is cancelled with its reason; then a new one may be made.
    await item.getByTestId('cancel-document').click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByTestId('confirm-ok').click();
    await confirm.getByText('Lý do không được để trống').first().waitFor();
    await confirm.getByTestId('cancel-reason').fill('Ghi sai tên doanh nghiệp');
    await confirm.getByTestId('confirm-ok').click();
    await panel.getByText('Đã hủy văn bản số 1/QĐ-CĐN.').waitFor();
    await item.getByText('Đã hủy').waitFor();
    await panel.getByTestId('form-issue-document-submit').waitFor();
    expect(await item.getByTestId('cancel-document').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
    await s.logout();
  });

  it('lets the ADMIN adjust the unit’s texts with a preview that takes no number', async () => {
    await s.login(admin.email);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }).click();
    await page.getByLabel('Đơn vị').selectOption(p.unitId);
    const form = page.getByTestId('form-document-settings');
    await form.getByLabel('Địa danh').fill('Hưng Hà');
    const preview = page.getByTestId('document-preview');
    await preview.getByText(/Hưng Hà, ngày/).waitFor();
    expect(await preview.innerText()).toContain('Số:       /QĐ-CĐN');
    await s.shot('80-document-settings', form);
    await form.getByTestId('form-document-settings-submit').click();
    await form.getByText('Đã lưu cài đặt văn bản của đơn vị.').waitFor();
    const saved = (await api.ok(D.settings, { u: p.unitId }, admin.token)).documentSettings;
    expect(saved.placeName).toBe('Hưng Hà');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM official_document WHERE org_unit_id = $1`, [p.unitId]);
    expect(n).toBe(1);
    expect(s.consoleErrors).toEqual([]);
    await s.logout();
  });

  it('lets a CĐCS’s chair issue the decision of the admission it just recorded', async () => {
    const c = await newCdcs(api, p, 'Công ty Dệt Hưng Yên');
    await addStaff(api, c, 2);
    await api.ok(
      D.save,
      {
        i: {
          orgUnitId: c.id,
          parentLine: 'CÔNG ĐOÀN NGÀNH NÔNG NGHIỆP',
          issuerName: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY DỆT HƯNG YÊN',
          shortName: 'CĐCS',
          placeName: 'Hưng Yên',
          authorityLine: 'TM. BAN CHẤP HÀNH',
          signerTitle: 'CHỦ TỊCH',
          signerName: 'Nguyễn Văn Chủ Tịch',
          recipients: ['Như Điều 2;', 'Lưu: VT.'],
        },
      },
      admin.token,
    );
    await s.login(c.chair.email);
    const boxes = page.getByTestId('members-table').getByRole('checkbox');
    await boxes.first().waitFor();
    for (let i = 0; i < 2; i++) await boxes.nth(i).check();
    const [y, m, d] = vnToday().split('-');
    // No number typed: the CĐCS's register gives it and the decision is issued with the admission.
    await page.getByTestId('admit-date').fill(`${d}/${m}/${y}`);
    await page.getByTestId('admit-form-submit').click();
    await page.getByText('Đã kết nạp 2 đoàn viên theo quyết định 1/QĐ-CĐCS').waitFor();
    const panel = page.getByTestId('documents-ADMISSION_DECISION');
    const item = panel.locator('[data-testid="document-item"][data-status="READY"][data-number="1/QĐ-CĐCS"]');
    await item.waitFor({ timeout: 120_000 });
    await s.shot('81-admission-document', item);
    const [pdf] = await Promise.all([page.waitForEvent('download'), item.getByTestId('download-pdf').click()]);
    const pdfPath = join(tmpdir(), `cdcs-${p.tag}-${pdf.suggestedFilename()}`);
    await pdf.saveAs(pdfPath);
    expect(pdf.suggestedFilename()).toMatch(/^quyet-dinh-ket-nap-doan-vien-.*-1-QD-CDCS\.pdf$/);
    const text = pdfText(readFileSync(pdfPath)).replace(/\s+/g, ' ');
    expect(text).toContain('Hưng Yên, ngày');
    expect(text).toContain('Điều 1. Kết nạp 2 người lao động');
    expect(s.consoleErrors).toEqual([]);
    await s.logout();
  });

  it("issues the year's plan from the Kế hoạch page (the plan takes the number) and the notice of a held meeting from its page", async () => {
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    await api.ok(
      PB.savePlan,
      {
        i: {
          orgUnitId: p.unitId,
          year,
          number: 'KH tạm',
          issuedOn: today,
          title: `Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm ${year}`,
          newMembers: 130,
          newGrassrootsUnions: 2,
          coveragePercent: 100,
          assignments: [{ officerId: p.officers[0].id, duty: 'Phụ trách huyện Tiền Hải', newMembers: 130, newGrassrootsUnions: 2 }],
        },
      },
      p.supervisor.token,
    );
    await s.login(p.supervisor.email);
    await page.goto(`${api.url}/ke-hoach`);
    const panel = page.getByTestId('documents-PLAN');
    await panel.getByTestId('form-issue-document-submit').click();
    await panel.getByText('Đã cấp số 1/KH-CĐN').waitFor();
    await page.getByTestId('plan-number').first().getByText('1/KH-CĐN').waitFor();
    const item = panel.locator('[data-testid="document-item"][data-status="READY"][data-number="1/KH-CĐN"]');
    await item.waitFor({ timeout: 120_000 });
    await s.shot('90-plan-document', panel);
    const [docx] = await Promise.all([page.waitForEvent('download'), item.getByTestId('download-docx').click()]);
    const docxPath = join(tmpdir(), `cdcs-${p.tag}-${docx.suggestedFilename()}`);
    await docx.saveAs(docxPath);
    expect(docx.suggestedFilename()).toMatch(/^ke-hoach-phat-trien-doan-vien-.*-1-KH-CDN\.docx$/);
    const paras = docxParagraphs(await zipEntry(readFileSync(docxPath), 'word/document.xml'));
    expect(paras).toContain('KẾ HOẠCH');
    expect(paras).toContain('Số: 1/KH-CĐN');

    const meetingId = await heldMeeting(api, p, today, [{ what: 'Khảo sát Công ty May Hưng Hà', assigneeId: p.officers[0].id, dueOn: today }]);
    await page.goto(`${api.url}/giao-ban/${meetingId}`);
    const notices = page.getByTestId('documents-REVIEW_CONCLUSION');
    await notices.getByTestId('form-issue-document-submit').click();
    const notice = notices.locator('[data-testid="document-item"][data-status="READY"][data-number="1/TB-CĐN"]');
    await notice.waitFor({ timeout: 120_000 });
    await s.shot('91-review-conclusion-document', notices);
    const [pdf] = await Promise.all([page.waitForEvent('download'), notice.getByTestId('download-pdf').click()]);
    const pdfPath = join(tmpdir(), `cdcs-${p.tag}-${pdf.suggestedFilename()}`);
    await pdf.saveAs(pdfPath);
    expect(pdf.suggestedFilename()).toMatch(/^thong-bao-ket-luan-giao-ban-.*-1-TB-CDN\.pdf$/);
    const text = pdfText(readFileSync(pdfPath)).replace(/\s+/g, ' ');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Khảo sát Công ty May Hưng Hà');
    expect(s.consoleErrors).toEqual([]);
  });
});
