import * as fs from 'node:fs';
import * as path from 'node:path';
import { isWeekend } from './calendar-days';
import { HolidayData, holidayRows } from './holiday-data';
import {
  CULTURE_DAY_DOCUMENT,
  LABOUR_CODE_COMPENSATION_DOCUMENT,
  LABOUR_CODE_DOCUMENT,
  nationalDayExtraOf,
  statutoryDaysOff,
  statutoryHolidayDays,
  tetStartOf,
} from './statutory-holidays';

const HOLIDAY_FILE = path.resolve(__dirname, '../../persistence/src/seed-data/vn-public-holidays.json'); // the data the migrations seed calendar_day with
const rows = holidayRows(JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayData);
const dataDaysOff = (year: number) => rows.filter((r) => r.year === year && r.kind === 'DAY_OFF').map((r) => r.day);
/** The swaps of the data file: a bridging weekday off the government traded for a Saturday worked (never proposed). */
const SWAPS = { 2024: ['2024-04-29'], 2025: ['2025-05-02'], 2026: ['2026-01-02', '2026-08-31'] } as Record<number, string[]>;
const days = (year: number, options = {}) => statutoryDaysOff(year, options).map((d) => d.day);

describe('statutory holidays (Labour Code 2019, Articles 111–112)', () => {
  it('2026: the generated days are the data file’s days off, but for the two swaps the government decided', () => {
    expect(days(2026)).toEqual(dataDaysOff(2026).filter((d) => !SWAPS[2026].includes(d)));
  });

  it('2024 and 2025: equal once the Tết span the government chose is given (2 days before mùng 1), swaps aside', () => {
    // The default proposal (the last day of the lunar year and mùng 1–4) differs only in the Tết span:
    expect(days(2024)).toEqual([
      '2024-01-01',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-04-18',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(days(2025)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-03',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(days(2024, { tetStart: '2024-02-08' })).toEqual(dataDaysOff(2024).filter((d) => !SWAPS[2024].includes(d)));
    expect(days(2025, { tetStart: '2025-01-27' })).toEqual(dataDaysOff(2025).filter((d) => !SWAPS[2025].includes(d)));
  });

  it('2027: Tết Đinh Mùi (mùng 1 = Saturday 06/02) with two compensatory days, 1/5 on a Saturday made up on Monday', () => {
    const all = statutoryDaysOff(2027);
    expect(all.map((d) => d.day)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
      '2027-11-24',
    ]);
    const byDay = new Map(all.map((d) => [d.day, d]));
    expect(byDay.get('2027-01-01')).toEqual({
      day: '2027-01-01',
      holiday: 'NEW_YEAR',
      note: 'Tết Dương lịch',
      document: LABOUR_CODE_DOCUMENT,
      proposal: false,
      compensates: null,
    });
    expect(byDay.get('2027-02-05')).toMatchObject({ holiday: 'TET', note: 'Tết Nguyên đán Đinh Mùi (ngày cuối năm âm lịch)', proposal: true });
    expect(byDay.get('2027-02-09')).toMatchObject({ note: 'Tết Nguyên đán Đinh Mùi (mùng 4)', proposal: true });
    expect(byDay.get('2027-02-10')).toMatchObject({
      note: 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1), rơi vào Thứ Bảy 06/02/2027',
      document: LABOUR_CODE_COMPENSATION_DOCUMENT,
      proposal: true,
      compensates: '2027-02-06',
    });
    expect(byDay.get('2027-02-11')).toMatchObject({ compensates: '2027-02-07' });
    expect(byDay.get('2027-05-03')).toMatchObject({ holiday: 'LABOUR_DAY', compensates: '2027-05-01', proposal: false });
    // 2/9 is a Thursday: the proposal is Friday 3/9, joining the weekend.
    expect(nationalDayExtraOf(2027)).toBe('AFTER');
    expect(byDay.get('2027-09-03')).toMatchObject({ note: 'Quốc khánh (ngày liền sau 2/9)', proposal: true });
    expect(byDay.get('2027-11-24')).toMatchObject({ holiday: 'CULTURE_DAY', document: CULTURE_DAY_DOCUMENT, proposal: true });
    for (const d of all) expect([d.day, isWeekend(d.day)]).toEqual([d.day, false]);
  });

  it('the admin’s choices: the day next to 2/9, the Tết span and 24/11', () => {
    expect(days(2027, { nationalDayExtra: 'BEFORE' })).toContain('2027-09-01');
    expect(days(2027, { nationalDayExtra: 'BEFORE' })).not.toContain('2027-09-03');
    // Tết from 03/02 (two days before the last): Wed–Sun, the weekend made up on Mon–Tue.
    expect(days(2027, { tetStart: '2027-02-03' }).filter((d) => d.startsWith('2027-02'))).toEqual([
      '2027-02-03',
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
    ]);
    expect(days(2027, { cultureDay: false })).not.toContain('2027-11-24');
    expect(days(2025)).not.toContain('2025-11-24');
  });

  it('a weekend holiday is made up on the next weekday that is not itself a holiday (two in a row: two days)', () => {
    // 2028: 30/4 Sunday, 1/5 Monday → 30/4 made up on Tuesday 02/05.
    expect(statutoryDaysOff(2028).filter((d) => d.day >= '2028-04-29' && d.day <= '2028-05-05')).toEqual([
      expect.objectContaining({ day: '2028-05-01', compensates: null }),
      expect.objectContaining({ day: '2028-05-02', holiday: 'REUNIFICATION', compensates: '2028-04-30' }),
    ]);
    // 2033: 1/1 is a Saturday → Monday 03/01.
    expect(statutoryDaysOff(2033)[0]).toMatchObject({ day: '2033-01-03', holiday: 'NEW_YEAR', compensates: '2033-01-01' });
  });

  it('every year from 2024 to 2040 has the statute’s 11 holiday days (12 with 24/11), Tết starting the day before mùng 1', () => {
    for (let year = 2024; year <= 2040; year++) {
      const holidays = statutoryHolidayDays(year);
      expect([year, holidays.length]).toEqual([year, year >= 2026 ? 12 : 11]);
      expect(holidays.filter((h) => h.holiday === 'TET')[0].day).toBe(tetStartOf(year));
      // As many weekdays off as holiday days: each weekend one is made up, on a distinct weekday.
      expect(new Set(days(year)).size).toBe(holidays.length);
    }
  });
});
