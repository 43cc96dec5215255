import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, weekdayOf } from './calendar-days';
import { HolidayData, calendarFromHolidayData } from './holiday-data';
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
    const c = new WorkingCalendar(['2024-03-05', '2024-03-06', '2024-03-12', '2024-03-16', '2024-03-29'], ['2024-03-16', '2024-03-23', '2024-03-06']);
    for (let from = '2024-02-25'; from <= '2024-04-05'; from = addDays(from, 1)) {
      for (let to = addDays(from, -2); to <= '2024-04-10'; to = addDays(to, 3)) {
        expect(c.workingDaysBetween(from, to)).toBe(bruteWorkingDaysBetween(c, from, to));
      }
    }
  });
});

describe('WorkingCalendar from the 2024–2026 holiday data', () => {
  it('reads the holiday seed file', () => {
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
