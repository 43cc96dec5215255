/** Types and helpers shared by the readers (CSV, XLSX) and the tabular layer above them. */

/** What a cell holds once read: CSV gives strings; XLSX also numbers, booleans and dates. Empty = null. */
export type CellValue = string | number | boolean | Date | null;

/** A cell that could not be read as a value (a formula without a cached result, an error value …). */
export interface CellProblem {
  /** Why, for the user, in Vietnamese. */
  problem: string;
}

export type RawCell = CellValue | CellProblem;

/** One row as a reader delivers it, before any column is known. */
export interface RawRow {
  /** 1-based, as the spreadsheet shows it (title and heading rows count). */
  rowNumber: number;
  /** Index 0 is column A. Missing trailing cells are empty. */
  cells: readonly RawCell[];
}

export function isCellProblem(cell: RawCell | undefined): cell is CellProblem {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** A cell with nothing in it: missing, null, or text that is only white space. */
export function isEmptyCell(cell: RawCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Why a whole file is refused. Codes are for the API; messages are for the user. */
export enum FileErrorCode {
  EMPTY_FILE = 'EMPTY_FILE',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  NOT_XLSX_OR_CSV = 'NOT_XLSX_OR_CSV',
  /** Excel 97-2003 .xls, or an Excel file protected by a password (both are OLE2 compound files). */
  LEGACY_OR_ENCRYPTED_EXCEL = 'LEGACY_OR_ENCRYPTED_EXCEL',
  ENCRYPTED = 'ENCRYPTED',
  CORRUPT = 'CORRUPT',
  /** Uncompressed size or compression ratio beyond the limits. */
  ZIP_BOMB = 'ZIP_BOMB',
  NO_VISIBLE_SHEET = 'NO_VISIBLE_SHEET',
  UNSUPPORTED_SHEET = 'UNSUPPORTED_SHEET',
  TOO_MANY_MERGED_CELLS = 'TOO_MANY_MERGED_CELLS',
  /** Text in the TCVN3 (ABC) font encoding. */
  UNSUPPORTED_ENCODING = 'UNSUPPORTED_ENCODING',
  HEADING_NOT_FOUND = 'HEADING_NOT_FOUND',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  MERGED_HEADING = 'MERGED_HEADING',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  NO_DATA = 'NO_DATA',
}

export interface FileError {
  code: FileErrorCode;
  /** For the user, in Vietnamese. */
  message: string;
}

/**
 * Thrown inside the import library when a file must be refused as a whole; `readTabular` turns it into
 * `{ ok: false, errors }`, and the row stream of `openTabular` throws it to its consumer.
 */
export class ImportRefusal extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }

  get error(): FileError {
    return { code: this.code, message: this.message };
  }
}

export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes of an XLSX's zip entries. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size above which an XLSX is a zip bomb (checked past 10 MB uncompressed). */
  maxCompressionRatio: number;
  maxZipEntries: number;
  /** Non-empty data rows (below the heading row); one more and the whole file is refused. */
  maxDataRows: number;
  /** The heading row is looked for among this many first rows (offices put titles above it). */
  headingSearchRows: number;
  /** Merged ranges in the sheet read; each is remembered to blank the cells it hides. */
  maxMergedRanges: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 10_000,
  maxDataRows: 100_000,
  headingSearchRows: 10,
  maxMergedRanges: 100_000,
});

export function withDefaultLimits(limits: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...limits };
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 100000 → '100.000', the Vietnamese way of grouping digits. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Bytes as whole megabytes (rounded up, so a limit never reads smaller than it is), e.g. '20 MB'. */
export function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
}
