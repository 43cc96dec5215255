import { missingCalendarYearText, missingCalendarYears } from './calendar-warnings';

describe('calendar warnings', () => {
  it('in December, next year without days off is missing', () => {
    expect(missingCalendarYears('2026-12-06', [2024, 2025, 2026], [])).toEqual([{ year: 2027, holdsDueDays: false }]);
    expect(missingCalendarYears('2026-12-06', [2024, 2025, 2026, 2027], [])).toEqual([]);
  });

  it('before October only this year and the years of stored due days are checked', () => {
    expect(missingCalendarYears('2026-09-30', [2026], [])).toEqual([]);
    expect(missingCalendarYears('2026-10-01', [2026], [])).toEqual([{ year: 2027, holdsDueDays: false }]);
    expect(missingCalendarYears('2027-03-01', [2026], [2027])).toEqual([{ year: 2027, holdsDueDays: true }]);
    expect(missingCalendarYears('2026-05-01', [2026], [2026, 2027])).toEqual([{ year: 2027, holdsDueDays: true }]);
  });

  it('ignores years before the first calendar year and says it in Vietnamese', () => {
    expect(missingCalendarYears('2026-12-06', [2026, 2027], [2023])).toEqual([]);
    expect(missingCalendarYearText(2027)).toBe('Lịch ngày làm việc năm 2027 chưa có ngày nghỉ lễ: hạn xử lý có thể bị tính sai');
  });
});
