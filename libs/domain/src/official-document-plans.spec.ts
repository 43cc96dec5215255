import { DocumentKind, defaultDocumentSettings, documentNumberLabel, layoutDocument, layoutText } from './official-documents';
import { planSummary } from './official-document-plans';

const head = {
  settings: {
    ...defaultDocumentSettings({ name: 'Công đoàn ngành Y tế', parentName: 'Liên đoàn Lao động tỉnh Thái Bình', kind: 'SECTOR' }),
    signerName: 'Lê Thị Hà',
  },
  numberLabel: '3/KH-CĐNYT',
  issuedOn: '2026-02-05',
};

describe('the plan document', () => {
  it('numbers plans KH and meeting notices TB', () => {
    expect(documentNumberLabel(3, DocumentKind.PLAN, 'CĐNYT')).toBe('3/KH-CĐNYT');
    expect(documentNumberLabel(1, DocumentKind.REVIEW_CONCLUSION, 'CĐNYT')).toBe('1/TB-CĐNYT');
  });

  it('drops "Kế hoạch" from the summary line (it is the title) and capitalises what is left', () => {
    expect(planSummary('Kế hoạch phát triển đoàn viên năm 2026')).toBe('Phát triển đoàn viên năm 2026');
    expect(planSummary('KẾ HOẠCH phát triển đoàn viên')).toBe('Phát triển đoàn viên');
    expect(planSummary('phát triển đoàn viên')).toBe('Phát triển đoàn viên');
  });

  it('lays out the sections with the targets and the duties as tables, leaving out targets not set', () => {
    const l = layoutDocument(head, {
      kind: DocumentKind.PLAN,
      facts: {
        unitName: 'Công đoàn ngành Y tế',
        year: 2026,
        title: 'Kế hoạch phát triển đoàn viên năm 2026',
        newMembers: 1300,
        newGrassrootsUnions: null,
        coveragePercent: 92.5,
        assignments: [{ officerName: 'Đỗ Văn Hùng', duty: 'Huyện Tiền Hải', newMembers: 700, newGrassrootsUnions: null }],
      },
    });
    const text = layoutText(l);
    expect(l.title).toBe('KẾ HOẠCH');
    expect(text).toContain('Số: 3/KH-CĐNYT');
    expect(text).toContain('ngày 05 tháng 02 năm 2026');
    for (const s of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. CHỈ TIÊU', 'III. PHÂN CÔNG THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN']) expect(text).toContain(s);
    const tables = l.body.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['1', 'Kết nạp đoàn viên công đoàn mới', 'Đoàn viên', '1.300'],
        ['2', 'Doanh nghiệp từ 25 lao động trở lên có tổ chức công đoàn', '%', '92,5'],
      ],
      [['1', 'Đỗ Văn Hùng', 'Huyện Tiền Hải', '700', '']],
    ]);
  });

  it('says so when there are no targets and no duties', () => {
    const text = layoutText(
      layoutDocument(head, {
        kind: DocumentKind.PLAN,
        facts: { unitName: 'X', year: 2026, title: 'Kế hoạch', newMembers: null, newGrassrootsUnions: null, coveragePercent: null, assignments: [] },
      }),
    );
    expect(text).toContain('Chưa giao chỉ tiêu.');
    expect(text).toContain('Chưa phân công cán bộ.');
  });
});

describe('the meeting notice', () => {
  const facts = {
    unitName: 'Công đoàn ngành Y tế',
    day: '2026-03-31',
    meetingTitle: 'Giao ban quý I',
    chairName: 'Lê Thị Hà',
    asOf: '2026-03-31',
    newMembers: { yearToDate: 1234, target: 1300, percentOfYearTarget: 94.92 },
    newGrassrootsUnions: { yearToDate: 1, target: null, percentOfYearTarget: null },
    coverage: { enterprises25Plus: 20, withUnion: 15, percent: 75, targetPercent: 100 },
    openCases: 6,
    overdueCases: 2,
    budgetSpent: '1250000',
    officers: [{ fullName: 'Đỗ Văn Hùng', openCases: 4, overdueCases: 1, recognitions: 1, membersAdmitted: 30, targetMembers: 700 }],
    minutes: 'Dòng một.\n\nDòng hai.',
    actionItems: [{ what: 'Gặp doanh nghiệp', assigneeName: 'Đỗ Văn Hùng', dueOn: '2026-04-15' }],
  };

  it("writes the frozen figures, each officer's row, the minutes a line a paragraph and the items with owners and days", () => {
    const l = layoutDocument({ ...head, numberLabel: '1/TB-CĐNYT' }, { kind: DocumentKind.REVIEW_CONCLUSION, facts });
    const text = layoutText(l);
    expect(l.title).toBe('THÔNG BÁO');
    expect(l.summary).toBe('Kết luận giao ban công tác phát triển đoàn viên, thành lập công đoàn cơ sở ngày 31/03/2026');
    expect(text).toContain('Đoàn viên kết nạp mới | 1.234 | 1.300 | 94,92');
    expect(text).toContain('Công đoàn cơ sở thành lập mới | 1 |  | ');
    expect(text).toContain('Doanh nghiệp từ 25 lao động trở lên có công đoàn | 15/20 | 100% | 75');
    expect(text).toContain('Kinh phí đã chi từ đầu năm: 1.250.000 đ.');
    expect(text).toContain('Đỗ Văn Hùng | 4 | 1 | 1 | 30 | 700');
    expect(text).toContain('(Giao ban quý I)');
    expect(text).toContain('\nDòng một.\nDòng hai.\n');
    expect(text).toContain('1 | Gặp doanh nghiệp | Đỗ Văn Hùng | 15/04/2026');
  });

  it('leaves out the budget without one and says when no items were given', () => {
    const text = layoutText(layoutDocument(head, { kind: DocumentKind.REVIEW_CONCLUSION, facts: { ...facts, budgetSpent: null, actionItems: [] } }));
    expect(text).not.toContain('Kinh phí');
    expect(text).toContain('Không giao nhiệm vụ mới.');
  });
});
