import { DEFAULT_RETURN_SETTINGS } from './statistics-return';
import { isMonthDay, monthDayVi, returnSettingsProblems } from './return-settings';

describe('return period settings', () => {
  it('takes days every year has, as MM-DD', () => {
    expect(['05-31', '11-30', '01-01', '12-31', '02-28'].filter(isMonthDay)).toHaveLength(5);
    expect(['02-29', '02-30', '13-01', '5-31', '31/05', '', 531].filter(isMonthDay)).toEqual([]);
    expect(monthDayVi('05-31')).toBe('31/05');
  });

  it('accepts the defaults of QĐ 1454/QĐ-TLĐ and names every bad field at once', () => {
    expect(returnSettingsProblems(DEFAULT_RETURN_SETTINGS)).toEqual({});
    const bad = returnSettingsProblems({ halfYearDay: '02-29', yearDay: '11-31', dueWorkingDays: 0, reminderWorkingDays: 31 });
    expect(Object.keys(bad).sort()).toEqual(['dueWorkingDays', 'halfYearDay', 'reminderWorkingDays', 'yearDay']);
    expect(bad.dueWorkingDays).toBe('Số ngày làm việc đến hạn nộp phải là số nguyên từ 1 đến 60');
    expect(returnSettingsProblems({ ...DEFAULT_RETURN_SETTINGS, dueWorkingDays: 2.5 })).toHaveProperty('dueWorkingDays');
  });

  it('wants the half-year day before the year day and the reminder after the reference day', () => {
    expect(returnSettingsProblems({ ...DEFAULT_RETURN_SETTINGS, halfYearDay: '12-01' }).halfYearDay).toBe(
      'Ngày chốt số liệu 6 tháng (01/12) phải trước ngày chốt số liệu năm (30/11)',
    );
    expect(Object.keys(returnSettingsProblems({ ...DEFAULT_RETURN_SETTINGS, dueWorkingDays: 3, reminderWorkingDays: 3 }))).toEqual(['reminderWorkingDays']);
    expect(returnSettingsProblems({ ...DEFAULT_RETURN_SETTINGS, dueWorkingDays: 3, reminderWorkingDays: 2 })).toEqual({});
  });
});
