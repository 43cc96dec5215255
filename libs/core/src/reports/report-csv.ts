import { OPEN_STAGES, formatDateVi } from '@app/domain';
import { ReportSnapshot } from './report-figures';
import { SUMMARY_HEADINGS, stageLines, summaryLines } from './report-summary';

const BOM = '\uFEFF';

/**
 * How the CSV writes numbers: `comma` (the default, as Vietnamese spreadsheets read them: 66,67, the
 * fields separated by `;`) or `dot` (66.67, the fields separated by `,`).
 */
export type CsvDecimal = 'comma' | 'dot';
export const CSV_DECIMALS: readonly CsvDecimal[] = ['comma', 'dot'];
const FORMAT: Record<CsvDecimal, { point: string; separator: string }> = {
  comma: { point: ',', separator: ';' },
  dot: { point: '.', separator: ',' },
};

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
function field(v: string | number | null, f: { point: string; separator: string }): string {
  if (v === null) return '';
  // Plain digits, no thousands grouping, so that a spreadsheet reads the number back.
  if (typeof v === 'number') return String(v).replace('.', f.point);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return text.includes(f.separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The summary as CSV, one tidy table (unit and period repeated on every line so lines stand alone),
 * UTF-8 with a BOM so that Excel reads the Vietnamese diacritics; dates dd/mm/yyyy.
 */
export function renderSummaryCsv(s: ReportSnapshot, decimal: CsvDecimal = 'comma'): Buffer {
  const f = FORMAT[decimal];
  const headings = ['Đơn vị', 'Kỳ báo cáo', 'Từ ngày', 'Đến ngày', ...SUMMARY_HEADINGS];
  const lines = [...summaryLines(s), ...stageLines(s, new Set<string>(OPEN_STAGES))];
  const context = [s.unitName, s.figures.periodLabel, formatDateVi(s.period.start), formatDateVi(s.period.end)];
  const rows = [headings, ...lines.map((l) => [...context, l.label, l.period, l.yearToDate, l.yearTarget, l.percentOfYearTarget, l.note])];
  return Buffer.from(BOM + rows.map((r) => r.map((v) => field(v, f)).join(f.separator)).join('\r\n') + '\r\n', 'utf8');
}
