import { STAGE_LABELS, TARGET_COLUMNS, coverageTextVi, formatDateVi } from '@app/domain';
import { ReportSnapshot } from './report-figures';

/**
 * The summary's rows, shared by the XLSX sheet and the CSV so they say the same. A month, quarter or
 * half-year is compared with the year's target through its year-to-date result
 * (docs/architecture.md#honest-period-figures).
 */
export interface SummaryLine {
  label: string;
  period: number | null;
  yearToDate: number | null;
  yearTarget: number | null;
  percentOfYearTarget: number | null;
  note: string;
}

export const NOTE_HEADING = 'Ghi chú';
export const SUMMARY_HEADINGS = [...Object.values(TARGET_COLUMNS), NOTE_HEADING];

const yearStart = (s: ReportSnapshot) => `${s.period.start.slice(0, 4)}-01-01`;

export function summaryLines(s: ReportSnapshot): SummaryLine[] {
  const f = s.figures;
  const against = `Lũy kế từ ${formatDateVi(yearStart(s))} đến ${formatDateVi(s.period.end)} so với kế hoạch năm`;
  // Reports built before the year-to-date result was kept have none: left blank rather than guessed.
  const target = (label: string, t: typeof f.newMembers): SummaryLine => ({
    label,
    period: t.actual,
    yearToDate: t.yearToDate ?? null,
    yearTarget: t.target,
    percentOfYearTarget: t.percentOfYearTarget ?? null,
    note: t.yearToDate === undefined ? '' : against,
  });
  const count = (label: string, n: number | null, note = ''): SummaryLine => ({
    label,
    period: n,
    yearToDate: null,
    yearTarget: null,
    percentOfYearTarget: null,
    note,
  });
  return [
    target('Đoàn viên kết nạp mới', f.newMembers),
    target('Công đoàn cơ sở thành lập mới', f.newGrassrootsUnions),
    count('Doanh nghiệp từ 25 lao động trở lên', f.coverage.enterprises25Plus),
    count('Trong đó: đã có công đoàn cơ sở', f.coverage.withUnion),
    // One percent, with the target percent in the year-target column, never a percent of it.
    { ...count('Tỷ lệ doanh nghiệp từ 25 lao động trở lên có CĐCS (%)', f.coverage.percent, coverageTextVi(f.coverage)), yearTarget: f.coverage.targetPercent },
    count('Hồ sơ thành lập quá hạn', f.overdueCases),
  ];
}

/** The stages' rows of the CSV (the XLSX has them as their own table). */
export function stageLines(s: ReportSnapshot, open: ReadonlySet<string>): SummaryLine[] {
  return s.figures.stages.flatMap((st) => [
    { label: `Hồ sơ ở giai đoạn ${STAGE_LABELS[st.stage]}`, period: st.count, yearToDate: null, yearTarget: null, percentOfYearTarget: null, note: '' },
    ...(open.has(st.stage)
      ? [
          {
            label: `Hồ sơ quá hạn ở giai đoạn ${STAGE_LABELS[st.stage]}`,
            period: st.overdue,
            yearToDate: null,
            yearTarget: null,
            percentOfYearTarget: null,
            note: '',
          },
        ]
      : []),
  ]);
}

/** What the report compares and how it counts, in Vietnamese: the XLSX's notes sheet. */
export function reportNotesVi(s: ReportSnapshot): string[] {
  const [from, to, asOf, jan1] = [s.period.start, s.period.end, s.figures.asOf, yearStart(s)].map(formatDateVi);
  return [
    `Chỉ tiêu được giao theo năm, đơn vị không đặt chỉ tiêu riêng cho tháng, quý hay 6 tháng. Báo cáo so sánh kết quả lũy kế từ đầu năm (từ ${jan1} đến ${to}) với kế hoạch năm, không chia nhỏ chỉ tiêu năm theo kỳ.`,
    `Cột «${TARGET_COLUMNS.period}»: kết quả trong kỳ báo cáo, từ ${from} đến ${to}. Cột «${TARGET_COLUMNS.yearToDate}»: từ ${jan1} đến ${to}. Cột «${TARGET_COLUMNS.percentOfYearTarget}» = ${TARGET_COLUMNS.yearToDate} : ${TARGET_COLUMNS.yearTarget} × 100.`,
    `Tỷ lệ doanh nghiệp từ 25 lao động trở lên có công đoàn cơ sở tính tại ngày ${asOf}: số doanh nghiệp có CĐCS trên tổng số doanh nghiệp, ghi bên cạnh tỷ lệ chỉ tiêu năm (không tính phần trăm của tỷ lệ phần trăm).`,
    'Đoàn viên mới tính theo ngày kết nạp; CĐCS mới tính theo ngày quyết định công nhận; hồ sơ quá hạn là hồ sơ đang mở đã quá hạn của giai đoạn tại ngày tính số liệu.',
    'Ngày ghi theo dạng dd/mm/yyyy. Tệp CSV ghi số thập phân bằng dấu phẩy và ngăn cách các cột bằng dấu chấm phẩy (;).',
  ];
}
