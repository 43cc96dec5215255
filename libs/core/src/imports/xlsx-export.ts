import { PassThrough, Writable } from 'node:stream';
import { Worksheet, stream as excelStream } from 'exceljs';
import { foldText } from '@app/domain';
import { CellValue } from './import-common';
import { ColumnOf, ColumnType, ImportKind, RowError } from './column-spec';
import { ImportRow } from './tabular-import';

/**
 * Workbooks with a kind's Vietnamese headings, through exceljs's streaming writer (rows are written as
 * they come, never a workbook model): an exported file imports back to the same rows, and a file of
 * refused rows can be corrected and imported again (its extra columns are ignored).
 */

export interface ExportOptions {
  /** Defaults to the kind's label. */
  sheetName?: string;
  /** A title row above the headings (the importer looks past it). */
  title?: string;
}

export const ROW_NUMBER_HEADING = 'Dòng';
export const REASON_HEADING = 'Lý do';

interface SheetColumn {
  heading: string;
  width: number;
  numFmt?: string;
}

/** Excel limits sheet names to 31 characters without : \ / ? * [ ]. */
function sheetNameOf(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}

async function writeWorkbook(
  target: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  title: string | undefined,
  rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>,
): Promise<void> {
  const wb = new excelStream.xlsx.WorkbookWriter({ stream: target, useStyles: true, useSharedStrings: false });
  wb.creator = 'CĐCS Pipeline';
  const headingRow = title ? 2 : 1;
  const ws: Worksheet = wb.addWorksheet(sheetNameOf(sheetName), { views: [{ state: 'frozen', ySplit: headingRow }] });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  if (title) {
    const t = ws.getRow(1);
    t.getCell(1).value = title;
    t.getCell(1).font = { bold: true, size: 13 };
    if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
    t.commit();
  }
  const h = ws.getRow(headingRow);
  columns.forEach((c, i) => {
    h.getCell(i + 1).value = c.heading;
    h.getCell(i + 1).font = { bold: true };
    h.getCell(i + 1).alignment = { wrapText: true, vertical: 'middle' };
  });
  h.commit();
  for await (const values of rows) {
    const row = ws.addRow(values);
    values.forEach((v, i) => {
      // Dates in columns not formatted as dates (refused rows keep whatever the user typed) still show as dates.
      if (v instanceof Date && !columns[i]?.numFmt) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The bytes `write` writes to a stream. */
async function toBuffer(write: (target: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  // exceljs ends the stream it was given once the zip is complete; end it here only if it did not.
  if (!out.writableEnded) out.end();
  await ended;
  return Buffer.concat(chunks);
}

function sheetColumns<T>(kind: ImportKind<T>): SheetColumn[] {
  return kind.columns.map((c) => ({ heading: c.heading, width: c.width ?? 16, numFmt: c.type.numFmt }));
}

/** A row value as its column writes it; empty when null. */
function formatValue<T>(column: ColumnOf<T>, row: Partial<T>): CellValue {
  const value: unknown = row[column.key];
  if (value === null || value === undefined) return null;
  // The column's type reads and writes this key's values (ColumnOf ties them); the union hides it from TS.
  const type: ColumnType<unknown> = column.type;
  return type.format(value);
}

async function* mapRows<A, B>(rows: Iterable<A> | AsyncIterable<A>, f: (a: A) => B): AsyncGenerator<B> {
  for await (const r of rows) yield f(r);
}

/** Writes rows of a kind as an XLSX with its headings, one column per spec in the kind's order. */
export function writeImportWorkbook<T>(
  target: Writable,
  kind: ImportKind<T>,
  rows: Iterable<Partial<T>> | AsyncIterable<Partial<T>>,
  options: ExportOptions = {},
): Promise<void> {
  const cells = mapRows(rows, (r) => kind.columns.map((c) => formatValue(c, r)));
  return writeWorkbook(target, options.sheetName ?? kind.label, sheetColumns(kind), options.title, cells);
}

export function importWorkbookBuffer<T>(
  kind: ImportKind<T>,
  rows: Iterable<Partial<T>> | AsyncIterable<Partial<T>>,
  options: ExportOptions = {},
): Promise<Buffer> {
  return toBuffer((target) => writeImportWorkbook(target, kind, rows, options));
}

/** One line per error; the column is named unless the message already does. */
export function reasonText(errors: readonly RowError[]): string {
  return errors.map((e) => (e.column && !foldText(e.message).includes(foldText(e.column)) ? `${e.column}: ${e.message}` : e.message)).join('\n');
}

/**
 * Writes refused rows for the user to correct: the row number in the uploaded file, the cells as they
 * were read, and the reasons ("Lý do"). Rows without errors are left out.
 */
export function writeRefusedRows<T>(
  target: Writable,
  kind: ImportKind<T>,
  rows: Iterable<ImportRow<T>> | AsyncIterable<ImportRow<T>>,
  options: ExportOptions = {},
): Promise<void> {
  const columns: SheetColumn[] = [
    { heading: ROW_NUMBER_HEADING, width: 8 },
    ...sheetColumns(kind).map((c) => ({ ...c, numFmt: undefined })),
    { heading: REASON_HEADING, width: 60 },
  ];
  async function* refused(): AsyncGenerator<CellValue[]> {
    for await (const r of rows) {
      if (r.errors.length === 0) continue;
      yield [r.rowNumber, ...kind.columns.map((c) => r.raw[c.key] ?? null), reasonText(r.errors)];
    }
  }
  return writeWorkbook(target, options.sheetName ?? 'Dòng bị từ chối', columns, options.title, refused());
}

export function refusedRowsBuffer<T>(
  kind: ImportKind<T>,
  rows: Iterable<ImportRow<T>> | AsyncIterable<ImportRow<T>>,
  options: ExportOptions = {},
): Promise<Buffer> {
  return toBuffer((target) => writeRefusedRows(target, kind, rows, options));
}
