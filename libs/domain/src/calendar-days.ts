/**
 * Calendar days in Asia/Ho_Chi_Minh.
 *
 * Dates are plain 'YYYY-MM-DD' strings and all arithmetic is done on day numbers
 * (days since 1970-01-01) so that no host time zone or DST rule can shift a day.
 */

/** A calendar day 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Vietnam has been UTC+7 all year since 1975, so a fixed offset is exact. */
export const VN_UTC_OFFSET_MS = 7 * 3_600_000;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitDate(s: string): [number, number, number] | null {
  const m = ISO_DATE_RE.exec(s);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

/** Strict 'YYYY-MM-DD' naming a real day (no 2024-02-30, no time part, no padding shortcuts). */
export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && splitDate(s) !== null;
}

/** Parses an IsoDate into [year, month 1-12, day]; RangeError when malformed. */
export function isoDateParts(d: IsoDate): [number, number, number] {
  const parts = typeof d === 'string' ? splitDate(d) : null;
  if (parts === null) throw new RangeError(`Not a YYYY-MM-DD date: ${String(d)}`);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !isIsoDate(s)) {
    throw new RangeError(`Not a calendar day: ${year}-${month}-${day}`);
  }
  return s;
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber(d: IsoDate): number {
  const [yy, m, day] = isoDateParts(d);
  const y = m <= 2 ? yy - 1 : yy;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a day number: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoDateOf(y, m, day);
}

/** 0 = Sunday … 6 = Saturday (like Date#getDay). */
export function weekdayOf(d: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(d));
}

/** weekdayOf for a day number. */
export function weekdayOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(d: IsoDate): boolean {
  const w = weekdayOf(d);
  return w === 0 || w === 6;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar months forward or back, clamped to the month's last day (31/1 + 1 month = 29/2 in 2024). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of months: ${n}`);
  const [y, m, day] = isoDateParts(d);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return isoDateOf(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Signed calendar days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1; validates both sides (plain string comparison would accept garbage). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** The calendar day in Vietnam at a given instant. */
export function vnDateOf(instant: Date): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor((ms + VN_UTC_OFFSET_MS) / MS_PER_DAY));
}

/** The instant of 00:00 in Vietnam on a day (i.e. 17:00 UTC the day before). */
export function vnStartOfDay(d: IsoDate): Date {
  return new Date(toDayNumber(d) * MS_PER_DAY - VN_UTC_OFFSET_MS);
}
