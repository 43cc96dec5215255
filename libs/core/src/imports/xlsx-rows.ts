import { Readable } from 'node:stream';
import { CellProblem, FileErrorCode, ImportLimits, ImportRefusal, RawCell, RawRow, withDefaultLimits } from './import-common';
import { XlsxInspection } from './import-file';
import { CellRange } from './xlsx-workbook-info';
import { ElementScanner, XmlCell, dateStyles, excelSerialToDate, parseRow, stringItemText, usesDate1904, xmlText } from './xlsx-sheet-xml';
import { CheckedZip, openCheckedZip } from './zip-guard';

/**
 * Rows of one worksheet, row by row: the zip's entries are inflated as streams (yauzl, within the limits the
 * zip guard checked) and scanned as text (xlsx-sheet-xml.ts); only the shared strings are held in memory.
 * Cell values as exceljs's streaming reader gave them (see xlsxCellValue); never a workbook model.
 */

export const FORMULA_WITHOUT_VALUE = 'Ô chứa công thức không có giá trị';
const CORRUPT_MESSAGE = 'Tệp XLSX bị hỏng, không đọc được trang tính';
/** styles.xml and workbook.xml are read whole: a few MB is already absurd for them. */
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
const MAX_COLUMN_INDEX = 16_383;

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

/** The text of an entry as it inflates, a character cut between two chunks joined again. */
async function* entryText(zip: CheckedZip, name: string): AsyncGenerator<string> {
  const entry = zip.entries.get(name);
  if (!entry) return;
  const stream: Readable = await zip.zip.openReadStreamPromise(entry);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      const s = decoder.decode(chunk as Buffer, { stream: true });
      if (s) yield s;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

async function wholeText(zip: CheckedZip, name: string): Promise<string> {
  const entry = zip.entries.get(name);
  if (entry && entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
  let text = '';
  for await (const s of entryText(zip, name)) text += s;
  return text;
}

async function sharedStrings(zip: CheckedZip): Promise<string[]> {
  const out: string[] = [];
  const items = new ElementScanner('si');
  for await (const s of entryText(zip, 'xl/sharedStrings.xml')) {
    for (const si of items.push(s)) out.push(si.endsWith('/>') ? '' : stringItemText(si.slice(si.indexOf('>') + 1, -5)));
  }
  return out;
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** A cell as exceljs's streaming reader valued it, through xlsxCellValue. */
function cellValue(c: XmlCell, ctx: SheetContext): RawCell {
  if (c.formula) {
    // An error result (#REF!, #N/A) is named in the refusal (exceljs's reader dropped it: "no value").
    const result = c.value === undefined ? undefined : c.type === 'str' ? xmlText(c.value) : c.type === 'e' ? { error: xmlText(c.value) } : parseFloat(c.value);
    return xlsxCellValue(result === undefined ? { formula: '' } : { formula: '', result });
  }
  if (c.type === 'inlineStr') return xlsxCellValue(c.inline ?? (c.value === undefined ? null : xmlText(c.value)));
  if (c.value === undefined) return null;
  switch (c.type) {
    case 's':
      return xlsxCellValue(ctx.strings[parseInt(c.value, 10)]);
    case 'str':
      return xlsxCellValue(xmlText(c.value));
    case 'e':
      return xlsxCellValue({ error: xmlText(c.value) });
    case 'b':
      return parseInt(c.value, 10) !== 0;
    case 'd':
      return xlsxCellValue(new Date(c.value));
    default: {
      const n = parseFloat(c.value);
      return xlsxCellValue(c.style > 0 && ctx.dates[c.style] ? excelSerialToDate(n, ctx.date1904) : n);
    }
  }
}

/** The rows of the inspected worksheet, in order; empty rows may be missing. Throws ImportRefusal when unreadable. */
export async function* xlsxRows(buf: Buffer, inspection: XlsxInspection, limits: Partial<ImportLimits> = {}): AsyncGenerator<RawRow> {
  const sheetPath = `xl/worksheets/sheet${inspection.sheetNumber}.xml`;
  let zip: CheckedZip;
  try {
    zip = await openCheckedZip(buf, withDefaultLimits(limits));
  } catch (e) {
    if (e instanceof ImportRefusal) throw e;
    throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
  }
  try {
    if (!zip.entries.has(sheetPath)) throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
    let ctx: SheetContext;
    let rowsXml: AsyncGenerator<string>;
    try {
      ctx = {
        date1904: usesDate1904(await wholeText(zip, 'xl/workbook.xml')),
        dates: dateStyles(await wholeText(zip, 'xl/styles.xml')),
        strings: await sharedStrings(zip),
      };
      rowsXml = entryText(zip, sheetPath);
    } catch (e) {
      if (e instanceof ImportRefusal) throw e;
      throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
    }
    const mask = new MergeMask(inspection.merges);
    const rows = new ElementScanner('row');
    let previous = 0;
    try {
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = await rowsXml.next();
        } catch {
          throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
        }
        if (next.done) break;
        for (const xml of rows.push(next.value)) {
          const row = parseRow(xml, previous);
          previous = row.rowNumber;
          const cells: RawCell[] = [];
          for (const c of row.cells) {
            // XFD is Excel's last column: a reference beyond it is a damaged (or hostile) file.
            if (c.column > MAX_COLUMN_INDEX) throw new ImportRefusal(FileErrorCode.CORRUPT, CORRUPT_MESSAGE);
            cells[c.column] = cellValue(c, ctx);
          }
          // Columns without a cell read as empty.
          const dense = Array.from(cells, (c) => (c === undefined ? null : c));
          mask.apply(row.rowNumber, dense);
          yield { rowNumber: row.rowNumber, cells: dense };
        }
      }
    } finally {
      await rowsXml.return(undefined);
    }
  } finally {
    zip.zip.close();
  }
}
