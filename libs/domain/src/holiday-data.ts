import { IsoDate, isIsoDate } from './calendar-days';
import { WorkingCalendar } from './working-calendar';

/** One year of the public-holiday data file (extra keys such as sources are ignored). */
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
  return calendarFromRows(holidayRows(json));
}

/** Same as calendarFromHolidayData but from table rows (what the services load from Postgres). */
export function calendarFromRows(rows: Iterable<{ day: IsoDate; kind: HolidayKind }>): WorkingCalendar {
  const list = [...rows];
  return new WorkingCalendar(
    list.filter((r) => r.kind === 'DAY_OFF').map((r) => r.day),
    list.filter((r) => r.kind === 'MAKE_UP_WORKING_DAY').map((r) => r.day),
  );
}
