import { Workbook, Worksheet } from 'exceljs';
import { formatDateVi } from '@app/domain';
import type { BudgetEntryView, BudgetTotals } from '../budget/budget-types';
import { ReportSnapshot } from './report-figures';

// The budget as a sheet of the period report (docs/architecture.md#plan-areas-and-budget).

export const SHEET_BUDGET = 'Kinh phí';
export const BUDGET_ENTRIES_HEADING = 'Các khoản chi trong kỳ';
/** Whole đồng, shown "1.250.000 đ" where Excel's locale groups with dots (vi-VN). */
const MONEY_FORMAT = '#,##0 "đ"';

/** What the sheet shows: the subtree's spending in the period and from 1 January, against the year's plan. */
export interface ReportBudget {
  period: BudgetTotals;
  yearToDate: BudgetTotals;
  entries: BudgetEntryView[];
}

type TableSheet = (wb: Workbook, name: string, s: ReportSnapshot, columns: { heading: string; width: number; numFmt?: string }[]) => Worksheet;

/** Amounts as numbers (exact: every amount the ledger takes is below 2^53) so the sheet can be summed. */
const n = (v: string) => Number(v);

export function budgetSheet(wb: Workbook, s: ReportSnapshot, tableSheet: TableSheet): void {
  if (!s.budget) return;
  const { period, yearToDate, entries } = s.budget;
  const ws = tableSheet(wb, SHEET_BUDGET, s, [
    { heading: 'STT', width: 6 },
    { heading: 'Khoản chi', width: 36 },
    { heading: 'Dự toán năm', width: 20, numFmt: MONEY_FORMAT },
    { heading: 'Đã chi trong kỳ', width: 20, numFmt: MONEY_FORMAT },
    { heading: 'Đã chi từ đầu năm', width: 20, numFmt: MONEY_FORMAT },
    { heading: 'Tỉ lệ đã chi so với dự toán (%)', width: 16, numFmt: '0.00' },
  ]);
  const ytd = new Map(yearToDate.byHeading.map((h) => [h.name, h]));
  const pct = (spent: string, planned: string) => (BigInt(planned) > 0n ? Math.round((Number(spent) * 10000) / Number(planned)) / 100 : null);
  period.byHeading.forEach((h, i) => {
    const y = ytd.get(h.name);
    ws.addRow([i + 1, h.name, n(h.planned), n(h.spent), n(y?.spent ?? '0'), pct(y?.spent ?? '0', h.planned)]);
  });
  ws.addRow(['', 'Tổng cộng', n(period.planned), n(period.spent), n(yearToDate.spent), pct(yearToDate.spent, period.planned)]).font = { bold: true };
  ws.addRow([]);
  const heading = ws.addRow(['STT', BUDGET_ENTRIES_HEADING, 'Số tiền', 'Ngày chi', 'Số chứng từ', 'Ghi chú']);
  heading.font = { bold: true };
  entries.forEach((e, i) => {
    const note = e.reversesId ? `Đảo bút toán số ${e.reversesId}: ${e.note ?? ''}` : (e.note ?? '');
    const row = ws.addRow([i + 1, e.headingName, n(e.amount), formatDateVi(e.spentOn), e.voucherNumber, note]);
    row.getCell(3).numFmt = MONEY_FORMAT;
    row.getCell(6).numFmt = '@';
  });
}
