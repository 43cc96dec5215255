import type { IsoDate } from '@app/domain';
import { EARLIEST_DAY, dayMonthYear } from '../common/messages-vi';
import { CellValue, ENTERPRISE_HEADINGS, EnterpriseImportRow, ImportRow, RowError } from '../imports';

/**
 * What a register import compares and writes: the enterprise columns of the import kind (the tax code is the
 * key, never written), and the pure rules of the dry run (docs: RegisterImportsService).
 */

export enum RegisterImportStatus {
  VALIDATED = 'VALIDATED',
  APPLYING = 'APPLYING',
  APPLIED = 'APPLIED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export enum ImportRowAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}

export type RegisterField = Exclude<keyof EnterpriseImportRow, 'taxCode'>;

export interface RegisterFieldSpec {
  key: RegisterField;
  /** The enterprise column. */
  column: string;
  /** How a value stored in jsonb (`->>`) is cast back to the column's type. */
  sqlType: 'text' | 'int' | 'boolean' | 'date';
  heading: string;
}

/** In the order of the import kind's columns. */
export const REGISTER_FIELDS: readonly RegisterFieldSpec[] = [
  { key: 'name', column: 'name', sqlType: 'text', heading: ENTERPRISE_HEADINGS.name },
  { key: 'workerCount', column: 'worker_count', sqlType: 'int', heading: ENTERPRISE_HEADINGS.workerCount },
  { key: 'address', column: 'address', sqlType: 'text', heading: ENTERPRISE_HEADINGS.address },
  { key: 'district', column: 'district', sqlType: 'text', heading: ENTERPRISE_HEADINGS.district },
  { key: 'sector', column: 'sector', sqlType: 'text', heading: ENTERPRISE_HEADINGS.sector },
  { key: 'ownership', column: 'ownership', sqlType: 'text', heading: ENTERPRISE_HEADINGS.ownership },
  { key: 'hasUnion', column: 'has_union', sqlType: 'boolean', heading: ENTERPRISE_HEADINGS.hasUnion },
  { key: 'surveyedOn', column: 'surveyed_on', sqlType: 'date', heading: ENTERPRISE_HEADINGS.surveyedOn },
  { key: 'fundingType', column: 'funding_type', sqlType: 'text', heading: ENTERPRISE_HEADINGS.fundingType },
  { key: 'fundingTypeFrom', column: 'funding_type_from', sqlType: 'date', heading: ENTERPRISE_HEADINGS.fundingTypeFrom },
];

export const OUT_OF_SCOPE_MESSAGE = 'Doanh nghiệp có mã số thuế này thuộc đơn vị khác';

/** A column the worker left as a user set it after the dry run. */
export function keptColumnMessage(heading: string): string {
  return `Bỏ qua “${heading}”: đã được sửa sau khi kiểm tra`;
}

/** An enterprise of the register as the dry run compares it: its unit (for the scope) and the import's columns. */
export type RegisterSnapshot = { id: string; taxCode: string; orgUnitId: string; unitPath: string } & {
  [K in RegisterField]: EnterpriseImportRow[K] | null;
};

/** A row as the dry run stores it (register_import_row). */
export interface ClassifiedRow {
  rowNumber: number;
  action: ImportRowAction;
  taxCode: string | null;
  name: string | null;
  enterpriseId: string | null;
  /** Parsed cells: for accepted rows the tax code and every non-blank column of the file; for refused rows what parsed. */
  values: Record<string, unknown>;
  /** UPDATE: each changed column's value at the dry run. */
  before: Record<string, unknown> | null;
  /** REFUSED: the cells as read (dates encoded, see encodeRaw). */
  raw: Record<string, JsonCell> | null;
  changedFields: RegisterField[];
  errors: RowError[];
}

function isBlank(cell: CellValue | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * The columns a row sets: those of the file whose cell is not blank. A blank cell changes nothing (an office's
 * list without addresses does not erase the addresses officers typed); a new enterprise gets null (no union).
 */
export function providedValues(row: ImportRow<EnterpriseImportRow>): Partial<Record<RegisterField, unknown>> {
  const out: Partial<Record<RegisterField, unknown>> = {};
  for (const f of REGISTER_FIELDS) {
    const value = row.values[f.key];
    if (!isBlank(row.raw[f.key]) && value !== undefined && value !== null) out[f.key] = value;
  }
  return out;
}

/** The days the register's form takes only up to today. */
const PAST_DAYS = ['surveyedOn', 'fundingTypeFrom'] as const;

/**
 * CREATE (no enterprise has the tax code), UPDATE (one in the caller's scope has it and the file changes some of
 * its columns), UNCHANGED, or REFUSED (the reader's errors, a day the form would refuse, or an enterprise of the tax
 * code outside the scope).
 */

export function classifyRow(
  row: ImportRow<EnterpriseImportRow>,
  existing: RegisterSnapshot | undefined,
  inScope: (e: RegisterSnapshot) => boolean,
  today: IsoDate,
): ClassifiedRow {
  const base = { rowNumber: row.rowNumber, taxCode: row.values.taxCode ?? null, name: row.values.name ?? null, before: null };
  const refused = (errors: RowError[]): ClassifiedRow => ({
    ...base,
    action: ImportRowAction.REFUSED,
    enterpriseId: null,
    values: { ...row.values },
    raw: encodeRaw(row.raw),
    changedFields: [],
    errors,
  });
  if (row.errors.length) return refused(row.errors);
  if (existing && !inScope(existing)) return refused([{ column: ENTERPRISE_HEADINGS.taxCode, message: OUT_OF_SCOPE_MESSAGE }]);
  const provided = providedValues(row);
  // The register form's rule for its past days (enterprise-input.ts pastDay): a future day would lock the funding
  // type's history (no later day could be recorded today) and count workers not yet counted.
  const dayErrors = PAST_DAYS.flatMap((key): RowError[] => {
    const day = provided[key];
    const column = ENTERPRISE_HEADINGS[key];
    if (typeof day !== 'string') return [];
    if (day > today) return [{ column, message: `${column} không được sau hôm nay (${dayMonthYear(today)})` }];
    if (day < EARLIEST_DAY) return [{ column, message: `${column} không được trước ngày ${dayMonthYear(EARLIEST_DAY)}` }];
    return [];
  });
  if (dayErrors.length) return refused(dayErrors);
  // The funding type's history is written in order, as on the register's form (enterprise-funding.ts).
  const from = provided.fundingTypeFrom;
  const currentFrom = existing?.fundingTypeFrom;
  if (typeof from === 'string' && typeof currentFrom === 'string' && from < currentFrom) {
    const [y, m, d] = currentFrom.split('-');
    return refused([
      { column: ENTERPRISE_HEADINGS.fundingTypeFrom, message: `Ngày áp dụng không được trước ngày áp dụng loại hình tài chính hiện tại (${d}/${m}/${y})` },
    ]);
  }
  const values = { taxCode: row.values.taxCode, ...provided };
  if (!existing) return { ...base, action: ImportRowAction.CREATE, enterpriseId: null, values, raw: null, changedFields: [], errors: [] };
  const changed = REGISTER_FIELDS.filter((f) => f.key in provided && provided[f.key] !== existing[f.key]).map((f) => f.key);
  if (!changed.length) return { ...base, action: ImportRowAction.UNCHANGED, enterpriseId: existing.id, values, raw: null, changedFields: [], errors: [] };
  const before = Object.fromEntries(changed.map((k) => [k, existing[k]]));
  return { ...base, action: ImportRowAction.UPDATE, enterpriseId: existing.id, values, before, raw: null, changedFields: changed, errors: [] };
}

/** A cell as stored in jsonb: dates keep their type (they come back as dates in the file of refused rows). */
export type JsonCell = string | number | boolean | null | { date: string };

export function encodeRaw(raw: Partial<Record<string, CellValue>>): Record<string, JsonCell> {
  const out: Record<string, JsonCell> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    out[k] = v instanceof Date ? (Number.isNaN(v.getTime()) ? null : { date: v.toISOString() }) : v;
  }
  return out;
}

export function decodeRaw(raw: Record<string, JsonCell> | null): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(raw ?? {})) out[k] = v !== null && typeof v === 'object' ? new Date(v.date) : v;
  return out;
}
