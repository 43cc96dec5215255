import { vnToday, walkToStage } from '../support/case-fixtures';
import { D, docxParagraphs, zipEntry } from '../support/documents';
import { PB } from '../support/plan-budget';
import { heldMeeting } from '../support/review-meetings';
import { Province, TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

jest.setTimeout(300_000);

/**
 * "Nơi nhận" per kind (docs/architecture.md#official-documents): the unit's list, written for its decisions, keeps
 * "Như Điều 3;" in a decision; a plan and a meeting notice have no articles, so they go to their own addressees.
 */
describe('the recipients of each kind of document', () => {
  let api: TestApi;
  let worker: TestWorker;
  let p: Province;
  const today = vnToday();

  /** The "Nơi nhận" block of a built document's DOCX: its paragraphs from "Nơi nhận:" up to the signing authority. */
  async function recipients(id: string): Promise<string[]> {
    const doc = await eventually(
      async () => {
        const d = (await api.ok(D.document, { id }, p.supervisor.token)).document;
        if (d.status === 'FAILED') throw new Error(`build failed: ${d.error}`);
        return d.status === 'READY' ? d : null;
      },
      120_000,
      300,
    );
    const res = await fetch(`${api.url}${doc.docxUrl}`, { headers: { authorization: `Bearer ${p.supervisor.token}` } });
    const paras = docxParagraphs(await zipEntry(Buffer.from(await res.arrayBuffer()), 'word/document.xml'));
    expect(paras.join('\n')).toContain('Nơi nhận:');
    const from = paras.indexOf('Nơi nhận:');
    return paras.slice(from + 1, paras.indexOf('TM. BAN THƯỜNG VỤ', from)).filter((t) => t.startsWith('- '));
  }
  const issue = async (kind: string, sourceId: string) => (await api.ok(D.issue, { i: { kind, sourceId } }, p.supervisor.token)).issueDocument.id;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await TestWorker.start();
    p = await api.newProvince(1);
    const admin = await api.newAdmin();
    await api.ok(
      D.save,
      {
        i: {
          orgUnitId: p.unitId,
          parentLine: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH',
          issuerName: 'CÔNG ĐOÀN NGÀNH Y TẾ',
          shortName: 'CĐNYTTB',
          placeName: 'Thái Bình',
          authorityLine: 'TM. BAN THƯỜNG VỤ',
          signerTitle: 'CHỦ TỊCH',
          signerName: 'Nguyễn Thị Thu Hường',
          recipients: ['Như Điều 3;', 'LĐLĐ tỉnh (để b/c);', 'Lưu: VT, ToC.'],
        },
      },
      admin.token,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('keeps "Như Điều 3" in a decision and leaves it out of a plan and a meeting notice', async () => {
    const year = Number(today.slice(0, 4));
    const plan = (
      await api.ok(
        PB.savePlan,
        {
          i: {
            orgUnitId: p.unitId,
            year,
            number: 'KH tạm',
            issuedOn: today,
            title: `Kế hoạch phát triển đoàn viên năm ${year}`,
            newMembers: 100,
            assignments: [{ officerId: p.officers[0].id, duty: 'Phụ trách huyện Tiền Hải', newMembers: 100 }],
          },
        },
        p.supervisor.token,
      )
    ).savePlan;
    const meetingId = await heldMeeting(api, p, today);
    const caseId = (await walkToStage(api, p, 'RECOGNIZED')).caseId;
    const [planDoc, noticeDoc, decisionDoc] = [
      await issue('PLAN', plan.id),
      await issue('REVIEW_CONCLUSION', meetingId),
      await issue('RECOGNITION_DECISION', caseId),
    ];

    const decision = await recipients(decisionDoc);
    expect(decision).toEqual(['- Như Điều 3;', '- LĐLĐ tỉnh (để b/c);', '- Lưu: VT, ToC.']);
    const planLines = await recipients(planDoc);
    expect(planLines.join('\n')).not.toContain('Như Điều');
    expect(planLines).toEqual(['- Các công đoàn cơ sở trực thuộc;', '- Cán bộ được phân công (để t/h);', '- LĐLĐ tỉnh (để b/c);', '- Lưu: VT, ToC.']);
    const notice = await recipients(noticeDoc);
    expect(notice.join('\n')).not.toContain('Như Điều');
    expect(notice).toContain('- Các đồng chí dự giao ban;');
    expect(notice).toContain('- Lưu: VT, ToC.');
  });
});
