import { CALENDAR_DOCUMENT_MAX, CALENDAR_NOTE_MAX, calendarDayProblems, calendarYears, vnDayText, vnWeekdayName } from './calendar-day-rules';

describe('calendar day rules', () => {
  it('supports the bundled years up to two years after this one', () => {
    expect(calendarYears(2026)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(calendarYears(2020)).toEqual([2024, 2025, 2026]);
  });

  it('names the weekday and writes the day the Vietnamese way', () => {
    expect(vnWeekdayName('2026-11-24')).toBe('Thứ Ba');
    expect(vnWeekdayName('2026-08-22')).toBe('Thứ Bảy');
    expect(vnWeekdayName('2026-08-23')).toBe('Chủ nhật');
    expect(vnDayText('2027-02-05')).toBe('05/02/2027');
  });

  it('accepts a weekday off and a weekend make-up day of a supported year', () => {
    expect(calendarDayProblems({ day: '2027-02-05', kind: 'DAY_OFF', note: 'Tết', noteRequired: true }, 2026, false)).toEqual([]);
    expect(calendarDayProblems({ day: '2027-02-20', kind: 'MAKE_UP_WORKING_DAY', note: 'Làm bù' }, 2026, false)).toEqual([]);
    expect(calendarDayProblems({ day: '2027-02-05', kind: null }, 2026, true)).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    const problems = calendarDayProblems(
      { day: '2030-06-15', kind: 'DAY_OFF', note: 'x'.repeat(CALENDAR_NOTE_MAX + 1), document: 'y'.repeat(CALENDAR_DOCUMENT_MAX + 1) },
      2026,
      false,
    );
    expect(problems.map((p) => p.field)).toEqual(['day', 'kind', 'note', 'document']);
    expect(problems[0].message).toBe('Chỉ nhập được ngày của các năm từ 2024 đến 2028');
    expect(problems[1].message).toContain('15/06/2030 là Thứ Bảy');
  });

  it('refuses a make-up day on a weekday, a missing note where one is needed, and removing a day not in the calendar', () => {
    expect(calendarDayProblems({ day: '2027-02-17', kind: 'MAKE_UP_WORKING_DAY', note: ' ', noteRequired: true }, 2026, false)).toEqual([
      { field: 'kind', message: '17/02/2027 là Thứ Tư, vốn đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật' },
      { field: 'note', message: 'Ghi chú không được để trống (ví dụ: Tết Nguyên đán, nghỉ bù Quốc khánh)' },
    ]);
    expect(calendarDayProblems({ day: '2027-02-17', kind: null }, 2026, false).map((p) => p.field)).toEqual(['day']);
    expect(calendarDayProblems({ day: '2027-02-31', kind: 'DAY_OFF' }, 2026, false).map((p) => p.field)).toEqual(['day']);
  });
});
