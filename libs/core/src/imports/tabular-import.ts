import { Readable } from 'node:stream';
import {
  CellValue,
  FileError,
  FileErrorCode,
  ImportLimits,
  ImportRefusal,
  RawRow,
  columnLetter,
  formatCount,
  isCellProblem,
  isEmptyCell,
  withDefaultLimits,
} from './import-common';
import { ImportKind, RowError } from './column-spec';
import { CsvDelimiter, csvRecords, delimiterCandidates } from './csv-rows';
import { TCVN3_MESSAGE, TextEncodingName, decodeText, looksLikeTcvn3 } from './csv-decode';
import { HeadingMatch, HeadingSearch, findHeadingRow } from './heading-match';
import { XlsxInspection, detectImportFile, readInput } from './import-file';
import { xlsxRows } from './xlsx-rows';

/** Where the rows came from, for the user ("read sheet X, headings on row 3") and for logs. */
export interface TabularSource {
  format: 'xlsx' | 'csv';
  /** XLSX: the worksheet read (the first visible one), and the hidden ones skipped before it. */
  sheetName: string | null;
  skippedHiddenSheets: string[];
  /** CSV: how the bytes were decoded and which delimiter separated the fields. */
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  headingRow: number;
  /** The kind's columns found in the file, with the file's column letter. */
  columns: { key: string; heading: string; column: string }[];
  /** Headings of the file that no column answers to; their cells are ignored. */
  ignoredHeadings: string[];
}

export interface ImportRow<T> {
  /** As the spreadsheet shows it: 1-based, title and heading rows counted. */
  rowNumber: number;
  /** What parsed; every column is set when `errors` is empty (see `isAcceptedRow`). */
  values: Partial<T>;
  /** The cells as read, by key: what a report of refused rows shows back to the user. */
  raw: Partial<Record<keyof T & string, CellValue>>;
  errors: RowError[];
}

export type AcceptedRow<T> = ImportRow<T> & { values: T; errors: [] };

export function isAcceptedRow<T>(row: ImportRow<T>): row is AcceptedRow<T> {
  return row.errors.length === 0;
}

export type OpenedTabular<T> =
  | {
      ok: true;
      source: TabularSource;
      /**
       * Non-empty data rows, read as they are consumed. Iterating an XLSX's rows may throw ImportRefusal
       * (too many rows, no data row, unreadable further down): treat the whole import as failed then.
       * A CSV is counted before this is returned, so its rows never throw. An XLSX holds temporary files
       * until its rows are read to the end: to stop early, leave the for-await loop or call `return()`.
       */
      rows: AsyncGenerator<ImportRow<T>, void, undefined>;
    }
  | { ok: false; errors: FileError[] };

export type TabularResult<T> =
  { ok: true; source: TabularSource; rows: ImportRow<T>[]; acceptedCount: number; refusedCount: number } | { ok: false; errors: FileError[] };

/** How many characters of a CSV, or of the first rows of a sheet, the TCVN3 check looks at. */
const TCVN3_SAMPLE_CHARS = 64 * 1024;

/**
 * Opens an XLSX or CSV upload for `kind`: checks the file, finds the heading row among the first rows
 * and the kind's columns in it, and returns the data rows as a stream. File-level refusals found on the
 * way come back as `{ ok: false, errors }` with Vietnamese messages; this never throws for a bad file.
 */
export async function openTabular<T>(input: Buffer | Readable, kind: ImportKind<T>, limits: Partial<ImportLimits> = {}): Promise<OpenedTabular<T>> {
  const lim = withDefaultLimits(limits);
  try {
    const buf = await readInput(input, lim.maxFileBytes);
    const detected = await detectImportFile(buf, lim);
    return detected.format === 'xlsx' ? await openXlsx(buf, detected, kind, lim) : openCsv(buf, kind, lim);
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, errors: [e.error] };
    throw e;
  }
}

/** `openTabular`, every row read into memory: the whole file accepted as rows, or refused as a whole. */
export async function readTabular<T>(input: Buffer | Readable, kind: ImportKind<T>, limits: Partial<ImportLimits> = {}): Promise<TabularResult<T>> {
  const opened = await openTabular(input, kind, limits);
  if (!opened.ok) return opened;
  const rows: ImportRow<T>[] = [];
  try {
    for await (const row of opened.rows) rows.push(row);
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, errors: [e.error] };
    throw e;
  }
  const acceptedCount = rows.filter((r) => r.errors.length === 0).length;
  return { ok: true, source: opened.source, rows, acceptedCount, refusedCount: rows.length - acceptedCount };
}

function sourceOf<T>(match: HeadingMatch<T>, rest: Omit<TabularSource, 'headingRow' | 'columns' | 'ignoredHeadings'>): TabularSource {
  return {
    ...rest,
    headingRow: match.rowNumber,
    columns: match.columns.map((c) => ({ key: c.spec.key, heading: c.spec.heading, column: columnLetter(c.index) })),
    ignoredHeadings: match.ignoredHeadings,
  };
}

async function openXlsx<T>(buf: Buffer, sheet: XlsxInspection, kind: ImportKind<T>, lim: ImportLimits): Promise<OpenedTabular<T>> {
  const it = xlsxRows(buf, sheet, lim);
  const head: RawRow[] = [];
  let pending: RawRow | null = null;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    if (next.value.rowNumber > lim.headingSearchRows) {
      pending = next.value;
      break;
    }
    head.push(next.value);
  }
  const refuse = async (error: FileError): Promise<OpenedTabular<T>> => {
    await it.return(undefined);
    return { ok: false, errors: [error] };
  };
  const headText = head.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string')).join(' ');
  if (looksLikeTcvn3(headText.slice(0, TCVN3_SAMPLE_CHARS))) {
    return refuse({ code: FileErrorCode.UNSUPPORTED_ENCODING, message: TCVN3_MESSAGE });
  }
  const search = findHeadingRow(head, kind, lim.headingSearchRows);
  if (!search.ok) return refuse(search.error);
  const match = search.match;
  const used = new Set(match.columns.map((c) => c.index));
  const merged = sheet.merges.find((r) => r.top <= match.rowNumber && r.bottom >= match.rowNumber && [...used].some((i) => i >= r.left && i <= r.right));
  if (merged) {
    const ref = `${columnLetter(merged.left)}${merged.top}:${columnLetter(merged.right)}${merged.bottom}`;
    return refuse({
      code: FileErrorCode.MERGED_HEADING,
      message: `Dòng tiêu đề (dòng ${match.rowNumber}) có ô gộp ${ref}: hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng`,
    });
  }
  async function* all(): AsyncGenerator<RawRow> {
    yield* head;
    if (pending) yield pending;
    yield* it;
  }
  const source = sourceOf(match, {
    format: 'xlsx',
    sheetName: sheet.sheetName,
    skippedHiddenSheets: sheet.skippedHiddenSheets,
    encoding: null,
    delimiter: null,
  });
  return { ok: true, source, rows: dataRows(all(), match, kind, lim) };
}

function openCsv<T>(buf: Buffer, kind: ImportKind<T>, lim: ImportLimits): OpenedTabular<T> {
  const { text, encoding } = decodeText(buf);
  if (looksLikeTcvn3(text.slice(0, TCVN3_SAMPLE_CHARS))) {
    return { ok: false, errors: [{ code: FileErrorCode.UNSUPPORTED_ENCODING, message: TCVN3_MESSAGE }] };
  }
  // The delimiter is the one under which the heading row is found.
  let failed: Extract<HeadingSearch<T>, { ok: false }> | null = null;
  for (const delimiter of delimiterCandidates(text, lim.headingSearchRows)) {
    const head: RawRow[] = [];
    let search: HeadingSearch<T>;
    try {
      for (const row of csvRecords(text, delimiter)) {
        if (row.rowNumber > lim.headingSearchRows) break;
        head.push(row);
      }
      search = findHeadingRow(head, kind, lim.headingSearchRows);
    } catch (e) {
      // An unclosed quote under this delimiter: worth telling unless another delimiter finds headings.
      if (!(e instanceof ImportRefusal)) throw e;
      search = { ok: false, error: e.error, score: 0.5 };
    }
    if (search.ok) {
      const match = search.match;
      // The text is in memory already: counting its rows is cheap, so the whole-file refusals come now,
      // before a consumer has handled any row (an XLSX can only tell them at the end of its stream).
      let count = 0;
      for (const row of csvRecords(text, delimiter)) if (isDataRow(row, match)) count++;
      if (count > lim.maxDataRows) return { ok: false, errors: [tooManyRows(lim).error] };
      if (count === 0) return { ok: false, errors: [noData(match).error] };
      const source = sourceOf(match, { format: 'csv', sheetName: null, skippedHiddenSheets: [], encoding, delimiter });
      return { ok: true, source, rows: dataRows(csvRecords(text, delimiter), match, kind, lim) };
    }
    if (!failed || search.score > failed.score) failed = search;
  }
  return { ok: false, errors: failed ? [failed.error] : [] };
}

/** Below the heading and not empty in every column of the kind (a row with only an STT number is empty). */
function isDataRow<T>(row: RawRow, match: HeadingMatch<T>): boolean {
  return row.rowNumber > match.rowNumber && !match.columns.every((c) => isEmptyCell(row.cells[c.index]));
}

const tooManyRows = (lim: ImportLimits): ImportRefusal =>
  new ImportRefusal(FileErrorCode.TOO_MANY_ROWS, `Tệp có quá ${formatCount(lim.maxDataRows)} dòng dữ liệu: hãy chia thành nhiều tệp nhỏ hơn`);

const noData = <T>(match: HeadingMatch<T>): ImportRefusal =>
  new ImportRefusal(FileErrorCode.NO_DATA, `Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${match.rowNumber})`);

/** Data rows (see isDataRow), parsed. */
async function* dataRows<T>(
  rows: AsyncIterable<RawRow> | Iterable<RawRow>,
  match: HeadingMatch<T>,
  kind: ImportKind<T>,
  lim: ImportLimits,
): AsyncGenerator<ImportRow<T>> {
  const check = kind.checker?.();
  const at = new Map<string, number>(match.columns.map((c) => [c.spec.key, c.index]));
  let count = 0;
  for await (const row of rows) {
    if (!isDataRow(row, match)) continue;
    if (++count > lim.maxDataRows) throw tooManyRows(lim);
    const values: Record<string, unknown> = {};
    const raw: Record<string, CellValue> = {};
    const errors: RowError[] = [];
    for (const spec of kind.columns) {
      const index = at.get(spec.key);
      // An optional column the file does not have reads as empty.
      const cell = index === undefined ? null : row.cells[index];
      if (index !== undefined) raw[spec.key] = isCellProblem(cell) ? null : (cell ?? null);
      if (isCellProblem(cell)) {
        errors.push({ column: spec.heading, message: cell.problem });
      } else if (cell === undefined || cell === null || isEmptyCell(cell)) {
        if (spec.required) errors.push({ column: spec.heading, message: `Chưa nhập ${spec.heading}` });
        else values[spec.key] = spec.emptyValue ?? null;
      } else {
        const parsed = spec.type.parse(cell, spec.heading);
        if (parsed.ok) values[spec.key] = parsed.value;
        else errors.push({ column: spec.heading, message: parsed.message });
      }
    }
    // The kind's row type is only known through its column specs: this is where the two meet.
    const partial = values as Partial<T>;
    if (check) errors.push(...check({ rowNumber: row.rowNumber, values: partial, errors }));
    yield { rowNumber: row.rowNumber, values: partial, raw: raw as ImportRow<T>['raw'], errors };
  }
  if (count === 0) throw noData(match);
}
