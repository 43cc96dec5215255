import * as fs from 'node:fs';
import * as path from 'node:path';
import { HolidayData, calendarFromHolidayData } from './holiday-data';
import { LATE_STATUS_RANK, LateStatus, latenessOf } from './lateness';
import { WorkingCalendar } from './working-calendar';

// The seed data of calendar_day (docs/architecture.md#the-working-day-calendar-and-due-days).
const HOLIDAY_FILE = path.resolve(__dirname, '../../persistence/src/seed-data/vn-public-holidays.json');
const cal = calendarFromHolidayData(JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayData);
const plain = new WorkingCalendar([], []);

// Warning Wed 08/01/2025, due Fri 10/01, critical Fri 17/01.
const days = { warningOn: '2025-01-08', dueOn: '2025-01-10', criticalOn: '2025-01-17' };

describe('latenessOf', () => {
  it.each([
    ['2025-01-08', LateStatus.ON_TIME, 'Trong hạn'],
    ['2025-01-09', LateStatus.DUE_SOON, 'Sắp quá hạn'],
    // The due day itself is still within the limit.
    ['2025-01-10', LateStatus.DUE_SOON, 'Sắp quá hạn'],
    ['2025-01-13', LateStatus.OVERDUE, 'Quá hạn 1 ngày làm việc'],
    ['2025-01-17', LateStatus.OVERDUE, 'Quá hạn 5 ngày làm việc'],
    ['2025-01-20', LateStatus.CRITICAL, 'Quá hạn nghiêm trọng: 6 ngày làm việc'],
  ])('on %s: %s, "%s"', (today, status, label) => {
    const l = latenessOf(plain, days, today, true);
    expect(l.status).toBe(status);
    expect(l.label).toBe(label);
  });

  it('a case past its due day is never "Sắp quá hạn", whatever level was stored', () => {
    for (let d = 11; d <= 31; d++) {
      const today = `2025-01-${String(d).padStart(2, '0')}`;
      const l = latenessOf(cal, days, today, true);
      expect(l.label).not.toMatch(/Sắp quá hạn/);
      expect([LateStatus.OVERDUE, LateStatus.CRITICAL]).toContain(l.status);
    }
  });

  it('counts working days on the Vietnamese calendar and calendar days beside them', () => {
    // Due Fri 24/01/2025; Tết: Mon 27 – Fri 31/01 off, Mon 03/02 worked.
    const l = latenessOf(cal, { warningOn: '2025-01-22', dueOn: '2025-01-24', criticalOn: '2025-02-14' }, '2025-02-03', true);
    expect(l).toMatchObject({ status: LateStatus.OVERDUE, workingDays: 1, calendarDays: 10, label: 'Quá hạn 1 ngày làm việc' });
    // Without the days off, the same span holds 6 working days.
    expect(latenessOf(plain, { warningOn: '2025-01-22', dueOn: '2025-01-24', criticalOn: '2025-02-14' }, '2025-02-03', true).workingDays).toBe(6);
  });

  it('past due over a weekend only: late, with no working day yet', () => {
    const l = latenessOf(plain, days, '2025-01-12', true);
    expect(l).toMatchObject({ status: LateStatus.OVERDUE, workingDays: 0, calendarDays: 2 });
    expect(l.label).toBe('Quá hạn 2 ngày (chưa qua ngày làm việc nào)');
  });

  it('no longer waiting in the stage, or no due day: left the stage, not late', () => {
    expect(latenessOf(plain, days, '2025-02-20', false)).toEqual({
      status: LateStatus.LEFT_STAGE,
      workingDays: 0,
      calendarDays: 0,
      label: 'Đã chuyển giai đoạn',
    });
    expect(latenessOf(plain, { warningOn: null, dueOn: null, criticalOn: null }, '2025-02-20', true).status).toBe(LateStatus.LEFT_STAGE);
    expect(latenessOf(plain, days, '2025-02-20', false, 'APPLICATION').label).toBe('Đơn đã được xét');
  });

  it('an application has only a due day: overdue after it, never critical', () => {
    const app = { warningOn: null, dueOn: '2025-01-10', criticalOn: null };
    expect(latenessOf(plain, app, '2025-01-10', true, 'APPLICATION').status).toBe(LateStatus.ON_TIME);
    expect(latenessOf(plain, app, '2025-03-10', true, 'APPLICATION')).toMatchObject({ status: LateStatus.OVERDUE, workingDays: 41 });
  });

  it('ranks the statuses most urgent first', () => {
    const order = Object.values(LateStatus).sort((a, b) => LATE_STATUS_RANK[b] - LATE_STATUS_RANK[a]);
    expect(order).toEqual([LateStatus.CRITICAL, LateStatus.OVERDUE, LateStatus.DUE_SOON, LateStatus.ON_TIME, LateStatus.LEFT_STAGE]);
  });
});
