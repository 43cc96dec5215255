import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, isIsoDate, isWeekend, weekdayOf } from './calendar-days';
import { HolidayData, calendarFromHolidayData, calendarFromRows, holidayRows } from './holiday-data';

const HOLIDAY_FILE = path.resolve(__dirname, '../../persistence/src/seed-data/vn-public-holidays.json'); // the data the migrations seed calendar_day with
const holidayData = JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayData;
const cal = calendarFromHolidayData(holidayData);

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
    expect(rows.filter((r) => r.kind === 'MAKE_UP_WORKING_DAY').map((r) => r.day)).toEqual(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
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
