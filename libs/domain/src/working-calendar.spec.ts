import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  isoDateOf,
  isoDateParts,
  toDayNumber,
  vnDateOf,
  vnStartOfDay,
  weekdayOf,
} from './calendar-days';
import { HolidayData, calendarFromHolidayData, calendarFromRows, holidayRows } from './holiday-data';
import { WorkingCalendar } from './working-calendar';

const HOLIDAY_FILE = path.resolve(__dirname, '../../persistence/src/seed-data/vn-public-holidays.json'); // the data the migrations seed calendar_day with
const holidayData = JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayData;
const cal = calendarFromHolidayData(holidayData);
/** Weekends only: to tell the weekend rule from the holiday data. */
const plain = new WorkingCalendar([], []);

/** Day-by-day reference implementation, slow and obvious. */
function bruteWorkingDaysBetween(c: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (c.isWorkingDay(d)) n += 1;
  return n;
}

function utcIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('isIsoDate', () => {
  it.each(['2024-01-01', '2024-02-29', '2000-02-29', '2023-12-31', '1975-04-30', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '2024-01-1',
    '24-01-01',
    '+02024-01-01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024/01/01',
    '01/01/2024',
    '２０２４-01-01',
    '',
    'abcd-ef-gh',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));
  it('rejects non-strings coming from untyped input', () => {
    expect(isIsoDate(20240101 as unknown as string)).toBe(false);
    expect(isIsoDate(null as unknown as string)).toBe(false);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('agrees with Date.UTC and round-trips over four centuries', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1800, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 13 * 86_400_000) {
      const iso = utcIso(ms);
      const n = Math.round(ms / 86_400_000);
      if (toDayNumber(iso) !== n || fromDayNumber(n) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with Date on every day of a leap-year span', () => {
    for (let ms = Date.UTC(2023, 11, 1); ms <= Date.UTC(2025, 2, 31); ms += 86_400_000) {
      const iso = utcIso(ms);
      expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
      expect(weekdayOf(iso)).toBe(new Date(ms).getUTCDay());
    }
  });

  it('rejects malformed dates and fractional day numbers', () => {
    expect(() => toDayNumber('2024-02-30')).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => isoDateParts('nope')).toThrow(RangeError);
  });

  it('builds and splits dates', () => {
    expect(isoDateOf(2024, 2, 9)).toBe('2024-02-09');
    expect(isoDateParts('2024-02-09')).toEqual([2024, 2, 9]);
    expect(() => isoDateOf(2024, 2, 30)).toThrow(RangeError);
    expect(() => isoDateOf(10000, 1, 1)).toThrow(RangeError);
    expect(() => isoDateOf(-1, 1, 1)).toThrow(RangeError);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([
      31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('calendar-day arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-05-05', 0, '2024-05-05'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('rejects fractional days', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-15', 2, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-05-31', 0, '2024-05-31'],
  ])('addMonths(%s, %i) = %s (clamped to month end)', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it('measures and compares', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(compareIsoDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareIsoDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(() => compareIsoDates('2024-01-01', 'garbage')).toThrow(RangeError);
  });

  it('knows weekends', () => {
    expect(weekdayOf('2024-02-10')).toBe(6); // mùng 1 Tết Giáp Thìn was a Saturday
    expect(isWeekend('2024-02-10')).toBe(true);
    expect(isWeekend('2024-02-11')).toBe(true);
    expect(isWeekend('2024-02-12')).toBe(false);
  });
});

describe('Vietnam time', () => {
  it.each([
    ['2024-01-01T16:59:59.999Z', '2024-01-01'],
    ['2024-01-01T17:00:00.000Z', '2024-01-02'],
    ['2023-12-31T17:00:00.000Z', '2024-01-01'],
    ['2024-02-28T23:30:00.000Z', '2024-02-29'],
    ['2024-02-29T17:00:00.000Z', '2024-03-01'],
    ['2024-06-15T00:00:00+07:00', '2024-06-15'],
    ['2024-06-14T23:59:59-05:00', '2024-06-15'],
    ['1969-12-31T17:00:00.000Z', '1970-01-01'],
    ['1969-12-31T16:59:59.999Z', '1969-12-31'],
  ])('vnDateOf(%s) = %s', (instant, day) => {
    expect(vnDateOf(new Date(instant))).toBe(day);
  });

  it('rejects an invalid Date', () => {
    expect(() => vnDateOf(new Date('nope'))).toThrow(RangeError);
  });

  it('starts a Vietnamese day at 17:00 UTC of the day before', () => {
    expect(vnStartOfDay('2024-02-10').toISOString()).toBe('2024-02-09T17:00:00.000Z');
    expect(vnStartOfDay('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(vnStartOfDay('1970-01-01').getTime()).toBe(-7 * 3_600_000);
  });

  it('vnStartOfDay and vnDateOf are inverse at both edges of each day', () => {
    for (let d = '2024-12-25'; d <= '2025-01-05'; d = addDays(d, 1)) {
      const start = vnStartOfDay(d);
      expect(vnDateOf(start)).toBe(d);
      expect(vnDateOf(new Date(start.getTime() - 1))).toBe(addDays(d, -1));
      expect(vnDateOf(new Date(start.getTime() + 86_400_000 - 1))).toBe(d);
    }
  });
});

describe('WorkingCalendar, weekends only', () => {
  it('works Monday to Friday', () => {
    // 2024-03-04 is a Monday
    const week = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10'];
    expect(week.map((d) => plain.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });

  it.each([
    ['2024-03-04', 0, '2024-03-04'],
    ['2024-03-09', 0, '2024-03-09'],
    ['2024-03-04', 1, '2024-03-05'],
    ['2024-03-08', 1, '2024-03-11'],
    ['2024-03-09', 1, '2024-03-11'],
    ['2024-03-10', 1, '2024-03-11'],
    ['2024-03-04', 5, '2024-03-11'],
    ['2024-03-04', 10, '2024-03-18'],
    ['2024-03-11', -1, '2024-03-08'],
    ['2024-03-10', -1, '2024-03-08'],
    ['2024-03-18', -10, '2024-03-04'],
  ])('addWorkingDays(%s, %i) = %s', (start, n, expected) => {
    expect(plain.addWorkingDays(start, n)).toBe(expected);
  });

  it.each([
    ['2024-03-04', '2024-03-04', 0],
    ['2024-03-05', '2024-03-04', 0],
    ['2024-03-04', '2024-03-05', 1],
    ['2024-03-08', '2024-03-11', 1],
    ['2024-03-08', '2024-03-10', 0],
    ['2024-03-09', '2024-03-10', 0],
    ['2024-03-04', '2024-03-18', 10],
    ['2024-01-01', '2024-12-31', 261],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(plain.workingDaysBetween(from, to)).toBe(n);
  });

  it('rejects fractional counts and bad dates', () => {
    expect(() => plain.addWorkingDays('2024-03-04', 1.5)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2024-3-4', 1)).toThrow(RangeError);
    expect(() => plain.isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => plain.workingDaysBetween('x', '2024-01-01')).toThrow(RangeError);
    expect(() => new WorkingCalendar(['2024-02-30'], [])).toThrow(RangeError);
    expect(() => new WorkingCalendar([], ['soon'])).toThrow(RangeError);
  });
});

describe('WorkingCalendar, edge cases of the lists', () => {
  it('a make-up day wins over a day off on the same date', () => {
    const c = new WorkingCalendar(['2024-03-05', '2024-03-09'], ['2024-03-09']);
    expect(c.isWorkingDay('2024-03-09')).toBe(true);
    expect(c.isWorkingDay('2024-03-05')).toBe(false);
    expect(c.workingDaysBetween('2024-03-03', '2024-03-10')).toBe(5);
  });

  it('a day off that falls on a weekend changes nothing', () => {
    const c = new WorkingCalendar(['2024-03-09', '2024-03-10'], []);
    expect(c.workingDaysBetween('2024-03-03', '2024-03-17')).toBe(10);
    expect(c.addWorkingDays('2024-03-08', 1)).toBe('2024-03-11');
  });

  it('a make-up weekday is not counted twice', () => {
    const c = new WorkingCalendar([], ['2024-03-06']);
    expect(c.workingDaysBetween('2024-03-03', '2024-03-10')).toBe(5);
  });

  it('accepts duplicates and any iterable', () => {
    const c = new WorkingCalendar(new Set(['2024-03-05']), ['2024-03-09', '2024-03-09'].values());
    expect(c.workingDaysBetween('2024-03-03', '2024-03-10')).toBe(5);
  });

  it('matches the day-by-day count on a crowded synthetic calendar', () => {
    const c = new WorkingCalendar(
      ['2024-03-05', '2024-03-06', '2024-03-12', '2024-03-16', '2024-03-29'],
      ['2024-03-16', '2024-03-23', '2024-03-06'],
    );
    for (let from = '2024-02-25'; from <= '2024-04-05'; from = addDays(from, 1)) {
      for (let to = addDays(from, -2); to <= '2024-04-10'; to = addDays(to, 3)) {
        expect(c.workingDaysBetween(from, to)).toBe(bruteWorkingDaysBetween(c, from, to));
      }
    }
  });
});

describe('WorkingCalendar from the 2024–2026 holiday data', () => {
  it('reads the shared data file', () => {
    expect(fs.existsSync(HOLIDAY_FILE)).toBe(true);
  });

  it('Tết Giáp Thìn 2024: Thu 08/02 to Wed 14/02 are all off', () => {
    for (let d = '2024-02-08'; d <= '2024-02-14'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2024-02-07')).toBe(true);
    expect(cal.isWorkingDay('2024-02-15')).toBe(true);
    expect(cal.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
    expect(cal.addWorkingDays('2024-02-10', 1)).toBe('2024-02-15');
    expect(cal.addWorkingDays('2024-02-15', -1)).toBe('2024-02-07');
    expect(cal.workingDaysBetween('2024-02-07', '2024-02-15')).toBe(1);
    expect(cal.workingDaysBetween('2024-02-01', '2024-02-29')).toBe(15);
  });

  it('Tết 2025 (27/01–31/01) and Tết 2026 (16/02–20/02)', () => {
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(cal.addWorkingDays('2025-01-20', 10)).toBe('2025-02-10');
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
  });

  it('30/4–1/5 2024: Mon 29/04 swapped, make-up Saturday 04/05 is a working day', () => {
    expect(['2024-04-29', '2024-04-30', '2024-05-01'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, false]);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(weekdayOf('2024-05-04')).toBe(6);
    expect(cal.isWorkingDay('2024-05-05')).toBe(false);
    expect(cal.isWorkingDay('2024-04-27')).toBe(false);
    expect(cal.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02');
    expect(cal.addWorkingDays('2024-04-26', 3)).toBe('2024-05-04');
    expect(cal.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(cal.addWorkingDays('2024-05-06', -1)).toBe('2024-05-04');
    // Fri 26/04 -> Mon 06/05: Thu 02, Fri 03, Sat 04 (làm bù), Mon 06
    expect(cal.workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4);
  });

  it('other make-up Saturdays: 26/04/2025, 10/01/2026, 22/08/2026', () => {
    for (const d of ['2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(weekdayOf(d)).toBe(6);
      expect(cal.isWorkingDay(d)).toBe(true);
      expect(plain.isWorkingDay(d)).toBe(false);
    }
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
  });

  it('New Year and National Day blocks', () => {
    expect(cal.addWorkingDays('2023-12-29', 1)).toBe('2024-01-02');
    expect(cal.addWorkingDays('2024-08-30', 1)).toBe('2024-09-04');
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
  });

  it('includes Culture Day 24/11/2026 as listed in the data (flagged unconfirmed there)', () => {
    expect(cal.isWorkingDay('2026-11-24')).toBe(false);
    expect(cal.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
  });

  it.each([
    [2024, 251],
    [2025, 250],
    [2026, 249],
  ])('%i has %i working days', (year, n) => {
    expect(cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(n);
  });

  it('counts exactly like the day-by-day reference around every holiday block', () => {
    const starts = ['2023-12-20', '2024-02-01', '2024-04-15', '2024-08-25', '2025-01-15', '2025-04-20', '2026-01-01', '2026-08-15', '2026-11-15'];
    for (const start of starts) {
      for (let to = start; to <= addDays(start, 40); to = addDays(to, 1)) {
        expect(cal.workingDaysBetween(start, to)).toBe(bruteWorkingDaysBetween(cal, start, to));
      }
    }
  });

  it('addWorkingDays and workingDaysBetween agree, and land on working days', () => {
    const failures: string[] = [];
    let checked = 0;
    for (let start = '2023-12-25'; start <= '2027-01-05'; start = addDays(start, 2)) {
      for (const n of [1, 2, 8, 10, 15, 16, 24, 30, 45]) {
        const end = cal.addWorkingDays(start, n);
        // counting back lands on the last working day on or before start
        const back = cal.addWorkingDays(end, -n);
        const ok =
          cal.isWorkingDay(end) &&
          cal.workingDaysBetween(start, end) === n &&
          cal.workingDaysBetween(start, addDays(end, -1)) === n - 1 &&
          cal.isWorkingDay(back) &&
          back <= start &&
          (back === start) === cal.isWorkingDay(start) &&
          cal.workingDaysBetween(back, start) === 0;
        if (!ok) failures.push(`${start} + ${n}`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(554 * 9);
  });
});

describe('holidayRows', () => {
  const rows = holidayRows(holidayData);

  it('flattens every year of the file', () => {
    const years = Object.keys(holidayData).filter((k) => /^\d{4}$/.test(k));
    const expected = years.reduce((n, y) => {
      const e = holidayData[y] as { days_off: string[]; make_up_working_days: string[] };
      return n + e.days_off.length + e.make_up_working_days.length;
    }, 0);
    expect(years).toEqual(['2024', '2025', '2026']);
    expect(rows).toHaveLength(expected);
    expect(rows).toContainEqual({ day: '2024-02-08', kind: 'DAY_OFF', year: 2024 });
    expect(rows).toContainEqual({ day: '2024-05-04', kind: 'MAKE_UP_WORKING_DAY', year: 2024 });
    expect(rows).toContainEqual({ day: '2026-08-22', kind: 'MAKE_UP_WORKING_DAY', year: 2026 });
    expect(rows.filter((r) => r.kind === 'MAKE_UP_WORKING_DAY').map((r) => r.day)).toEqual([
      '2024-05-04',
      '2025-04-26',
      '2026-01-10',
      '2026-08-22',
    ]);
  });

  it('is sorted by day and every row is a valid date of its year', () => {
    const days = rows.map((r) => r.day);
    expect([...days].sort()).toEqual(days);
    for (const r of rows) {
      expect(isIsoDate(r.day)).toBe(true);
      expect(Number(r.day.slice(0, 4))).toBe(r.year);
    }
  });

  it('the data lists weekdays off and Saturday make-up days only', () => {
    for (const r of rows) {
      if (r.kind === 'DAY_OFF') expect([r.day, isWeekend(r.day)]).toEqual([r.day, false]);
      else expect([r.day, weekdayOf(r.day)]).toEqual([r.day, 6]);
    }
  });

  it('ignores non-year keys and missing lists', () => {
    const data: HolidayData = {
      _notes: ['anything'],
      meta: { version: 2 },
      '2030': { days_off: ['2030-01-01'] },
    };
    expect(holidayRows(data)).toEqual([{ day: '2030-01-01', kind: 'DAY_OFF', year: 2030 }]);
  });

  it('drops exact duplicates', () => {
    const data: HolidayData = { '2024': { days_off: ['2024-01-01', '2024-01-01'], make_up_working_days: [] } };
    expect(holidayRows(data)).toHaveLength(1);
  });

  it('fails on a day both off and worked', () => {
    const data: HolidayData = { '2024': { days_off: ['2024-05-04'], make_up_working_days: ['2024-05-04'] } };
    expect(() => holidayRows(data)).toThrow(/2024-05-04 is listed both/);
  });

  it('fails on malformed entries', () => {
    expect(() => holidayRows({ '2024': { days_off: ['2024-02-30'], make_up_working_days: [] } })).toThrow(RangeError);
    expect(() => holidayRows({ '2024': { days_off: '2024-01-01', make_up_working_days: [] } })).toThrow(TypeError);
    expect(() => holidayRows({ '2024': ['2024-01-01'] })).toThrow(TypeError);
    expect(() => holidayRows({ '2024': null })).toThrow(TypeError);
  });

  it('calendarFromRows builds the same calendar as calendarFromHolidayData', () => {
    const fromRows = calendarFromRows(rows);
    for (let d = '2024-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (fromRows.isWorkingDay(d) !== cal.isWorkingDay(d)) throw new Error(`calendars differ on ${d}`);
    }
    expect(fromRows.workingDaysBetween('2023-12-31', '2026-12-31')).toBe(251 + 250 + 249);
  });
});
