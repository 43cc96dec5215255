import { FileError } from '../imports';
import { ImportRowAction, RegisterImportStatus } from './register-fields';

/** What the dry run answers (POST /imports/enterprises, 201). */
export interface DryRunSummary {
  id: string;
  status: RegisterImportStatus;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  refused: number;
  /** The worksheet read (XLSX), the hidden ones skipped before it, and the file's headings no column answers to. */
  sheetName: string | null;
  skippedHiddenSheets: string[];
  ignoredHeadings: string[];
}

export type DryRunResult = { ok: true; summary: DryRunSummary } | { ok: false; errors: FileError[] };

export interface RegisterImportView {
  id: string;
  kind: string;
  fileName: string;
  status: RegisterImportStatus;
  orgUnitId: string;
  createdById: string;
  createdAt: Date;
  sheetName: string | null;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  refused: number;
  appliedRows: number;
  /** What applying did: enterprises added, changed, rows left with nothing to change, rows skipped (see the rows' notices). */
  appliedCreated: number;
  appliedUpdated: number;
  appliedUnchanged: number;
  appliedSkipped: number;
  error: string | null;
}

export interface RegisterImportRowView {
  rowNumber: number;
  action: ImportRowAction;
  taxCode: string | null;
  name: string | null;
  changedFields: string[];
  errors: { column: string | null; message: string }[];
  applied: boolean;
}

export interface RefusedRowsFile {
  body: Buffer;
  filename: string;
  asciiFilename: string;
}
