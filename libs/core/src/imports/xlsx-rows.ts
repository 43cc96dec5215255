import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import { CellProblem, FileErrorCode, ImportRefusal, RawCell, RawRow } from './import-common';
import { XlsxInspection } from './import-file';
import { CellRange } from './xlsx-workbook-info';

/**
 * Rows of one worksheet through exceljs's streaming reader: row by row, never a workbook model.
 * (exceljs parks worksheets that come before the shared strings in the zip in temporary files, as
 * Excel orders them; those are on disk, not in memory, and bounded by the zip guard's size limit.)
 */

export const FORMULA_WITHOUT_VALUE = 'Ô chứa công thức không có giá trị';
const CORRUPT_MESSAGE = 'Tệp XLSX bị hỏng, không đọc được trang tính';

const problem = (text: string): CellProblem => ({ problem: text });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function richTextOf(v: Record<string, unknown>): string | null {
  if (!Array.isArray(v.richText)) return null;
  return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

/** An exceljs cell value → what the import sees: plain values, rich text flattened, formulas by their cached result. */
export function xlsxCellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : problem('Ô có giá trị số không hợp lệ');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? problem('Ô có ngày không hợp lệ') : v;
  if (!isRecord(v)) return problem('Không đọc được giá trị của ô');
  const rich = richTextOf(v);
  if (rich !== null) return rich;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null || result === '') return problem(FORMULA_WITHOUT_VALUE);
    // The streaming reader drops error results (#REF!, #N/A) so they read as "no value"; an in-memory
    // model may still give NaN or { error }.
    if (typeof result === 'number' && Number.isNaN(result)) return problem('Công thức trong ô cho kết quả lỗi');
    if (isRecord(result) && 'error' in result) return problem(`Công thức trong ô cho kết quả lỗi ${String(result.error)}`);
    return xlsxCellValue(result);
  }
  if ('error' in v) return problem(`Ô có giá trị lỗi ${String(v.error)}`);
  if ('text' in v) return xlsxCellValue(v.text); // hyperlink: its text
  return problem('Không đọc được giá trị của ô');
}

/** Blanks the cells that merges hide: a merge's value is its top-left cell's, whatever the others hold. */
class MergeMask {
  private readonly byTop: CellRange[];
  private next = 0;
  private active: CellRange[] = [];

  constructor(merges: readonly CellRange[]) {
    this.byTop = [...merges].sort((a, b) => a.top - b.top);
  }

  apply(rowNumber: number, cells: RawCell[]): void {
    while (this.next < this.byTop.length && this.byTop[this.next].top <= rowNumber) this.active.push(this.byTop[this.next++]);
    this.active = this.active.filter((r) => r.bottom >= rowNumber);
    for (const r of this.active) {
      for (let c = r.left; c <= r.right && c < cells.length; c++) {
        if (rowNumber !== r.top || c !== r.left) cells[c] = null;
      }
    }
  }
}

interface SheetEntryEvent {
  type?: string;
  id?: string | number;
}

type SheetReader = AsyncIterable<{ number: number; values: unknown }>;

/**
 * exceljs decodes each chunk of a zip entry on its own (utils/parse-sax.js → bufferToString), so a character
 * whose UTF-8 bytes straddle two inflated chunks becomes U+FFFD: in a large sheet some cells read “Nh�� nước”
 * instead of “Nhà nước”, in shared strings (Excel's files) and inline strings (ours) alike. Its parser passes
 * text through as it is, so the shared strings and the worksheets are handed to it as text decoded across
 * chunk boundaries.
 */
function decodeAcrossChunks(reader: object): void {
  const r = reader as {
    _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
    _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  };
  if (typeof r._parseSharedStrings !== 'function' || typeof r._parseWorksheet !== 'function') {
    throw new Error('exceljs WorkbookReader changed: _parseSharedStrings/_parseWorksheet not found (see decodeAcrossChunks)');
  }
  const sharedStrings = r._parseSharedStrings.bind(reader);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8'); // its 'data' events then carry whole characters (a StringDecoder keeps the split bytes)
    return sharedStrings(entry);
  };
  const worksheet = r._parseWorksheet.bind(reader);
  r._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Text(iterator), sheetNo);
}

/** The chunks of a UTF-8 byte stream as text, a character cut between two chunks joined again. Keeps its source (releaseSheet). */
function utf8Text(source: AsyncIterable<unknown>): AsyncGenerator<string> & { source: AsyncIterable<unknown> } {
  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of source) {
      const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
      if (s) yield s;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return Object.assign(text(), { source });
}

/**
 * Lets go of a worksheet without parsing it. exceljs parks a worksheet that precedes the shared strings
 * (Excel's order) in a temporary file and yields a reader on a stream of it: that stream is closed here,
 * or its file descriptor would stay open. (A sheet read straight from the zip is drained by exceljs.)
 */
function releaseSheet(sheet: SheetReader): void {
  const iterator = (sheet as { iterator?: { source?: unknown } }).iterator;
  const source: unknown = iterator instanceof Readable ? iterator : iterator?.source;
  if (source instanceof Readable) source.destroy();
}

/** The rows of the inspected worksheet, in order; empty rows may be missing. Throws ImportRefusal when unreadable. */
export async function* xlsxRows(buf: Buffer, inspection: XlsxInspection): AsyncGenerator<RawRow> {
  const reader = new excelStream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  decodeAcrossChunks(reader);
  // The 'entry' event names the zip entry of the worksheet about to be yielded (sheetN.xml → N).
  let entrySheet: number | null = null;
  (reader as unknown as EventEmitter).on('entry', (e: SheetEntryEvent) => {
    if (e.type === 'worksheet') entrySheet = Number(e.id);
  });
  const sheets = reader[Symbol.asyncIterator]();
  const mask = new MergeMask(inspection.merges);
  let found = false;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const worksheet: SheetReader = next.value;
      if (entrySheet !== inspection.sheetNumber) {
        releaseSheet(worksheet);
        continue;
      }
      found = true;
      try {
        for await (const row of worksheet) {
          const values: unknown = row.values;
          // row.values is sparse and 1-based; Array.from turns its holes into empty cells.
          const cells: RawCell[] = Array.isArray(values) ? Array.from(values.slice(1), xlsxCellValue) : [];
          mask.apply(row.number, cells);
          yield { rowNumber: row.number, cells };
        }
      } finally {
        releaseSheet(worksheet);
      }
      break;
    }
  } catch (e) {
    if (e instanceof ImportRefusal) throw e;
    throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
  } finally {
    // Run exceljs to its end even when the consumer stopped early: it deletes each temporary file only
    // as it moves past it. The rest of the zip is inflated once more, within the zip guard's limits.
    try {
      for (;;) {
        const next = await sheets.next();
        if (next.done) break;
        releaseSheet(next.value);
      }
    } catch {
      // The file is being given up anyway.
    }
  }
  if (!found) throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
}
