// The year's plan ("Kế hoạch", symbol KH) and the notice of a review meeting's conclusions ("Thông báo", symbol TB),
// in the layout of Decree 30/2020/NĐ-CP as the union applies it. See docs/architecture.md#official-documents.
import { formatMoneyVi } from './money';
import { DocumentBlock, DocumentKind, DocumentLayout, LayoutHead, PlanFacts, ReviewConclusionFacts } from './official-document-types';
import { dmy, formatCountVi, headOf, para } from './official-document-parts';

type Table = Extract<DocumentBlock, { kind: 'table' }>;
const count = (n: number | null) => (n === null ? '' : formatCountVi(n));
const lines = (text: string, none: string) => (text.trim() ? text.trim().split(/\n+/) : [none]).map((t) => para(t.trim()));

/** "Kế hoạch phát triển đoàn viên năm 2026" → "Phát triển đoàn viên năm 2026": the word "KẾ HOẠCH" is the title. */
export function planSummary(title: string): string {
  const rest = title
    .normalize('NFC')
    .trim()
    .replace(/^kế hoạch\s+/iu, '');
  return rest ? rest[0].toUpperCase() + rest.slice(1) : title;
}

/** The plan: purpose, the unit's targets as a table, the officers' duties and targets, how it is carried out. */
export function planLayout(h: LayoutHead, f: PlanFacts): DocumentLayout {
  const targets: string[][] = [];
  if (f.newMembers !== null) targets.push(['Kết nạp đoàn viên công đoàn mới', 'Đoàn viên', count(f.newMembers)]);
  if (f.newGrassrootsUnions !== null) targets.push(['Thành lập công đoàn cơ sở mới', 'CĐCS', count(f.newGrassrootsUnions)]);
  if (f.coveragePercent !== null) targets.push(['Doanh nghiệp từ 25 lao động trở lên có tổ chức công đoàn', '%', count(f.coveragePercent)]);
  const targetTable: Table = {
    kind: 'table',
    headers: ['STT', 'Chỉ tiêu', 'Đơn vị tính', `Năm ${f.year}`],
    widths: [8, 58, 16, 18],
    rows: targets.map((r, i) => [String(i + 1), ...r]),
  };
  const dutyTable: Table = {
    kind: 'table',
    headers: ['STT', 'Cán bộ', 'Nhiệm vụ', 'Đoàn viên', 'CĐCS'],
    widths: [8, 26, 42, 12, 12],
    rows: f.assignments.map((a, i) => [String(i + 1), a.officerName, a.duty, count(a.newMembers), count(a.newGrassrootsUnions)]),
  };
  return {
    ...headOf(DocumentKind.PLAN, h),
    title: 'KẾ HOẠCH',
    summary: planSummary(f.title),
    body: [
      para(
        `Thực hiện Điều lệ Công đoàn Việt Nam và chương trình phát triển đoàn viên, thành lập công đoàn cơ sở của công đoàn cấp trên, ${f.unitName} xây dựng kế hoạch năm ${f.year} như sau:`,
      ),
      para('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
      para(
        '1. Mục đích: phát triển đoàn viên, thành lập công đoàn cơ sở tại các doanh nghiệp trên địa bàn; phấn đấu mọi doanh nghiệp có từ 25 lao động trở lên có tổ chức công đoàn.',
      ),
      para(
        '2. Yêu cầu: giao chỉ tiêu, phân công cụ thể cho từng cán bộ; bám sát địa bàn, giao ban định kỳ đánh giá kết quả; hoàn thành các chỉ tiêu được giao.',
      ),
      para('II. CHỈ TIÊU', { bold: true }),
      ...(targets.length ? [targetTable] : [para('Chưa giao chỉ tiêu.')]),
      para('III. PHÂN CÔNG THỰC HIỆN', { bold: true }),
      ...(f.assignments.length ? [dutyTable] : [para('Chưa phân công cán bộ.')]),
      para('IV. TỔ CHỨC THỰC HIỆN', { bold: true }),
      para(
        '1. Các đồng chí cán bộ được phân công xây dựng lịch làm việc, theo dõi hồ sơ thành lập công đoàn cơ sở và báo cáo kết quả tại các cuộc giao ban hằng tháng.',
      ),
      para('2. Định kỳ giao ban đánh giá tiến độ; sơ kết 6 tháng, tổng kết năm; khen thưởng cán bộ hoàn thành tốt nhiệm vụ.'),
      para('3. Trong quá trình thực hiện, có khó khăn, vướng mắc báo cáo lãnh đạo đơn vị để xem xét, giải quyết.'),
      para(`Trên đây là Kế hoạch năm ${f.year} của ${f.unitName}./.`),
    ],
    annex: null,
  };
}

/** The notice of a held meeting's conclusions: its frozen figures, the minutes, the action items with owners and days. */
export function reviewConclusionLayout(h: LayoutHead, f: ReviewConclusionFacts): DocumentLayout {
  const progress = (p: ReviewConclusionFacts['newMembers']) => [count(p.yearToDate), count(p.target), count(p.percentOfYearTarget)];
  const c = f.coverage;
  const figures: Table = {
    kind: 'table',
    headers: ['Chỉ tiêu', 'Kết quả từ đầu năm', 'Kế hoạch năm', 'Tỷ lệ (%)'],
    widths: [46, 18, 18, 18],
    rows: [
      ['Đoàn viên kết nạp mới', ...progress(f.newMembers)],
      ['Công đoàn cơ sở thành lập mới', ...progress(f.newGrassrootsUnions)],
      [
        'Doanh nghiệp từ 25 lao động trở lên có công đoàn',
        `${count(c.withUnion)}/${count(c.enterprises25Plus)}`,
        c.targetPercent === null ? '' : `${count(c.targetPercent)}%`,
        count(c.percent),
      ],
    ],
  };
  const officers: Table = {
    kind: 'table',
    headers: ['Cán bộ', 'Hồ sơ đang mở', 'Quá hạn', 'CĐCS được công nhận', 'Đoàn viên kết nạp', 'Kế hoạch đoàn viên'],
    widths: [30, 14, 12, 15, 15, 14],
    rows: f.officers.map((o) => [
      o.fullName,
      count(o.openCases),
      count(o.overdueCases),
      count(o.recognitions),
      count(o.membersAdmitted),
      count(o.targetMembers),
    ]),
  };
  const items: Table = {
    kind: 'table',
    headers: ['STT', 'Nội dung công việc', 'Người thực hiện', 'Thời hạn'],
    widths: [8, 50, 24, 18],
    rows: f.actionItems.map((a, i) => [String(i + 1), a.what, a.assigneeName, dmy(a.dueOn)]),
  };
  return {
    ...headOf(DocumentKind.REVIEW_CONCLUSION, h),
    title: 'THÔNG BÁO',
    summary: `Kết luận giao ban công tác phát triển đoàn viên, thành lập công đoàn cơ sở ngày ${dmy(f.day)}`,
    body: [
      para(
        `Ngày ${dmy(f.day)}, ${f.unitName} tổ chức giao ban${f.meetingTitle ? ` (${f.meetingTitle})` : ''} đánh giá kết quả phát triển đoàn viên, thành lập công đoàn cơ sở. Đồng chí ${f.chairName} chủ trì. Sau khi nghe báo cáo và ý kiến của các đồng chí dự họp, đồng chí chủ trì kết luận như sau:`,
      ),
      para(`I. KẾT QUẢ ĐẾN NGÀY ${dmy(f.asOf)}`, { bold: true }),
      figures,
      para(`Hồ sơ thành lập công đoàn cơ sở đang mở: ${count(f.openCases)}, trong đó quá hạn: ${count(f.overdueCases)}.`),
      ...(f.budgetSpent === null ? [] : [para(`Kinh phí đã chi từ đầu năm: ${formatMoneyVi(f.budgetSpent)}.`)]),
      ...(f.officers.length ? [para('Kết quả của từng cán bộ:', { italic: true }), officers] : []),
      para('II. Ý KIẾN KẾT LUẬN', { bold: true }),
      ...lines(f.minutes, 'Không có.'),
      para('III. NHIỆM VỤ TRIỂN KHAI', { bold: true }),
      ...(f.actionItems.length ? [items] : [para('Không giao nhiệm vụ mới.')]),
      para(`${f.unitName} thông báo để các đồng chí cán bộ biết, thực hiện./.`),
    ],
    annex: null,
  };
}
