import { addDays } from './calendar-days';
import { fromLunarDate, lunarNewYear, lunarYearName, toLunarDate } from './lunar-calendar';

describe('lunar calendar (UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('lunar New Year %i is %s', (year, day) => {
    expect(lunarNewYear(year)).toBe(day);
    expect(toLunarDate(day)).toEqual({ year, month: 1, day: 1, leap: false });
    // The day before is the last of the twelfth month of the year before.
    const eve = toLunarDate(addDays(day, -1));
    expect([eve.year, eve.month, eve.leap]).toEqual([year - 1, 12, false]);
    expect([29, 30]).toContain(eve.day);
  });

  it('is reckoned at UTC+7, not at China’s UTC+8: Tết 1985, 2007 and 2030 differ from the Chinese New Year', () => {
    // 1985: Vietnam 21/01 (China 20/02); 2007: Vietnam 17/02 (China 18/02); 2030: Vietnam 02/02 (China
    // 03/02, the new moon of 16:07 UTC is 23:07 in Vietnam and 00:07 in China).
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });

  it.each([
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (year, day) => {
    expect(fromLunarDate({ year, month: 3, day: 10, leap: false })).toBe(day);
    expect(toLunarDate(day)).toEqual({ year, month: 3, day: 10, leap: false });
  });

  it('knows the leap months: 2/2023 (from 22/03/2023), 6/2025 (from 25/07/2025)', () => {
    expect(toLunarDate('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(toLunarDate('2023-03-21')).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(toLunarDate('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(fromLunarDate({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(fromLunarDate({ year: 2025, month: 7, day: 1, leap: false })).toBe('2025-08-23');
    // No leap month in 2026, nor a leap third month in 2025.
    expect(fromLunarDate({ year: 2026, month: 6, day: 1, leap: true })).toBeNull();
    expect(fromLunarDate({ year: 2025, month: 3, day: 1, leap: true })).toBeNull();
  });

  it('the eleventh month holds the December solstice and the Mid-Autumn festival is 15/8', () => {
    expect(toLunarDate('2025-12-21').month).toBe(11);
    expect(fromLunarDate({ year: 2025, month: 8, day: 15, leap: false })).toBe('2025-10-06');
    expect(fromLunarDate({ year: 2026, month: 8, day: 15, leap: false })).toBe('2026-09-25');
  });

  it('round-trips every day of 2020–2035, with days running 1…29/30 and months in order', () => {
    const failures: string[] = [];
    let prev = toLunarDate('2019-12-31');
    for (let d = '2020-01-01'; d <= '2035-12-31'; d = addDays(d, 1)) {
      const l = toLunarDate(d);
      if (fromLunarDate(l) !== d) failures.push(`${d} → ${JSON.stringify(l)}`);
      const next = l.day === prev.day + 1 && l.month === prev.month && l.leap === prev.leap;
      const newMonth = l.day === 1 && (prev.day === 29 || prev.day === 30);
      if (!next && !newMonth) failures.push(`${d} does not follow ${JSON.stringify(prev)}`);
      prev = l;
    }
    expect(failures).toEqual([]);
  });

  it('refuses lunar dates that do not exist', () => {
    expect(fromLunarDate({ year: 2026, month: 13, day: 1, leap: false })).toBeNull();
    expect(fromLunarDate({ year: 2026, month: 1, day: 31, leap: false })).toBeNull();
    // The twelfth month of 2026 (Bính Ngọ) has 29 days: Tết Đinh Mùi is 06/02/2027.
    expect(toLunarDate('2027-02-05')).toEqual({ year: 2026, month: 12, day: 29, leap: false });
    expect(fromLunarDate({ year: 2026, month: 12, day: 30, leap: false })).toBeNull();
  });

  it('names the years', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(2027)).toBe('Đinh Mùi');
  });
});
