/**
 * Calendar days and working days in Asia/Ho_Chi_Minh.
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

function weekdayOfDayNumber(n: number): number {
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

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted numbers lie in (a, b]. */
function countInHalfOpen(sorted: readonly number[], a: number, b: number): number {
  return lowerBound(sorted, b + 1) - lowerBound(sorted, a + 1);
}

/**
 * Working days for public-sector staff on a Mon–Fri week: weekdays that are not days off,
 * plus the announced make-up working days (làm bù, usually Saturdays).
 */
export class WorkingCalendar {
  private readonly daysOff: ReadonlySet<number>;
  private readonly makeUp: ReadonlySet<number>;
  /** Weekdays that are off (and not also declared make-up days), sorted. */
  private readonly weekdaysOff: readonly number[];
  /** Weekend days that are worked, sorted. */
  private readonly weekendsWorked: readonly number[];

  constructor(daysOff: Iterable<IsoDate>, makeUpWorkingDays: Iterable<IsoDate>) {
    this.daysOff = new Set([...daysOff].map(toDayNumber));
    this.makeUp = new Set([...makeUpWorkingDays].map(toDayNumber));
    const isWeekendNumber = (n: number): boolean => {
      const w = weekdayOfDayNumber(n);
      return w === 0 || w === 6;
    };
    this.weekdaysOff = [...this.daysOff]
      .filter((n) => !isWeekendNumber(n) && !this.makeUp.has(n))
      .sort((a, b) => a - b);
    this.weekendsWorked = [...this.makeUp].filter(isWeekendNumber).sort((a, b) => a - b);
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(d));
  }

  private isWorkingDayNumber(n: number): boolean {
    // A make-up day wins over a day off: the announcement that created it is the later one.
    if (this.makeUp.has(n)) return true;
    const w = weekdayOfDayNumber(n);
    return w !== 0 && w !== 6 && !this.daysOff.has(n);
  }

  /**
   * The n-th working day strictly after `start` (start itself need not be a working day);
   * n = 0 returns start; a negative n counts back to the |n|-th working day strictly before.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    let day = toDayNumber(start);
    if (n === 0) return start;
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** Working days d with from < d <= to; 0 when to <= from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b <= a) return 0;
    // Count Mon–Fri arithmetically, then correct by the (few) exceptions.
    const span = b - a;
    let weekdays = Math.floor(span / 7) * 5;
    for (let n = a + Math.floor(span / 7) * 7 + 1; n <= b; n++) {
      const w = weekdayOfDayNumber(n);
      if (w !== 0 && w !== 6) weekdays += 1;
    }
    return weekdays - countInHalfOpen(this.weekdaysOff, a, b) + countInHalfOpen(this.weekendsWorked, a, b);
  }
}

/** One year of /work/shared/data/vn-public-holidays.json (extra keys such as sources are ignored). */
export interface HolidayYearData {
  /** Weekdays off for public-sector staff. */
  readonly days_off: readonly IsoDate[];
  /** Make-up working days (làm bù), usually Saturdays. */
  readonly make_up_working_days: readonly IsoDate[];
  readonly [key: string]: unknown;
}

/**
 * The holiday data file: four-digit year keys holding HolidayYearData; any other key
 * (e.g. `_notes`) is documentation and ignored.
 */
export interface HolidayData {
  readonly [yearOrNote: string]: unknown;
}

export type HolidayKind = 'DAY_OFF' | 'MAKE_UP_WORKING_DAY';

export interface HolidayRow {
  day: IsoDate;
  kind: HolidayKind;
  year: number;
}

function datesOf(value: unknown, where: string): IsoDate[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${where} must be an array of YYYY-MM-DD dates`);
  return value.map((v: unknown) => {
    if (typeof v !== 'string' || !isIsoDate(v)) throw new RangeError(`${where}: not a YYYY-MM-DD date: ${String(v)}`);
    return v;
  });
}

/**
 * Flattens the holiday data into rows for the seed tables, sorted by day. Fails loudly on
 * malformed dates and on a day that is both off and worked, since a silent guess would
 * move every SLA deadline around it.
 */
export function holidayRows(json: HolidayData): HolidayRow[] {
  const byDay = new Map<IsoDate, HolidayRow>();
  for (const [key, entry] of Object.entries(json)) {
    if (!/^\d{4}$/.test(key)) continue;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new TypeError(`holiday data for ${key} must be an object`);
    }
    const year = Number(key);
    const record = entry as Record<string, unknown>;
    const lists: [HolidayKind, IsoDate[]][] = [
      ['DAY_OFF', datesOf(record.days_off, `${key}.days_off`)],
      ['MAKE_UP_WORKING_DAY', datesOf(record.make_up_working_days, `${key}.make_up_working_days`)],
    ];
    for (const [kind, days] of lists) {
      for (const day of days) {
        const existing = byDay.get(day);
        if (existing !== undefined && existing.kind !== kind) {
          throw new Error(`${day} is listed both as a day off and as a make-up working day`);
        }
        byDay.set(day, { day, kind, year });
      }
    }
  }
  return [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
}

export function calendarFromHolidayData(json: HolidayData): WorkingCalendar {
  const rows = holidayRows(json);
  return new WorkingCalendar(
    rows.filter((r) => r.kind === 'DAY_OFF').map((r) => r.day),
    rows.filter((r) => r.kind === 'MAKE_UP_WORKING_DAY').map((r) => r.day),
  );
}

/** Same as calendarFromHolidayData but from table rows (what the services load from Postgres). */
export function calendarFromRows(rows: Iterable<{ day: IsoDate; kind: HolidayKind }>): WorkingCalendar {
  const list = [...rows];
  return new WorkingCalendar(
    list.filter((r) => r.kind === 'DAY_OFF').map((r) => r.day),
    list.filter((r) => r.kind === 'MAKE_UP_WORKING_DAY').map((r) => r.day),
  );
}
