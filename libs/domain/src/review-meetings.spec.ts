import { WorkingCalendar } from './working-calendar';
import { actionItemDays, monthlyMeetingDay, monthlyMeetingDays, snapshotChanges } from './review-meetings';

// 2027: 1/1 off; Tết 5–11/2 off; 30/4 and 1/5 off; 2/9 off; Saturday 9/10 a make-up working day.
const cal = new WorkingCalendar(
  ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-30', '2027-09-02'],
  ['2027-10-09'],
);

describe('review meetings: days', () => {
  it('moves a day of the month that is off to the next working day, or back when the month has none left', () => {
    expect(monthlyMeetingDay(cal, 2027, 3, 'DAY_OF_MONTH', 5)).toBe('2027-03-05'); // a Friday
    expect(monthlyMeetingDay(cal, 2027, 2, 'DAY_OF_MONTH', 5)).toBe('2027-02-12'); // Tết: the Friday after
    expect(monthlyMeetingDay(cal, 2027, 6, 'DAY_OF_MONTH', 5)).toBe('2027-06-07'); // Saturday → Monday
    expect(monthlyMeetingDay(cal, 2027, 7, 'DAY_OF_MONTH', 31)).toBe('2027-07-30'); // Saturday 31/7, no working day left → Friday
    expect(monthlyMeetingDay(cal, 2027, 2, 'DAY_OF_MONTH', 31)).toBe('2027-02-26'); // 28/2 a Sunday
  });

  it('finds the first and last working days of a month, make-up Saturdays included', () => {
    expect(monthlyMeetingDay(cal, 2027, 1, 'FIRST_WORKING_DAY')).toBe('2027-01-04');
    expect(monthlyMeetingDay(cal, 2027, 4, 'LAST_WORKING_DAY')).toBe('2027-04-29');
    expect(monthlyMeetingDays(cal, 2027, 'DAY_OF_MONTH', 9)[9]).toBe('2027-10-09');
    expect(monthlyMeetingDays(cal, 2027, 'FIRST_WORKING_DAY')).toHaveLength(12);
  });

  it('escalates an action item like a stage: 80 % of the working days, the due day, 150 % (at least a day after)', () => {
    // Monday 1/3 → Friday 12/3: 9 working days; warning after 8 (11/3), critical after 14 (19/3).
    expect(actionItemDays(cal, '2027-03-01', '2027-03-12')).toEqual({ warningOn: '2027-03-11', dueOn: '2027-03-12', criticalOn: '2027-03-19' });
    // Due the next working day: warning on it, critical one working day later.
    expect(actionItemDays(cal, '2027-03-05', '2027-03-08')).toEqual({ warningOn: '2027-03-08', dueOn: '2027-03-08', criticalOn: '2027-03-09' });
    // Due the meeting's own day.
    expect(actionItemDays(cal, '2027-03-05', '2027-03-05')).toEqual({ warningOn: '2027-03-05', dueOn: '2027-03-05', criticalOn: '2027-03-08' });
  });
});

describe('review meetings: the change since the previous meeting', () => {
  const unit = (n: number, budget: string | null) => ({
    newMembersYearToDate: n,
    newGrassrootsUnionsYearToDate: 1,
    coveragePercent: 40.5,
    withUnion: 10,
    openCases: 5,
    overdueCases: 2,
    budgetSpent: budget,
  });
  const officer = (id: string, members: number) => ({
    officerId: id,
    fullName: `Cán bộ ${id}`,
    membersAdmitted: members,
    recognitions: 0,
    openCases: 1,
    overdueCases: 0,
  });

  it('compares each indicator, money exactly beyond 2^53', () => {
    const rows = snapshotChanges(
      { unit: unit(10, '9007199254740993'), officers: [officer('a', 3)] },
      { unit: unit(25, '9007199254740999'), officers: [officer('a', 7)] },
    );
    expect(rows.find((r) => r.officerId === null && r.indicator === 'newMembersYearToDate')).toMatchObject({ previous: '10', current: '25', change: '15' });
    expect(rows.find((r) => r.indicator === 'budgetSpent')).toMatchObject({ change: '6', kind: 'MONEY' });
    expect(rows.find((r) => r.officerId === 'a' && r.indicator === 'membersAdmitted')).toMatchObject({ previous: '3', current: '7', change: '4' });
  });

  it('leaves the change empty without a previous meeting, and keeps officers found in only one snapshot', () => {
    const first = snapshotChanges(null, { unit: unit(4, null), officers: [officer('a', 1)] });
    expect(first.every((r) => r.previous === null && r.change === null)).toBe(true);
    expect(first.some((r) => r.indicator === 'budgetSpent')).toBe(false);
    const rows = snapshotChanges({ unit: unit(1, null), officers: [officer('gone', 2)] }, { unit: unit(2, null), officers: [officer('new', 1)] });
    expect(rows.filter((r) => r.officerId === 'gone' && r.indicator === 'membersAdmitted')).toEqual([
      expect.objectContaining({ previous: '2', current: null, change: null }),
    ]);
    expect(rows.find((r) => r.officerId === 'new' && r.indicator === 'membersAdmitted')).toMatchObject({ previous: null, current: '1' });
  });
});
