import { Workbook, Worksheet } from 'exceljs';
import { IsoDate, RETURN_INDICATORS, RETURN_INDICATOR_VI, ReturnPeriod, ReturnPeriodKind, formatDateVi, latestReturnPeriodBy } from '@app/domain';
import { ReportSnapshot } from './report-figures';

// The consolidated statistics returns as a sheet of the period report (docs/architecture.md#statistics-returns).

export const SHEET_RETURNS = 'Báo cáo thống kê CĐCS';
export const MISSING_HEADING = 'Công đoàn cơ sở chưa có báo cáo được duyệt';

const KIND_VI: Record<ReturnPeriodKind, string> = { HALF_YEAR: '6 tháng', YEAR: 'năm' };
const STATE_VI: Record<string, string> = {
  NOT_SUBMITTED: 'Chưa gửi (chưa đến hạn)',
  MISSING: 'Chưa gửi, quá hạn',
  DRAFT: 'Chưa gửi',
  SUBMITTED: 'Đã gửi, chờ duyệt',
  SENT_BACK: 'Đã trả lại để sửa',
};

/** The latest return period (default reference days) whose reference day is on or before `end`. */
export function latestReturnPeriod(end: IsoDate): ReturnPeriod & { label: string } {
  const p = latestReturnPeriodBy(end);
  return { ...p, label: `Báo cáo ${KIND_VI[p.kind]} ${p.year}` };
}

type TableSheet = (wb: Workbook, name: string, s: ReportSnapshot, columns: { heading: string; width: number }[]) => Worksheet;

/**
 * Laid out as form 2-HĐCĐ: a row per child unit of the report's unit and the total, a column per indicator; then the
 * CĐCS of the subtree without an accepted return. Only accepted returns are summed.
 */
export function returnsSheet(wb: Workbook, s: ReportSnapshot, tableSheet: TableSheet): void {
  if (!s.returns) return;
  const { consolidated: c, label, referenceDay } = s.returns;
  const ws = tableSheet(wb, SHEET_RETURNS, s, [
    { heading: 'STT', width: 6 },
    { heading: 'Đơn vị', width: 40 },
    { heading: 'Số CĐCS', width: 10 },
    { heading: 'CĐCS có báo cáo được duyệt', width: 14 },
    ...RETURN_INDICATORS.map((k) => ({ heading: RETURN_INDICATOR_VI[k], width: 13 })),
  ]);
  ws.getRow(4).getCell(1).value = `${label} (mẫu 2-HĐCĐ): số liệu đến ngày ${formatDateVi(referenceDay)}, tổng hợp từ báo cáo đã duyệt của CĐCS`;
  c.rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.grassroots, r.accepted, ...RETURN_INDICATORS.map((k) => r.figures[k])]));
  const total = ws.addRow(['', 'Tổng cộng', c.total.grassroots, c.total.accepted, ...RETURN_INDICATORS.map((k) => c.total.figures[k])]);
  total.font = { bold: true };
  ws.addRow([]);
  const heading = ws.addRow(['STT', MISSING_HEADING, '', 'Tình trạng', 'Hạn gửi']);
  heading.font = { bold: true };
  c.missing.forEach((m, i) => ws.addRow([i + 1, m.name, '', STATE_VI[m.state] ?? m.state, formatDateVi(m.dueOn)]));
}
