import {
  IsoDate,
  TAX_CODE_FORMAT_MESSAGE,
  daysInMonth,
  fromDayNumber,
  isoDateOf,
  isoDateParts,
  normalizeHeading,
  normalizeTaxCode,
  toDayNumber,
} from '@app/domain';
import { formatCount } from './import-common';
import { ColumnType, FilledCell, ParseResult } from './column-spec';

/** Column types shared by import kinds. Every message is Vietnamese and names the column by its heading. */

const ok = <V>(value: V): ParseResult<V> => ({ ok: true, value });
const fail = <V>(message: string): ParseResult<V> => ({ ok: false, message });

/** A calendar day written dd/mm/yyyy, the way Vietnamese documents write one. */
export function formatDayMonthYear(d: IsoDate): string {
  const [y, m, day] = isoDateParts(d);
  return `${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** A cell as text: numbers without grouping, dates dd/mm/yyyy, booleans Có/Không. */
function cellText(cell: FilledCell): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  return Number.isNaN(cell.getTime()) ? '' : formatDayMonthYear(fromDayNumber(Math.floor(cell.getTime() / 86_400_000)));
}

/** Text, NFC, trimmed, inner runs of white space (line breaks included) made one space. */
export function textType(options: { maxLength?: number } = {}): ColumnType<string> {
  return {
    parse(cell, heading) {
      const text = cellText(cell).normalize('NFC').replace(/\s+/gu, ' ').trim();
      // Code points never outnumber UTF-16 units: count them only when the units are over the limit.
      if (options.maxLength !== undefined && text.length > options.maxLength && [...text].length > options.maxLength) {
        return fail(`${heading} dài quá ${formatCount(options.maxLength)} ký tự`);
      }
      return ok(text);
    },
    format: (value) => value,
  };
}

/**
 * A whole number from 0 to `max`. Text may group digits with '.', ',' or spaces in threes ('1.250'), as
 * Vietnamese write numbers; '12.5' is refused, not rounded.
 */
export function countType(options: { max?: number } = {}): ColumnType<number> {
  const max = options.max ?? 1_000_000;
  const check = (n: number, heading: string): ParseResult<number> => {
    if (!Number.isFinite(n)) return fail(`${heading} phải là số nguyên`);
    if (n < 0) return fail(`${heading} phải từ 0 trở lên`);
    if (!Number.isInteger(n)) return fail(`${heading} phải là số nguyên`);
    if (n > max) return fail(`${heading} không được quá ${formatCount(max)}`);
    return ok(n);
  };
  return {
    parse(cell, heading) {
      if (typeof cell === 'number') return check(cell, heading);
      if (typeof cell !== 'string') return fail(`${heading} phải là số nguyên`);
      const t = cell.trim().replace(/\u00a0/g, ' ');
      const m = /^([-+−]?)(\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+)$/u.exec(t);
      if (!m) return /^[-−]\s*\d/u.test(t) ? fail(`${heading} phải từ 0 trở lên`) : fail(`${heading} phải là số nguyên`);
      const n = Number(m[2].replace(/[., ]/g, ''));
      return check(m[1] === '-' || m[1] === '−' ? -n : n, heading);
    },
    format: (value) => value,
  };
}

const YES = new Set(['co', 'x', 'yes', 'y', '1', 'true', 'da co', 'roi', 'da thanh lap', 'v']);
const NO = new Set(['khong', 'no', 'n', '0', 'false', 'chua co', 'chua', 'chua thanh lap']);

/** Có/Không and the ways offices write it: x, yes/no, 1/0, đã có/chưa có, TRUE/FALSE. */
export function booleanType(): ColumnType<boolean> {
  return {
    parse(cell, heading) {
      if (typeof cell === 'boolean') return ok(cell);
      if (typeof cell === 'number' && (cell === 0 || cell === 1)) return ok(cell === 1);
      const key = normalizeHeading(cellText(cell));
      if (YES.has(key)) return ok(true);
      if (NO.has(key)) return ok(false);
      return fail(`${heading} phải ghi “Có” hoặc “Không” (hoặc x, 1/0, đã có/chưa có)`);
    },
    format: (value) => (value ? 'Có' : 'Không'),
  };
}

/** Excel day 25569 is 1970-01-01 (day 0 of toDayNumber); serials below 61 fall before Excel's fictitious 29/02/1900. */
const EXCEL_EPOCH_OFFSET = 25_569;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function dayInRange(d: IsoDate): boolean {
  const y = isoDateParts(d)[0];
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * A calendar day → IsoDate: an Excel date cell (Date, read as UTC as exceljs writes it), an Excel serial
 * number, or text dd/mm/yyyy (also d/m/yyyy, with '-' or '.', and yyyy-mm-dd). Exported as a date cell.
 */
export function dateType(): ColumnType<IsoDate> {
  const invalid = (shown: string): ParseResult<IsoDate> => fail(`${shown} không phải là ngày hợp lệ`);
  return {
    parse(cell, heading) {
      if (cell instanceof Date) {
        if (Number.isNaN(cell.getTime())) return fail(`${heading} không phải là ngày hợp lệ`);
        const d = fromDayNumber(Math.floor(cell.getTime() / 86_400_000));
        return dayInRange(d) ? ok(d) : fail(`${heading} phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}`);
      }
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell) || cell < 61) return fail(`${heading} không phải là ngày hợp lệ`);
        const d = fromDayNumber(Math.floor(cell) - EXCEL_EPOCH_OFFSET);
        return dayInRange(d) ? ok(d) : fail(`${heading} phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}`);
      }
      const t = cellText(cell).trim();
      let y: number, m: number, day: number;
      let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
      if (match) [day, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
      else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      else return fail(`${heading} phải ghi theo dạng ngày/tháng/năm, ví dụ 31/12/2024`);
      if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return invalid(t);
      if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${heading} phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}`);
      return ok(isoDateOf(y, m, day));
    },
    // Midnight UTC: exceljs writes Dates as UTC, so the day survives any server time zone.
    format: (value) => new Date(toDayNumber(value) * 86_400_000),
    numFmt: 'dd/mm/yyyy',
  };
}

/** A tax code (mã số thuế), normalised; numbers that lost a leading zero in Excel get it back. Exported as text. */
export function taxCodeType(): ColumnType<string> {
  return {
    parse(cell) {
      if (typeof cell !== 'string' && typeof cell !== 'number') return fail(TAX_CODE_FORMAT_MESSAGE);
      const r = normalizeTaxCode(cell);
      return r.ok ? ok(r.value) : fail(r.message);
    },
    format: (value) => value,
  };
}

export interface Choice<V extends string> {
  value: V;
  /** How exports write it and messages list it. */
  label: string;
  aliases?: readonly string[];
}

/** One of a fixed list, by label or alias, ignoring case, diacritics and punctuation. */
export function choiceType<V extends string>(choices: readonly Choice<V>[]): ColumnType<V> {
  const byKey = new Map<string, V>();
  for (const c of choices) for (const a of [c.label, c.value, ...(c.aliases ?? [])]) byKey.set(normalizeHeading(a), c.value);
  const labels = new Map(choices.map((c) => [c.value, c.label]));
  const list = choices.map((c) => c.label).join(', ');
  return {
    parse(cell, heading) {
      const text = cellText(cell).trim();
      const v = byKey.get(normalizeHeading(text));
      return v !== undefined ? ok(v) : fail(`${heading} “${text}” không nằm trong danh sách: ${list}`);
    },
    format: (value) => labels.get(value) ?? value,
  };
}
