import {
  RETURN_INDICATORS,
  ReturnFigures,
  latestReturnPeriodBy,
  returnEditable,
  returnFigureProblems,
  returnPeriod,
  returnSubmitTooEarly,
} from './statistics-return';

const zero = Object.fromEntries(RETURN_INDICATORS.map((k) => [k, 0])) as ReturnFigures;

describe('statistics returns', () => {
  it('counts both periods from the day after last year’s 30/11 to 31/5 and 30/11', () => {
    expect(returnPeriod('HALF_YEAR', 2026)).toEqual({ kind: 'HALF_YEAR', year: 2026, start: '2025-12-01', end: '2026-05-31' });
    expect(returnPeriod('YEAR', 2026)).toEqual({ kind: 'YEAR', year: 2026, start: '2025-12-01', end: '2026-11-30' });
    expect(returnPeriod('YEAR', 2026, { halfYearDay: '06-30', yearDay: '12-31', dueWorkingDays: 5, reminderWorkingDays: 2 }).start).toBe('2026-01-01');
  });

  it('wants the end to balance, women within members and a note for an adjustment', () => {
    const prefill = { ...zero, membersAtStart: 10, admitted: 3, leftJob: 1, membersAtEnd: 12, womenMembers: 5 };
    expect(returnFigureProblems(prefill, prefill, null)).toEqual({});
    const bad = returnFigureProblems({ ...prefill, membersAtEnd: 13, womenMembers: 14 }, prefill, ' ');
    expect(Object.keys(bad).sort()).toEqual(['membersAtEnd', 'note', 'womenMembers']);
    expect(bad.membersAtEnd).toContain('(12)');
    expect(returnFigureProblems({ ...prefill, admitted: 4, membersAtEnd: 13 }, prefill, 'Kết nạp bổ sung')).toEqual({});
    expect(Object.keys(returnFigureProblems({ ...prefill, admitted: -1 }, prefill, 'x'))).toEqual(['admitted']);
  });

  it('takes a blank union-groups figure (none kept) but no blank or negative other figure; a changed Party figure wants a note', () => {
    const prefill = { ...zero, unionGroups: null };
    expect(returnFigureProblems(prefill, prefill, null)).toEqual({});
    expect(Object.keys(returnFigureProblems({ ...prefill, partyRecommended: null as never, unionGroups: -1 }, prefill, 'x')).sort()).toEqual([
      'partyRecommended',
      'unionGroups',
    ]);
    expect(returnFigureProblems({ ...prefill, partyAdmitted: 1 }, prefill, null).note).toContain('Đoàn viên được kết nạp Đảng');
    expect(returnFigureProblems({ ...prefill, unionGroups: 2 }, prefill, null).note).toContain('Tổ công đoàn');
  });

  it('finds the latest period whose reference day is on or before a day', () => {
    expect(latestReturnPeriodBy('2026-12-05')).toMatchObject({ kind: 'YEAR', year: 2026 });
    expect(latestReturnPeriodBy('2026-11-29')).toMatchObject({ kind: 'HALF_YEAR', year: 2026 });
    expect(latestReturnPeriodBy('2026-05-30')).toMatchObject({ kind: 'YEAR', year: 2025 });
  });

  it('lets the CĐCS change a draft or a sent-back return only', () => {
    expect(['DRAFT', 'SUBMITTED', 'SENT_BACK', 'ACCEPTED'].filter((s) => returnEditable(s as never))).toEqual(['DRAFT', 'SENT_BACK']);
  });

  it('refuses submitting before the reference day, naming it; from the day itself on a return may be submitted', () => {
    const ref = returnPeriod('YEAR', 2027).end;
    expect(returnSubmitTooEarly(ref, '2026-12-06')).toBe('Chưa đến ngày chốt số liệu của kỳ báo cáo (30/11/2027): chưa gửi được');
    expect(returnSubmitTooEarly(ref, '2027-11-29')).toContain('30/11/2027');
    expect(returnSubmitTooEarly(ref, '2027-11-30')).toBeNull();
    expect(returnSubmitTooEarly(returnPeriod('HALF_YEAR', 2026).end, '2026-12-06')).toBeNull();
  });
});
