import { G, addStaff, newCdcs } from '../support/grassroots';
import { codeOf, errorOf, vnToday, walkToStage } from '../support/case-fixtures';
import { D, dateWords, docxParagraphs, docxRows, firstPagePng, pdfText, zipEntry } from '../support/documents';
import { heldMeeting } from '../support/review-meetings';
import { Province, TestApi, TestUser } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

jest.setTimeout(300_000);

const SETTINGS = {
  parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
  issuerName: 'CÔNG ĐOÀN NGÀNH NÔNG NGHIỆP',
  shortName: 'CĐN',
  placeName: 'Thái Bình',
  authorityLine: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
  signerName: 'Phạm Văn Đức',
  recipients: ['Như Điều 3;', 'LĐLĐ tỉnh (để b/c);', 'Lưu: VT, ToC.'],
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('official documents: numbered, in the decree layout, DOCX and PDF', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let other: Province;
  let admin: TestUser;
  let caseId: string;
  let members: string[];
  let firstDecisionId: string;
  const today = vnToday();

  const get = (path: string, token: string) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function ready(id: string, token = p.supervisor.token) {
    return eventually(
      async () => {
        const d = (await api.ok(D.document, { id }, token)).document;
        if (d.status === 'FAILED') throw new Error(`build failed: ${d.error}`);
        return d.status === 'READY' ? d : null;
      },
      120_000,
      300,
    );
  }
  async function files(doc: { docxUrl: string; pdfUrl: string }, token = p.supervisor.token) {
    const docx = await get(doc.docxUrl, token);
    const pdf = await get(doc.pdfUrl, token);
    expect(docx.status).toBe(200);
    expect(pdf.status).toBe(200);
    return {
      docx: Buffer.from(await docx.arrayBuffer()),
      pdf: Buffer.from(await pdf.arrayBuffer()),
      disposition: docx.headers.get('content-disposition') ?? '',
    };
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(2);
    other = await api.newProvince(1);
    admin = await api.newAdmin();
    await api.ok(D.save, { i: { orgUnitId: p.unitId, ...SETTINGS } }, admin.token);
    const ref = await walkToStage(api, p, 'RECOGNIZED');
    caseId = ref.caseId;
    members = (await api.db.query(`SELECT full_name FROM member WHERE case_id = $1 ORDER BY full_name COLLATE "vietnamese", id`, [caseId])).map(
      (r: { full_name: string }) => r.full_name,
    );
    expect(members).toHaveLength(5);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('issues the recognition decision of a recognized case: number, date in words, names, members in order, in DOCX and PDF', async () => {
    const issued = (await api.ok(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: caseId, issuedOn: today } }, p.supervisor.token)).issueDocument;
    firstDecisionId = issued.id;
    expect(issued).toMatchObject({ number: 1, numberLabel: '1/QĐ-CĐN', status: 'QUEUED', issuedOn: today, orgUnit: { id: p.unitId } });
    const doc = await ready(issued.id);
    const { docx, pdf, disposition } = await files(doc);
    expect(disposition).toMatch(/filename="quyet-dinh-cong-nhan-cong-doan-co-so-[a-z0-9-]+-1-QD-CDN\.docx"/);
    const xml = await zipEntry(docx, 'word/document.xml');
    const paras = docxParagraphs(xml);
    const [union] = await api.db.query(`SELECT g.name FROM founding_case c JOIN org_unit g ON g.id = c.grassroots_union_id WHERE c.id = $1`, [caseId]);
    for (const expected of [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
      'CÔNG ĐOÀN NGÀNH NÔNG NGHIỆP',
      'Số: 1/QĐ-CĐN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Thái Bình, ${dateWords(today)}`,
      'QUYẾT ĐỊNH',
      `Về việc công nhận ${union.name} và Ban Chấp hành lâm thời`,
      '1. Đồng chí Nguyễn Thị Hoa - Chủ tịch;',
      'Nơi nhận:',
      'TM. BAN THƯỜNG VỤ',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Phạm Văn Đức',
    ]) {
      expect(paras).toContain(expected);
    }
    // The annex lists the founding members in the register's order, numbered.
    const rows = docxRows(xml).filter((r) => members.includes(r[1]));
    expect(rows.map((r) => r[1])).toEqual(members);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    // Page: A4, margins 20/20/30/15 mm (twips), Times New Roman.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(await zipEntry(docx, 'word/styles.xml')).toContain('Times New Roman');

    const text = squash(pdfText(pdf));
    for (const expected of [
      'Số: 1/QĐ-CĐN',
      `Thái Bình, ${dateWords(today)}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Phạm Văn Đức',
      'Nguyễn Thị Hoa',
      'TM. BAN THƯỜNG VỤ',
    ]) {
      expect(text).toContain(expected);
    }
    const at = members.map((name) => text.indexOf(name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(firstPagePng(pdf, 'recognition-decision')).toBeGreaterThan(5000);
  });

  it('gives 16 concurrent issues 16 distinct consecutive numbers; a cancelled one keeps its number', async () => {
    // A meeting's notice may be issued again (a case has one live decision: recognition-one-live.e2e-spec.ts); TB from 1.
    const meetingId = await heldMeeting(api, p, today);
    const kind = 'REVIEW_CONCLUSION';
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => api.gql(D.issue, { i: { kind, sourceId: meetingId, issuedOn: today } }, p.supervisor.token)),
    );
    expect(answers.map((a) => a.errors)).toEqual(Array(16).fill(undefined));
    const numbers = answers.map((a) => a.data.issueDocument.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => 1 + i));
    expect(new Set(answers.map((a) => a.data.issueDocument.numberLabel)).size).toBe(16);
    const victim = answers.find((a) => a.data.issueDocument.number === 5)!.data.issueDocument;
    expect(codeOf(await api.gql(D.cancel, { i: { id: victim.id, reason: '  ' } }, p.supervisor.token))).toBe('BAD_USER_INPUT');
    const cancelled = (await api.ok(D.cancel, { i: { id: victim.id, reason: 'Ghi sai tên doanh nghiệp' } }, p.supervisor.token)).cancelDocument;
    expect(cancelled).toMatchObject({ number: 5, numberLabel: victim.numberLabel, cancelReason: 'Ghi sai tên doanh nghiệp' });
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(codeOf(await api.gql(D.cancel, { i: { id: victim.id, reason: 'Lần nữa' } }, p.supervisor.token))).toBe('CONFLICT');
    // The next issue takes the next number: the cancelled one is not given again.
    const next = (await api.ok(D.issue, { i: { kind, sourceId: meetingId } }, p.supervisor.token)).issueDocument;
    expect(next.number).toBe(17);
    const list = (await api.ok(D.documents, { k: kind, s: meetingId }, p.supervisor.token)).documents;
    expect(list.map((d: { number: number }) => d.number)).toEqual(Array.from({ length: 17 }, (_, i) => 17 - i));
    expect(list.find((d: { id: string }) => d.id === victim.id).cancelledAt).toBeTruthy();
  });

  it('refuses what cannot be issued and changes nothing: a case not recognized, a day in the future', async () => {
    const open = await walkToStage(api, p, 'FOUNDING_CEREMONY');
    const [{ before }] = await api.db.query(`SELECT last_number AS before FROM document_number WHERE org_unit_id = $1 AND kind_symbol = 'QĐ'`, [p.unitId]);
    const notRecognized = await api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: open.caseId } }, p.supervisor.token);
    expect(codeOf(notRecognized)).toBe('CONFLICT');
    expect(notRecognized.errors![0].message).toContain('đã được công nhận');
    const future = await api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: caseId, issuedOn: '2099-01-01' } }, p.supervisor.token);
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(errorOf(future).fields).toEqual(['issuedOn']);
    expect(future.errors![0].message).toContain('Ngày ban hành');
    const [{ after }] = await api.db.query(`SELECT last_number AS after FROM document_number WHERE org_unit_id = $1 AND kind_symbol = 'QĐ'`, [p.unitId]);
    expect(after).toBe(before);
    // A unit whose settings name nobody to sign issues nothing, and takes no number.
    const unsigned = await walkToStage(api, other, 'RECOGNIZED');
    const noSigner = await api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: unsigned.caseId } }, other.supervisor.token);
    expect(codeOf(noSigner)).toBe('CONFLICT');
    expect(noSigner.errors![0].message).toContain('chưa khai báo họ tên người ký');
    expect(await api.db.query(`SELECT 1 FROM document_number WHERE org_unit_id = $1`, [other.unitId])).toEqual([]);
  });

  it('shows documents only in the scope of their source, and lets only managers issue for a case', async () => {
    const doc = await ready(firstDecisionId); // the case's one live decision (the first test's)
    // The assigned officer reads and downloads; the other officer and the other province do not see it.
    expect((await api.ok(D.document, { id: doc.id }, p.officers[0].token)).document.id).toBe(doc.id);
    expect((await get(doc.docxUrl, p.officers[0].token)).status).toBe(200);
    expect((await api.ok(D.document, { id: doc.id }, p.officers[1].token)).document).toBeNull();
    expect((await get(doc.pdfUrl, p.officers[1].token)).status).toBe(404);
    expect((await api.ok(D.document, { id: doc.id }, other.supervisor.token)).document).toBeNull();
    expect((await get(doc.docxUrl, other.supervisor.token)).status).toBe(404);
    expect(codeOf(await api.gql(D.documents, { k: 'RECOGNITION_DECISION', s: caseId }, other.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: caseId } }, p.officers[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'RECOGNITION_DECISION', sourceId: caseId } }, other.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(D.cancel, { i: { id: doc.id, reason: 'Thử' } }, other.supervisor.token))).toBe('NOT_FOUND');
  });

  it('issues the admission decision of a CĐCS with its members in order, signed as its settings say', async () => {
    const cdcs = await newCdcs(api, p, 'Công ty Dệt Hưng Yên');
    const staff = await addStaff(api, cdcs, 5);
    const admitted = (
      await api.ok(
        G.admit,
        { i: { grassrootsUnionId: cdcs.id, decisionNumber: '01/QĐ-CĐCS', decidedOn: today, signer: 'Lê Văn Chủ', memberIds: staff } },
        cdcs.chair.token,
      )
    ).admitMembers;
    // Defaults inherit the place from the upper level; its signing lines stay the CĐCS's own ("TM. BAN CHẤP HÀNH").
    const defaults = (await api.ok(D.settings, { u: cdcs.id }, cdcs.chair.token)).documentSettings;
    expect(defaults).toMatchObject({ own: false, placeName: 'Thái Bình', authorityLine: 'TM. BAN CHẤP HÀNH', signerName: '', inheritedFrom: { id: p.unitId } });
    expect(codeOf(await api.gql(D.save, { i: { orgUnitId: cdcs.id, ...SETTINGS } }, cdcs.chair.token))).toBe('FORBIDDEN');
    await api.ok(
      D.save,
      {
        i: {
          ...defaults,
          own: undefined,
          inheritedFrom: undefined,
          shortName: 'CĐCSDHY',
          signerName: 'Lê Văn Chủ',
          signerTitle: 'CHỦ TỊCH',
        },
      },
      admin.token,
    );

    // A preview takes no number.
    const preview = (await api.ok(D.preview, { i: { kind: 'ADMISSION_DECISION', sourceId: admitted.id } }, cdcs.chair.token)).previewDocument;
    expect(preview).toContain('Số:       /QĐ-CĐCSDHY');
    const issued = (await api.ok(D.issue, { i: { kind: 'ADMISSION_DECISION', sourceId: admitted.id, issuedOn: today } }, cdcs.chair.token)).issueDocument;
    expect(issued.numberLabel).toBe('1/QĐ-CĐCSDHY');
    const doc = await ready(issued.id, cdcs.chair.token);
    const { docx, pdf } = await files(doc, cdcs.chair.token);
    const names = (
      await api.db.query(`SELECT full_name FROM member WHERE admission_decision_id = $1 ORDER BY full_name COLLATE "vietnamese", id`, [admitted.id])
    ).map((r: { full_name: string }) => r.full_name);
    expect(names).toHaveLength(5);
    const xml = await zipEntry(docx, 'word/document.xml');
    const paras = docxParagraphs(xml);
    expect(paras).toContain('Số: 1/QĐ-CĐCSDHY');
    expect(paras).toContain('TM. BAN CHẤP HÀNH');
    expect(paras).toContain('Lê Văn Chủ');
    expect(paras.some((t) => t.startsWith('Điều 1. Kết nạp 5 người lao động'))).toBe(true);
    expect(
      docxRows(xml)
        .filter((r) => names.includes(r[1]))
        .map((r) => r[1]),
    ).toEqual(names);
    const text = squash(pdfText(pdf));
    expect(text).toContain(`Thái Bình, ${dateWords(today)}`);
    const at = names.map((n: string) => text.indexOf(n));
    expect(at.every((i: number) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(firstPagePng(pdf, 'admission-decision')).toBeGreaterThan(5000);
    // Another CĐCS's chair does not see it.
    const stranger = await newCdcs(api, p, 'Công ty Khác');
    expect((await api.ok(D.document, { id: doc.id }, stranger.chair.token)).document).toBeNull();
  });

  it('issues the period report with the figures of the built report and the difficulties the supervisor adds', async () => {
    const month = `${today.slice(0, 7)}-01`;
    const req = await api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      { i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: month } },
      p.supervisor.token,
    );
    const reportId = req.requestReport.id;
    const report = await eventually(async () => {
      const r = (
        await api.ok(
          `query($id: ID!) { report(id: $id) { status figures { newMembers { actual yearToDate target } newGrassrootsUnions { actual yearToDate } coverage { enterprises25Plus withUnion } } } }`,
          { id: reportId },
          p.supervisor.token,
        )
      ).report;
      return r.status === 'READY' ? r : null;
    }, 120_000);
    expect(report.figures.newMembers.actual).toBeGreaterThanOrEqual(5);
    const difficulties = 'Doanh nghiệp FDI chưa hợp tác với công đoàn.\nThiếu cán bộ chuyên trách ở khu công nghiệp Tiền Hải.';
    const issued = (
      await api.ok(
        D.issue,
        { i: { kind: 'PERIOD_REPORT', sourceId: reportId, issuedOn: today, difficulties, proposals: 'Đề nghị LĐLĐ tỉnh hỗ trợ kinh phí.' } },
        p.supervisor.token,
      )
    ).issueDocument;
    expect(issued.numberLabel).toBe('1/BC-CĐN');
    const doc = await ready(issued.id);
    const { docx, pdf } = await files(doc);
    const xml = await zipEntry(docx, 'word/document.xml');
    const row = (label: string) => docxRows(xml).find((r) => r[0] === label)!;
    const f = report.figures;
    expect(row('Đoàn viên kết nạp mới').slice(1, 3)).toEqual([String(f.newMembers.actual), String(f.newMembers.yearToDate)]);
    expect(row('Công đoàn cơ sở thành lập mới').slice(1, 3)).toEqual([String(f.newGrassrootsUnions.actual), String(f.newGrassrootsUnions.yearToDate)]);
    expect(row('Doanh nghiệp từ 25 lao động trở lên')[1]).toBe(String(f.coverage.enterprises25Plus));
    expect(row('Trong đó: đã có công đoàn cơ sở')[1]).toBe(String(f.coverage.withUnion));
    const paras = docxParagraphs(xml);
    expect(paras).toContain('Doanh nghiệp FDI chưa hợp tác với công đoàn.');
    expect(paras).toContain('Thiếu cán bộ chuyên trách ở khu công nghiệp Tiền Hải.');
    expect(paras).toContain('BÁO CÁO');
    const layout = pdfText(pdf, true);
    expect(layout).toMatch(new RegExp(`Đoàn viên kết nạp mới\\s+${f.newMembers.actual}\\s+${f.newMembers.yearToDate}`));
    expect(squash(pdfText(pdf))).toContain('Số: 1/BC-CĐN');
    expect(squash(pdfText(pdf))).toContain('Tiền Hải');
    expect(firstPagePng(pdf, 'period-report')).toBeGreaterThan(5000);
  });
});
