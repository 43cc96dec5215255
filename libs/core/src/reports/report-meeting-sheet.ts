import { Workbook, Worksheet } from 'exceljs';
import { IsoDate, formatDateVi } from '@app/domain';
import { ReportSnapshot } from './report-figures';

// The action items of the unit's last review meeting as a sheet of the period report (docs/architecture.md#review-meetings).

export const SHEET_MEETING = 'Việc cần làm sau giao ban';
export const MEETING_HEADINGS = ['STT', 'Việc cần làm', 'Người thực hiện', 'Hạn hoàn thành', 'Tình trạng'];

/** What the sheet shows: the last meeting held on or before the period's end, and its items. */
export interface ReportMeeting {
  day: IsoDate;
  title: string | null;
  chairName: string;
  items: { what: string; assigneeName: string; dueOn: IsoDate; status: 'OPEN' | 'DONE'; lateness: { label: string } }[];
}

type TableSheet = (wb: Workbook, name: string, s: ReportSnapshot, columns: { heading: string; width: number }[]) => Worksheet;

export function meetingSheet(wb: Workbook, s: ReportSnapshot, tableSheet: TableSheet): void {
  if (s.meeting === undefined) return;
  const widths = [6, 60, 28, 16, 36];
  const ws = tableSheet(
    wb,
    SHEET_MEETING,
    s,
    MEETING_HEADINGS.map((heading, i) => ({ heading, width: widths[i] })),
  );
  const m = s.meeting;
  ws.getRow(4).getCell(1).value = m
    ? `Cuộc giao ban ngày ${formatDateVi(m.day)}${m.title ? ` — ${m.title}` : ''} (chủ trì: ${m.chairName})`
    : 'Chưa có cuộc giao ban nào được tổ chức đến cuối kỳ báo cáo';
  for (const [i, a] of (m?.items ?? []).entries()) {
    ws
      .addRow([i + 1, a.what, a.assigneeName, formatDateVi(a.dueOn), a.status === 'DONE' ? 'Đã hoàn thành' : `Chưa hoàn thành — ${a.lateness.label}`])
      .getCell(2).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
}
