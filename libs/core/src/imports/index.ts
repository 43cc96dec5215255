/**
 * Generic tabular imports (XLSX, CSV). Entry points: `readTabular` / `openTabular` with an import kind
 * (`ENTERPRISE_IMPORT`, `STAFF_IMPORT`, or one made with `defineImportKind` from the column types), and the exports
 * `importWorkbookBuffer` / `refusedRowsBuffer` (or their stream-writing forms).
 */
export type { CellValue, FileError, ImportLimits } from './import-common';
export { DEFAULT_IMPORT_LIMITS, FileErrorCode, ImportRefusal, columnLetter } from './import-common';
export type { ColumnOf, ColumnSpec, ColumnType, FilledCell, ImportKind, ParseResult, RowChecker, RowError } from './column-spec';
export { defineImportKind } from './column-spec';
export type { Choice } from './column-types';
export { booleanType, choiceType, countType, dateType, formatDayMonthYear, taxCodeType, textType } from './column-types';
export type { TextEncodingName } from './csv-decode';
export type { CsvDelimiter } from './csv-rows';
export { NOT_XLSX_OR_CSV_MESSAGE } from './import-file';
export type { AcceptedRow, ImportRow, OpenedTabular, TabularResult, TabularSource } from './tabular-import';
export { isAcceptedRow, openTabular, readTabular } from './tabular-import';
export type { ExportOptions } from './xlsx-export';
export { REASON_HEADING, ROW_NUMBER_HEADING, importWorkbookBuffer, reasonText, refusedRowsBuffer, writeImportWorkbook, writeRefusedRows } from './xlsx-export';
export type { EnterpriseImportRow } from './enterprise-import';
export { ENTERPRISE_HEADINGS, ENTERPRISE_IMPORT, FUNDING_TYPE_CHOICES, OWNERSHIP_CHOICES } from './enterprise-import';
export type { StaffImportRow } from './staff-import';
export { STAFF_HEADINGS, STAFF_IMPORT } from './staff-import';
