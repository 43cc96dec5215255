import { FUNDING_TYPES, FUNDING_TYPE_LABEL_VI, FundingType, IsoDate, Ownership, isIsoDate, normalizeTaxCode } from '@app/domain';
import { AppError, ErrorCode } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { FIELD_LABEL } from '../common/messages-vi';

/** Where a worker count came from. */
export enum WorkerCountSource {
  /** Typed into the register (createEnterprise, updateEnterprise). */
  MANUAL = 'MANUAL',
  /** A register import. */
  IMPORT = 'IMPORT',
  /** A founding case's survey (recordSurvey). */
  SURVEY = 'SURVEY',
}

/** The register filtered by its enterprises' cases: an open case now, never any case, or no open case now (a case may be opened). */
export enum EnterpriseCaseStatus {
  OPEN_CASE = 'OPEN_CASE',
  NO_CASE = 'NO_CASE',
  NO_OPEN_CASE = 'NO_OPEN_CASE',
}

/** Orders of the register list (each keyset-paged, ties broken by id). */
export enum EnterpriseSort {
  NAME = 'NAME',
  TAX_CODE = 'TAX_CODE',
  WORKERS_DESC = 'WORKERS_DESC',
  UPDATED_DESC = 'UPDATED_DESC',
}

export const MAX_WORKERS = 1_000_000;
const MAX_NOTE = 2000;
/** The earliest day a count or a closing may be dated (as the case evidence). */
const EARLIEST_DAY = '2000-01-01';

/** How the register's fields are named to users: the shared labels, the enterprise's name as the import's heading says it. */
const ENTERPRISE_FIELD_LABEL: Readonly<Record<string, string>> = { ...FIELD_LABEL, name: 'Tên doanh nghiệp' };

const label = (field: string): string => ENTERPRISE_FIELD_LABEL[field] ?? field;

/** `n` with Vietnamese digit grouping: 1.000.000. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The bad fields of one register input (FieldProblems), with the register's field checks. */
export class RegisterProblems extends FieldProblems {
  /** A required text, NFC and trimmed: blank or too long is a problem. */
  requiredText(field: string, value: string | null | undefined, max: number): string {
    const v = (value ?? '').normalize('NFC').trim();
    if (!v) this.add(field, `${label(field)} không được để trống`);
    else if ([...v].length > max) this.add(field, `${label(field)} không được dài quá ${formatCount(max)} ký tự`);
    return v;
  }

  /** An optional text: undefined when not given, null when given empty (clears it), else NFC and trimmed. */
  optionalText(field: string, value: string | null | undefined, max: number): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null) return null;
    const v = value.normalize('NFC').trim();
    if ([...v].length > max) this.add(field, `${label(field)} không được dài quá ${formatCount(max)} ký tự`);
    return v || null;
  }

  note(field: string, value: string | null | undefined): string | null {
    return this.optionalText(field, value, MAX_NOTE) ?? null;
  }

  /** A tax code, normalised ('0100107518' or '0100107518-001'), its check digit checked. */
  taxCode(field: string, value: string | null | undefined): string {
    const typed = (value ?? '').trim();
    if (!typed) {
      this.add(field, `${label(field)} không được để trống`);
      return typed;
    }
    const r = normalizeTaxCode(typed);
    if (!r.ok) {
      this.add(field, r.message);
      return typed;
    }
    return r.value;
  }

  workerCount(field: string, value: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) this.add(field, `${label(field)} phải là số nguyên`);
    else if (value < 0) this.add(field, `${label(field)} phải từ 0 trở lên`);
    else if (value > MAX_WORKERS) this.add(field, `${label(field)} không được quá ${formatCount(MAX_WORKERS)}`);
    return value;
  }

  /** A day no later than today (and not absurdly early). */
  pastDay(field: string, value: string, today: IsoDate): IsoDate {
    if (typeof value !== 'string' || !isIsoDate(value)) this.add(field, `${label(field)} phải là một ngày có thật, dạng YYYY-MM-DD`);
    else if (value > today) this.add(field, `${label(field)} không được sau hôm nay (${dayMonthYear(today)})`);
    else if (value < EARLIEST_DAY) this.add(field, `${label(field)} không được trước ngày ${dayMonthYear(EARLIEST_DAY)}`);
    return value;
  }

  ownership(field: string, value: string | null | undefined): Ownership | null | undefined {
    if (value === undefined || value === null) return value;
    if (!(Object.values(Ownership) as string[]).includes(value)) {
      this.add(field, `${label(field)} phải là một trong: ${Object.values(Ownership).join(', ')}`);
      return undefined;
    }
    return value as Ownership;
  }

  fundingType(field: string, value: string): FundingType | undefined {
    if ((FUNDING_TYPES as string[]).includes(value)) return value as FundingType;
    this.add(field, `${label(field)} phải là một trong: ${FUNDING_TYPES.map((t) => `${t} (${FUNDING_TYPE_LABEL_VI[t]})`).join(', ')}`);
    return undefined;
  }
}

/** dd/mm/yyyy, the way Vietnamese documents write a day. */
export function dayMonthYear(day: IsoDate): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export const enterpriseNotFound = (): AppError => new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy doanh nghiệp');
export const unitNotFound = (): AppError => new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy đơn vị');

/** A tax code another enterprise of the register already has (the other enterprise is not named: it may be out of scope). */
export const duplicateTaxCode = (taxCode: string): AppError =>
  conflictOn('taxCode', `Mã số thuế ${taxCode} đã có trong sổ doanh nghiệp (một doanh nghiệp khác)`);

/** A founding case may not be opened (or reopened) at an enterprise that ceased operating. */
export const enterpriseClosedForCases = (closedOn: IsoDate, field?: string): AppError =>
  closedRefusal(
    `Doanh nghiệp đã ngừng hoạt động từ ngày ${dayMonthYear(closedOn)}: không thể mở hồ sơ thành lập CĐCS. ` +
      'Nếu doanh nghiệp hoạt động trở lại, hãy mở lại doanh nghiệp trong sổ trước.',
    field,
  );

/** A CONFLICT about one field's value: named in `fields`, its message in `messages` (as a bad input's). */
const conflictOn = (field: string, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError(ErrorCode.CONFLICT, message, { fields: [field], messages: { [field]: message }, ...details });
const closedRefusal = (message: string, field?: string): AppError =>
  field ? conflictOn(field, message, { reason: 'ENTERPRISE_CLOSED' }) : new AppError(ErrorCode.CONFLICT, message, { reason: 'ENTERPRISE_CLOSED' });
