import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { vnToday, walkToStage } from '../support/case-fixtures';
import { addStaff, newCdcs } from '../support/grassroots';
import { D, docxParagraphs, pdfText, zipEntry } from '../support/documents';
import { Province, TestApi, TestUser } from '../support/test-api';
import { TestWorker } from '../support/test-worker';
import { BrowserSession } from './support/browser-session';
import { ensureWebBuild } from './support/web-build';

/**
 * Official documents in a real browser against the real API and worker (docs/architecture.md#official-documents):
 * the supervisor issues the recognition decision from a recognized case's page and downloads its DOCX and PDF;
 * the ADMIN adjusts the unit's texts with a preview. Screenshots 78–80 at 1366 and 390 px wide.
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
    await page.getByTestId('admit-number').fill('07/QĐ-CĐCS');
    await page.getByTestId('admit-date').fill(`${d}/${m}/${y}`);
    await page.getByTestId('admit-signer').fill('Nguyễn Văn Chủ Tịch');
    await page.getByTestId('admit-form-submit').click();
    const panel = page.getByTestId('documents-ADMISSION_DECISION');
    await panel.getByTestId('form-issue-document-submit').click();
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
  });
});
