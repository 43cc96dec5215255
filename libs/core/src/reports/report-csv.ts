import { CASE_STAGE_LABEL_VI, OPEN_STAGES } from '@app/domain';
import { ReportSnapshot } from './report-figures';
import { SUMMARY_HEADINGS, formatDateVi, summaryLines } from './report-workbook';

const BOM = '\uFEFF';

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
function field(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The summary as CSV, one tidy table (unit and period repeated on every line so lines stand alone),
 * UTF-8 with a BOM so that Excel reads the Vietnamese diacritics.
 */
export function renderSummaryCsv(s: ReportSnapshot): Buffer {
  const headings = ['Đơn vị', 'Kỳ báo cáo', 'Từ ngày', 'Đến ngày', ...SUMMARY_HEADINGS];
  const open = new Set<string>(OPEN_STAGES);
  const lines = [
    ...summaryLines(s),
    ...s.figures.stages.flatMap((st) => [
      { label: `Hồ sơ ở giai đoạn ${CASE_STAGE_LABEL_VI[st.stage]}`, target: null, actual: st.count, percent: null },
      ...(open.has(st.stage) ? [{ label: `Hồ sơ quá hạn ở giai đoạn ${CASE_STAGE_LABEL_VI[st.stage]}`, target: null, actual: st.overdue, percent: null }] : []),
    ]),
  ];
  const context = [s.unitName, s.figures.periodLabel, formatDateVi(s.period.start), formatDateVi(s.period.end)];
  const rows = [headings, ...lines.map((l) => [...context, l.label, l.target, l.actual, l.percent])];
  return Buffer.from(BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}
