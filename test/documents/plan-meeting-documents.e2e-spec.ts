import { G, addStaff, newCdcs } from '../support/grassroots';
import { addDays, codeOf, errorOf, vnToday, walkToStage } from '../support/case-fixtures';
import { D, dateWords, docxParagraphs, docxRows, firstPagePng, pdfText, zipEntry } from '../support/documents';
import { PB } from '../support/plan-budget';
import { RM, heldMeeting, scheduleMeeting } from '../support/review-meetings';
import { Province, TestApi, TestUser } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

jest.setTimeout(300_000);

const SETTINGS = {
  parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
  issuerName: 'CÔNG ĐOÀN NGÀNH Y TẾ',
  shortName: 'CĐYT',
  placeName: 'Thái Bình',
  authorityLine: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Thị Thu Hường',
  recipients: ['LĐLĐ tỉnh (để b/c);', 'Các đồng chí cán bộ;', 'Lưu: VT.'],
};
const squash = (s: string) => s.replace(/\s+/g, ' ');
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

describe('official documents of the plan, the review meeting and the admission register', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  let other: Province;
  let admin: TestUser;
  let names: string[];
  const today = vnToday();
  const year = Number(today.slice(0, 4));

  const get = (path: string, token: string) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function built(id: string, token = p.supervisor.token) {
    const doc = await eventually(
      async () => {
        const d = (await api.ok(D.document, { id }, token)).document;
        if (d.status === 'FAILED') throw new Error(`build failed: ${d.error}`);
        return d.status === 'READY' ? d : null;
      },
      120_000,
      300,
    );
    const docx = Buffer.from(await (await get(doc.docxUrl, token)).arrayBuffer());
    const pdf = Buffer.from(await (await get(doc.pdfUrl, token)).arrayBuffer());
    const xml = await zipEntry(docx, 'word/document.xml');
    return { xml, paras: docxParagraphs(xml), rows: docxRows(xml), pdf, text: squash(pdfText(pdf)) };
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(2);
    other = await api.newProvince(1);
    admin = await api.newAdmin();
    await api.ok(D.save, { i: { orgUnitId: p.unitId, ...SETTINGS } }, admin.token);
    await walkToStage(api, p, 'RECOGNIZED');
    names = (
      await api.db.query(`SELECT full_name FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [p.officers.map((o) => o.id)])
    ).map((r: { full_name: string }) => r.full_name);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("issues the year's plan from its latest version: KH number from the register, targets and duties as tables; the plan takes the number", async () => {
    const plan = (
      await api.ok(
        PB.savePlan,
        {
          i: {
            orgUnitId: p.unitId,
            year,
            number: '256/KH-CĐYT',
            issuedOn: today,
            title: `Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm ${year}`,
            newMembers: 1300,
            newGrassrootsUnions: 2,
            coveragePercent: 100,
            assignments: [
              { officerId: p.officers[0].id, duty: 'Phụ trách huyện Tiền Hải và Kiến Xương', newMembers: 700, newGrassrootsUnions: 1 },
              { officerId: p.officers[1].id, duty: 'Phụ trách khu công nghiệp Phúc Khánh', newMembers: 600, newGrassrootsUnions: 1 },
            ],
          },
        },
        p.supervisor.token,
      )
    ).savePlan;
    // An officer reads the plan but does not issue it; another province does not see it.
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'PLAN', sourceId: plan.id } }, p.officers[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'PLAN', sourceId: plan.id } }, other.supervisor.token))).toBe('NOT_FOUND');
    const issued = (await api.ok(D.issue, { i: { kind: 'PLAN', sourceId: plan.id, issuedOn: today } }, p.supervisor.token)).issueDocument;
    expect(issued).toMatchObject({ number: 1, numberLabel: '1/KH-CĐYT', issuedOn: today });
    // The plan version carries the document's number and day; the typed one is kept.
    const now = (await api.ok(PB.plan, { u: p.unitId, y: year }, p.officers[0].token)).plan;
    expect(now).toMatchObject({ version: 1, number: '1/KH-CĐYT', issuedOn: today });
    expect((await api.db.query(`SELECT typed_number FROM work_plan WHERE id = $1`, [plan.id]))[0].typed_number).toBe('256/KH-CĐYT');
    const again = await api.gql(D.issue, { i: { kind: 'PLAN', sourceId: plan.id } }, p.supervisor.token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain('đã có văn bản số 1/KH-CĐYT');

    const { paras, rows, pdf, text } = await built(issued.id);
    for (const expected of [
      'CÔNG ĐOÀN NGÀNH Y TẾ',
      'Số: 1/KH-CĐYT',
      `Thái Bình, ${dateWords(today)}`,
      'KẾ HOẠCH',
      `Phát triển đoàn viên, thành lập công đoàn cơ sở năm ${year}`,
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỈ TIÊU',
      'III. PHÂN CÔNG THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Nguyễn Thị Thu Hường',
    ]) {
      expect(paras).toContain(expected);
    }
    expect(rows).toContainEqual(['1', 'Kết nạp đoàn viên công đoàn mới', 'Đoàn viên', '1.300']);
    expect(rows).toContainEqual(['2', 'Thành lập công đoàn cơ sở mới', 'CĐCS', '2']);
    expect(rows).toContainEqual(['3', 'Doanh nghiệp từ 25 lao động trở lên có tổ chức công đoàn', '%', '100']);
    expect(rows).toContainEqual(['1', names[0], 'Phụ trách huyện Tiền Hải và Kiến Xương', '700', '1']);
    expect(rows).toContainEqual(['2', names[1], 'Phụ trách khu công nghiệp Phúc Khánh', '600', '1']);
    for (const expected of [
      'Số: 1/KH-CĐYT',
      `Thái Bình, ${dateWords(today)}`,
      'KẾ HOẠCH',
      'Phụ trách huyện Tiền Hải',
      'Kiến Xương',
      names[1],
      '1.300',
      'Nguyễn Thị Thu Hường',
    ]) {
      expect(text).toContain(expected);
    }
    expect(firstPagePng(pdf, 'plan')).toBeGreaterThan(5000);

    // A new version is issued with the next number; the older version no longer is.
    const v2 = (
      await api.ok(
        PB.savePlan,
        { i: { orgUnitId: p.unitId, year, number: now.number, issuedOn: today, title: now.title, newMembers: 1400, baseVersion: 1 } },
        p.supervisor.token,
      )
    ).savePlan;
    const old = await api.gql(D.issue, { i: { kind: 'PLAN', sourceId: plan.id } }, p.supervisor.token);
    expect(codeOf(old)).toBe('CONFLICT');
    expect(old.errors![0].message).toContain('phiên bản mới nhất');
    expect((await api.ok(D.issue, { i: { kind: 'PLAN', sourceId: v2.id } }, p.supervisor.token)).issueDocument.numberLabel).toBe('2/KH-CĐYT');
  });

  it("issues the notice of a held meeting's conclusions: its frozen figures, minutes and action items with owners and days", async () => {
    const scheduled = await scheduleMeeting(api, p, addDays(today, 3));
    const early = await api.gql(D.issue, { i: { kind: 'REVIEW_CONCLUSION', sourceId: scheduled } }, p.supervisor.token);
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].message).toContain('đã họp');
    const due = addDays(today, 10);
    const minutes = 'Kết nạp đoàn viên vượt tiến độ quý.\nĐẩy nhanh hồ sơ thành lập công đoàn cơ sở ở Tiền Hải.';
    const id = await heldMeeting(
      api,
      p,
      today,
      [{ what: 'Gặp Giám đốc Công ty May Đức Giang về việc thành lập CĐCS', assigneeId: p.officers[1].id, dueOn: due }],
      minutes,
    );
    const snap = (await api.ok(RM.get, { id }, p.supervisor.token)).reviewMeeting.snapshot;
    expect(snap.newMembers.yearToDate).toBeGreaterThanOrEqual(5);
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'REVIEW_CONCLUSION', sourceId: id } }, other.supervisor.token))).toBe('NOT_FOUND');
    const issued = (await api.ok(D.issue, { i: { kind: 'REVIEW_CONCLUSION', sourceId: id, issuedOn: today } }, p.supervisor.token)).issueDocument;
    expect(issued.numberLabel).toBe('1/TB-CĐYT');
    // The officers of the unit read it.
    expect((await api.ok(D.documents, { k: 'REVIEW_CONCLUSION', s: id }, p.officers[0].token)).documents).toHaveLength(1);

    const { paras, rows, pdf, text } = await built(issued.id);
    for (const expected of [
      'Số: 1/TB-CĐYT',
      `Thái Bình, ${dateWords(today)}`,
      'THÔNG BÁO',
      `Kết luận giao ban công tác phát triển đoàn viên, thành lập công đoàn cơ sở ngày ${dmy(today)}`,
      `I. KẾT QUẢ ĐẾN NGÀY ${dmy(snap.asOf)}`,
      'Kết nạp đoàn viên vượt tiến độ quý.',
      'Đẩy nhanh hồ sơ thành lập công đoàn cơ sở ở Tiền Hải.',
      'III. NHIỆM VỤ TRIỂN KHAI',
      `Hồ sơ thành lập công đoàn cơ sở đang mở: ${snap.openCases}, trong đó quá hạn: ${snap.overdueCases}.`,
    ]) {
      expect(paras).toContain(expected);
    }
    // Whole numbers with the Vietnamese thousands dot, as the document writes them.
    const target = (n: number | null) => (n === null ? '' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
    expect(rows.find((r) => r[0] === 'Đoàn viên kết nạp mới')!.slice(1, 3)).toEqual([String(snap.newMembers.yearToDate), target(snap.newMembers.target)]);
    expect(rows.find((r) => r[0] === 'Công đoàn cơ sở thành lập mới')![1]).toBe(String(snap.newGrassrootsUnions.yearToDate));
    expect(rows.find((r) => r[0] === 'Doanh nghiệp từ 25 lao động trở lên có công đoàn')![1]).toBe(
      `${snap.coverage.withUnion}/${snap.coverage.enterprises25Plus}`,
    );
    expect(rows).toContainEqual(['1', 'Gặp Giám đốc Công ty May Đức Giang về việc thành lập CĐCS', names[1], dmy(due)]);
    for (const o of snap.officers) expect(rows.find((r) => r[0] === o.fullName)!.slice(1, 3)).toEqual([String(o.openCases), String(o.overdueCases)]);
    for (const expected of ['Số: 1/TB-CĐYT', 'THÔNG BÁO', 'Gặp Giám đốc Công ty May Đức', names[1], dmy(due), 'Tiền Hải']) expect(text).toContain(expected);
    expect(firstPagePng(pdf, 'review-conclusion')).toBeGreaterThan(5000);
  });

  it("links the admission batch to the CĐCS's register: no typed number takes the next one with the document; a typed one is replaced at issue", async () => {
    const cdcs = await newCdcs(api, p, 'Công ty May Đức Giang');
    const defaults = (await api.ok(D.settings, { u: cdcs.id }, cdcs.chair.token)).documentSettings;
    await api.ok(
      D.save,
      { i: { ...defaults, own: undefined, inheritedFrom: undefined, shortName: 'CĐCSMĐG', signerName: 'Trần Thị Hằng', signerTitle: 'CHỦ TỊCH' } },
      admin.token,
    );
    const staff = await addStaff(api, cdcs, 6);
    const count = async () => (await api.db.query(`SELECT count(*)::int AS n FROM admission_decision WHERE grassroots_union_id = $1`, [cdcs.id]))[0].n;

    // A typed number in the register's form, or another signer than the settings', is refused and changes nothing.
    const lookalike = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: cdcs.id, decisionNumber: '7/QĐ-CĐCSMĐG', decidedOn: today, signer: 'Trần Thị Hằng', memberIds: staff.slice(0, 2) } },
      cdcs.chair.token,
    );
    expect(codeOf(lookalike)).toBe('BAD_USER_INPUT');
    expect(errorOf(lookalike).fields).toEqual(['decisionNumber']);
    expect(lookalike.errors![0].message).toContain('để trống');
    const otherSigner = await api.gql(
      G.admit,
      { i: { grassrootsUnionId: cdcs.id, decidedOn: today, signer: 'Lê Văn Khác', memberIds: staff.slice(0, 2) } },
      cdcs.chair.token,
    );
    expect(errorOf(otherSigner).fields).toEqual(['signer']);
    expect(await count()).toBe(0);

    // No number: the register gives 1/QĐ-CĐCSMĐG to the batch, its members and its decision document, on the batch's day.
    const auto = (await api.ok(G.admit, { i: { grassrootsUnionId: cdcs.id, decidedOn: today, memberIds: staff.slice(0, 2) } }, cdcs.chair.token)).admitMembers;
    expect(auto).toMatchObject({ number: '1/QĐ-CĐCSMĐG', signer: 'Trần Thị Hằng', decidedOn: today });
    expect(auto.members.map((m: { decisionNumber: string }) => m.decisionNumber)).toEqual(['1/QĐ-CĐCSMĐG', '1/QĐ-CĐCSMĐG']);
    const [autoDoc] = (await api.ok(D.documents, { k: 'ADMISSION_DECISION', s: auto.id }, cdcs.chair.token)).documents;
    expect(autoDoc).toMatchObject({ numberLabel: '1/QĐ-CĐCSMĐG', number: 1 });
    const { paras, text } = await built(autoDoc.id, cdcs.chair.token);
    expect(paras).toContain('Số: 1/QĐ-CĐCSMĐG');
    expect(paras).toContain('Trần Thị Hằng');
    expect(text).toContain(`Thái Bình, ${dateWords(today)}`);

    // A number typed by hand (a paper decision): the document takes the register's next number and the batch records it.
    const typed = (
      await api.ok(
        G.admit,
        { i: { grassrootsUnionId: cdcs.id, decisionNumber: 'Số 15/2026 (giấy)', decidedOn: today, signer: 'Trần Thị Hằng', memberIds: staff.slice(2, 4) } },
        cdcs.chair.token,
      )
    ).admitMembers;
    expect(typed.number).toBe('Số 15/2026 (giấy)');
    const otherDay = await api.gql(D.issue, { i: { kind: 'ADMISSION_DECISION', sourceId: typed.id, issuedOn: addDays(today, -1) } }, cdcs.chair.token);
    expect(errorOf(otherDay).fields).toEqual(['issuedOn']);
    expect(otherDay.errors![0].message).toContain('ngày của đợt kết nạp');
    const doc = (await api.ok(D.issue, { i: { kind: 'ADMISSION_DECISION', sourceId: typed.id } }, cdcs.chair.token)).issueDocument;
    expect(doc).toMatchObject({ numberLabel: '2/QĐ-CĐCSMĐG', issuedOn: today });
    const batch = async () =>
      (
        await api.db.query(
          `SELECT d.number, d.typed_number, array_agg(DISTINCT m.decision_number) AS members FROM admission_decision d JOIN member m ON m.admission_decision_id = d.id
            WHERE d.id = $1 GROUP BY d.id`,
          [typed.id],
        )
      )[0];
    expect(await batch()).toEqual({ number: '2/QĐ-CĐCSMĐG', typed_number: 'Số 15/2026 (giấy)', members: ['2/QĐ-CĐCSMĐG'] });
    expect(codeOf(await api.gql(D.issue, { i: { kind: 'ADMISSION_DECISION', sourceId: typed.id } }, cdcs.chair.token))).toBe('CONFLICT');
    // Cancelled, it keeps its number; the next document gives the batch the next one, the typed number stays on record.
    await api.ok(D.cancel, { i: { id: doc.id, reason: 'Sai ngày sinh một đoàn viên' } }, cdcs.chair.token);
    expect((await api.ok(D.issue, { i: { kind: 'ADMISSION_DECISION', sourceId: typed.id } }, cdcs.chair.token)).issueDocument.numberLabel).toBe('3/QĐ-CĐCSMĐG');
    expect(await batch()).toEqual({ number: '3/QĐ-CĐCSMĐG', typed_number: 'Số 15/2026 (giấy)', members: ['3/QĐ-CĐCSMĐG'] });

    // A batch of an earlier day than the register's last document cannot take a number out of order.
    const late = await api.gql(G.admit, { i: { grassrootsUnionId: cdcs.id, decidedOn: addDays(today, -1), memberIds: staff.slice(4, 6) } }, cdcs.chair.token);
    // (On 1 January the day before is in another year's register.)
    const sameYear = today.slice(0, 4) === addDays(today, -1).slice(0, 4);
    expect(sameYear ? errorOf(late).messages.decidedOn : 'Ngày quyết định không được trước').toMatch(/^Ngày quyết định không được trước/);
    expect(await count()).toBe(sameYear ? 2 : 3);
    const numbers = (await api.ok(D.documents, { k: 'ADMISSION_DECISION', s: typed.id }, cdcs.chair.token)).documents.map((d: { number: number }) => d.number);
    expect(numbers).toEqual([3, 2]);
  });

  it("signs a numbered admission with the signer typed in the form where the CĐCS's settings name nobody", async () => {
    const cdcs = await newCdcs(api, p, 'Công ty Dệt Thái Bình');
    // Its settings are its upper union's, less the signer (each unit has its own).
    const defaults = (await api.ok(D.settings, { u: cdcs.id }, cdcs.chair.token)).documentSettings;
    expect(defaults).toMatchObject({ own: false, signerName: '' });
    const staff = await addStaff(api, cdcs, 2);
    // Nobody to sign: the form's signer field is asked for (not the admin's settings), and nothing is written.
    const unsigned = await api.gql(G.admit, { i: { grassrootsUnionId: cdcs.id, decidedOn: today, memberIds: staff } }, cdcs.chair.token);
    expect(codeOf(unsigned)).toBe('BAD_USER_INPUT');
    expect(errorOf(unsigned).fields).toEqual(['signer']);
    expect(unsigned.errors![0].message).toContain('nhập họ tên người ký');
    expect((await api.db.query(`SELECT count(*)::int AS n FROM admission_decision WHERE grassroots_union_id = $1`, [cdcs.id]))[0].n).toBe(0);

    const signed = (await api.ok(G.admit, { i: { grassrootsUnionId: cdcs.id, decidedOn: today, signer: 'Ngô Văn Ký', memberIds: staff } }, cdcs.chair.token))
      .admitMembers;
    expect(signed).toMatchObject({ number: `1/QĐ-${defaults.shortName}`, signer: 'Ngô Văn Ký' });
    const [doc] = (await api.ok(D.documents, { k: 'ADMISSION_DECISION', s: signed.id }, cdcs.chair.token)).documents;
    const { paras } = await built(doc.id, cdcs.chair.token);
    expect(paras).toContain('Ngô Văn Ký');
    expect(paras).toContain(`Số: 1/QĐ-${defaults.shortName}`);
  });
});
