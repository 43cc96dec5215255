import { PassThrough } from 'node:stream';
import { Workbook, Worksheet, stream } from 'exceljs';
import { IsoDate, OPEN_STAGES, STAGE_LABELS, formatDateVi, isoDateParts } from '@app/domain';
import { ReportSnapshot } from './report-figures';
import { returnsSheet } from './report-returns-sheet';
import { meetingSheet } from './report-meeting-sheet';
import { budgetSheet } from './report-budget-sheet';
import { NOTE_HEADING, SUMMARY_HEADINGS, reportNotesVi, summaryLines } from './report-summary';

export const SHEET_SUMMARY = 'Tổng hợp';
export const SHEET_BY_OFFICER = 'Theo cán bộ';
export const SHEET_BY_GRASSROOTS = 'Theo công đoàn cơ sở';
export const SHEET_OVERDUE = 'Hồ sơ quá hạn';
export const SHEET_NOTES = 'Ghi chú';

const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ PHÁT TRIỂN ĐOÀN VIÊN, THÀNH LẬP CÔNG ĐOÀN CƠ SỞ';
const DATE_FORMAT = 'dd/mm/yyyy';
const PERCENT_FORMAT = '0.00';
/** Headings start on this row; above them the title, the unit and period, the dates. */
export const HEADING_ROW = 5;

/** A calendar day as an Excel date (exceljs writes Dates as UTC: midnight UTC keeps the day). */
function excelDate(d: IsoDate | null): Date | null {
  if (!d) return null;
  const [y, m, day] = isoDateParts(d);
  return new Date(Date.UTC(y, m - 1, day));
}

interface Column {
  heading: string;
  width: number;
  numFmt?: string;
}

/** A sheet with the report's title block and a table heading; returns it for the rows to be added. */
export function tableSheet(wb: Workbook, name: string, s: ReportSnapshot, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADING_ROW }] });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const last = columns.length;
  const titleRows = [
    REPORT_TITLE,
    `${s.unitName} — ${s.figures.periodLabel}`,
    `Từ ngày ${formatDateVi(s.period.start)} đến ngày ${formatDateVi(s.period.end)}; số liệu tính đến ngày ${formatDateVi(s.figures.asOf)}`,
  ];
  titleRows.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i < 2, size: i === 0 ? 13 : 11 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
    if (last > 1) ws.mergeCells(i + 1, 1, i + 1, last);
  });
  const heading = ws.getRow(HEADING_ROW);
  columns.forEach((c, i) => {
    const cell = heading.getCell(i + 1);
    cell.value = c.heading;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  return ws;
}

export function addRows(ws: Worksheet, rows: unknown[][]): void {
  for (const r of rows) ws.addRow(r);
}

const OPEN = new Set<string>(OPEN_STAGES);

function summarySheet(wb: Workbook, s: ReportSnapshot): void {
  const widths = [52, 12, 14, 12, 14, 60];
  const ws = tableSheet(
    wb,
    SHEET_SUMMARY,
    s,
    SUMMARY_HEADINGS.map((heading, i) => ({ heading, width: widths[i], numFmt: i === 4 ? PERCENT_FORMAT : undefined })),
  );
  addRows(
    ws,
    summaryLines(s).map((l) => [l.label, l.period, l.yearToDate, l.yearTarget, l.percentOfYearTarget, l.note]),
  );
  ws.addRow([]);
  const stageHeading = ws.addRow(['Giai đoạn hồ sơ thành lập', 'Số hồ sơ', 'Trong đó quá hạn']);
  stageHeading.font = { bold: true };
  const stages = s.figures.stages;
  addRows(
    ws,
    stages.map((st) => [STAGE_LABELS[st.stage], st.count, OPEN.has(st.stage) ? st.overdue : null]),
  );
  ws.addRow(['Cộng', stages.reduce((n, st) => n + st.count, 0), stages.reduce((n, st) => n + st.overdue, 0)]).font = { bold: true };
}

function officerSheet(wb: Workbook, s: ReportSnapshot): void {
  const ws = tableSheet(wb, SHEET_BY_OFFICER, s, [
    { heading: 'STT', width: 6 },
    { heading: 'Cán bộ', width: 30 },
    { heading: 'Hồ sơ phụ trách', width: 12 },
    { heading: 'Hồ sơ đang mở', width: 12 },
    { heading: 'Hồ sơ quá hạn', width: 12 },
    { heading: 'CĐCS được công nhận trong kỳ', width: 16 },
    { heading: 'Đoàn viên kết nạp trong kỳ', width: 16 },
    { heading: 'Kế hoạch năm: đoàn viên', width: 14 },
    { heading: 'Kế hoạch năm: CĐCS', width: 14 },
  ]);
  addRows(
    ws,
    s.figures.byOfficer.map((o, i) => [
      i + 1,
      o.fullName,
      o.cases,
      o.openCases,
      o.overdueCases,
      o.recognitions,
      o.membersAdmitted,
      o.targetMembers,
      o.targetGrassrootsUnions,
    ]),
  );
}

function grassrootsSheet(wb: Workbook, s: ReportSnapshot): void {
  const ws = tableSheet(wb, SHEET_BY_GRASSROOTS, s, [
    { heading: 'STT', width: 6 },
    { heading: 'Công đoàn cơ sở', width: 44 },
    { heading: 'Ngày quyết định công nhận', width: 16, numFmt: DATE_FORMAT },
    { heading: 'Đoàn viên kết nạp trong kỳ', width: 16 },
    { heading: 'Số đoàn viên cuối kỳ', width: 16 },
  ]);
  addRows(
    ws,
    s.figures.byGrassrootsUnion.map((g, i) => [i + 1, g.name, excelDate(g.recognizedOn), g.membersAdmitted, g.membersAtEnd]),
  );
}

function overdueSheet(wb: Workbook, s: ReportSnapshot): void {
  const ws = tableSheet(wb, SHEET_OVERDUE, s, [
    { heading: 'STT', width: 6 },
    { heading: 'Doanh nghiệp', width: 40 },
    { heading: 'Mã số thuế', width: 14 },
    { heading: 'Giai đoạn', width: 26 },
    { heading: 'Hạn hoàn thành giai đoạn', width: 16, numFmt: DATE_FORMAT },
    { heading: 'Số ngày quá hạn', width: 12 },
    { heading: 'Cán bộ phụ trách', width: 30 },
  ]);
  addRows(
    ws,
    s.figures.overdueCaseList.map((c, i) => [
      // The tax code stays text: it is an identifier, and leading zeros matter.
      i + 1,
      c.enterpriseName,
      c.taxCode,
      STAGE_LABELS[c.stage],
      excelDate(c.stageDueOn),
      c.daysLate === null ? null : Number(c.daysLate),
      c.assigneeName ?? '',
    ]),
  );
}

/** What the report compares and how it counts (which target a period is read against, among others). */
function notesSheet(wb: Workbook, s: ReportSnapshot): void {
  const ws = tableSheet(wb, SHEET_NOTES, s, [
    { heading: 'STT', width: 6 },
    { heading: NOTE_HEADING, width: 120 },
  ]);
  reportNotesVi(s).forEach((note, i) => {
    ws.addRow([i + 1, note]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** The report as an XLSX workbook: the summary, the breakdowns by officer and by CĐCS, the overdue cases, the notes. */
export async function renderWorkbook(s: ReportSnapshot, builtAt: Date): Promise<Buffer> {
  // The streaming writer: each sheet's XML is written as it is committed, without the in-memory model of
  // every cell (a YEAR report of a province has 20,000 CĐCS rows: 1.8 s in the model, see bench/NOTES.md).
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'CĐCS Pipeline';
  wb.title = `${REPORT_TITLE} — ${s.unitName} — ${s.figures.periodLabel}`;
  wb.created = builtAt;
  wb.modified = builtAt;
  summarySheet(wb, s);
  officerSheet(wb, s);
  grassrootsSheet(wb, s);
  overdueSheet(wb, s);
  returnsSheet(wb, s, tableSheet);
  meetingSheet(wb, s, tableSheet);
  budgetSheet(wb, s, tableSheet);
  notesSheet(wb, s);
  await wb.commit();
  return Buffer.concat(chunks);
}
