import { Readable } from 'node:stream';
import { FileErrorCode, ImportLimits, ImportRefusal, formatMegabytes } from './import-common';
import { looksBinary } from './csv-decode';
import { CellRange, MergeScanner, parseWorkbookSheets } from './xlsx-workbook-info';
import { openCheckedZip, readEntryText, verifyEntries } from './zip-guard';

/**
 * What an uploaded file is, judged by its content, never by its name: XLSX is a zip holding
 * [Content_Types].xml and xl/workbook.xml; CSV is text; anything else is refused.
 */

export const NOT_XLSX_OR_CSV_MESSAGE = 'Tệp không phải XLSX hoặc CSV';

export type DetectedFile = { format: 'csv' } | ({ format: 'xlsx' } & XlsxInspection);

export interface XlsxInspection {
  /** The sheet to read: the first visible worksheet in tab order. */
  sheetName: string;
  /** N of xl/worksheets/sheetN.xml, the entry exceljs names the sheet by. */
  sheetNumber: number;
  /** Hidden worksheets that came before it, skipped. */
  skippedHiddenSheets: string[];
  merges: CellRange[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** workbook.xml and its relationships list sheets only: a few MB is already absurd. */
const MAX_WORKBOOK_PART_BYTES = 8 * 1024 * 1024;

function hasMagic(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** The whole upload as a Buffer, refused as soon as it passes `maxFileBytes` (a stream is not read further). */
export async function readInput(input: Buffer | Readable, maxFileBytes: number): Promise<Buffer> {
  const tooLarge = (): ImportRefusal =>
    new ImportRefusal(FileErrorCode.FILE_TOO_LARGE, `Tệp lớn quá ${formatMegabytes(maxFileBytes)}: hãy chia thành nhiều tệp nhỏ hơn`);
  let buf: Buffer;
  if (Buffer.isBuffer(input)) {
    buf = input;
  } else {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of input) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxFileBytes) {
        input.destroy();
        throw tooLarge();
      }
      parts.push(b);
    }
    buf = Buffer.concat(parts);
  }
  if (buf.length > maxFileBytes) throw tooLarge();
  if (buf.length === 0) throw new ImportRefusal(FileErrorCode.EMPTY_FILE, 'Tệp rỗng, không có dữ liệu');
  return buf;
}

/** XLSX (checked against zip bombs, sheet chosen, merges known) or CSV; throws ImportRefusal. */
export async function detectImportFile(buf: Buffer, limits: ImportLimits): Promise<DetectedFile> {
  if (hasMagic(buf, ZIP_MAGIC)) return { format: 'xlsx', ...(await inspectXlsx(buf, limits)) };
  if (hasMagic(buf, OLE2_MAGIC)) {
    throw new ImportRefusal(
      FileErrorCode.LEGACY_OR_ENCRYPTED_EXCEL,
      `${NOT_XLSX_OR_CSV_MESSAGE}: đây là tệp Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu. Hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx`,
    );
  }
  if (hasMagic(buf, EMPTY_ZIP_MAGIC) || looksBinary(buf)) throw new ImportRefusal(FileErrorCode.NOT_XLSX_OR_CSV, NOT_XLSX_OR_CSV_MESSAGE);
  return { format: 'csv' };
}

async function inspectXlsx(buf: Buffer, limits: ImportLimits): Promise<XlsxInspection> {
  const checked = await openCheckedZip(buf, limits);
  try {
    if (!checked.entries.has('[Content_Types].xml') || !checked.entries.has('xl/workbook.xml')) {
      // A zip, but not a workbook: .docx, .ods, an archive renamed .xlsx.
      throw new ImportRefusal(FileErrorCode.NOT_XLSX_OR_CSV, NOT_XLSX_OR_CSV_MESSAGE);
    }
    const workbookXml = (await readEntryText(checked, 'xl/workbook.xml', MAX_WORKBOOK_PART_BYTES)) ?? '';
    const relsXml = await readEntryText(checked, 'xl/_rels/workbook.xml.rels', MAX_WORKBOOK_PART_BYTES);
    const sheets = parseWorkbookSheets(workbookXml, relsXml).filter((s) => s.kind === 'worksheet');
    const index = sheets.findIndex((s) => s.state === 'visible' && s.path !== null && checked.entries.has(s.path));
    const sheet = index < 0 ? null : sheets[index];
    const scanner = new MergeScanner((count) => {
      if (count > limits.maxMergedRanges) {
        throw new ImportRefusal(FileErrorCode.TOO_MANY_MERGED_CELLS, `Trang tính “${sheet?.name}” có quá nhiều vùng ô gộp`);
      }
    });
    // Every entry is inflated once before anything is said about the workbook: a lying zip is refused as such.
    await verifyEntries(checked, limits, (name, chunk) => {
      if (name === sheet?.path) scanner.push(chunk);
    });
    if (!sheet) throw new ImportRefusal(FileErrorCode.NO_VISIBLE_SHEET, 'Tệp không có trang tính nào đang hiện để đọc');
    // exceljs's streaming reader only knows worksheets by these entry names (all that Excel writes).
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheet.path ?? '');
    if (!m) {
      throw new ImportRefusal(FileErrorCode.UNSUPPORTED_SHEET, `Không đọc được trang tính “${sheet.name}”: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx`);
    }
    return {
      sheetName: sheet.name,
      sheetNumber: Number(m[1]),
      skippedHiddenSheets: sheets
        .slice(0, index)
        .filter((s) => s.state !== 'visible')
        .map((s) => s.name),
      merges: scanner.ranges,
    };
  } finally {
    checked.zip.close();
  }
}
