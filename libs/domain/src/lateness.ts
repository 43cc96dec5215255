import { IsoDate, compareIsoDates, daysBetween } from './calendar-days';
import { WorkingCalendar } from './working-calendar';

/**
 * How late an escalated case (or direct application) is today, read from its days and not from the stored
 * escalation level: levels stay raised after a calendar edit and an officer only ever gets the WARNING,
 * so the level alone can say "Sắp quá hạn" for a case already past its due day.
 */
export enum LateStatus {
  /** Before its warning day (e.g. a calendar edit moved the days after the level was raised). */
  ON_TIME = 'ON_TIME',
  /** Past the warning day, not past the due day. */
  DUE_SOON = 'DUE_SOON',
  /** Past the due day (today > due day), not past the critical day. */
  OVERDUE = 'OVERDUE',
  /** Past the critical day. */
  CRITICAL = 'CRITICAL',
  /** No longer in the escalated stage (moved on, closed) or, for an application, decided. */
  LEFT_STAGE = 'LEFT_STAGE',
}

export interface LateDays {
  warningOn: IsoDate | null;
  dueOn: IsoDate | null;
  criticalOn: IsoDate | null;
}

export interface Lateness {
  status: LateStatus;
  /** Working days after the due day up to today (0 unless past due). */
  workingDays: number;
  /** Calendar days after the due day up to today (0 unless past due). */
  calendarDays: number;
  /** The Vietnamese label the dashboard shows. */
  label: string;
}

const passed = (day: IsoDate | null, today: IsoDate) => day !== null && compareIsoDates(today, day) > 0;

/** Lateness of something still waiting in its stage (`waiting` false: it moved on, so it is no longer late). */
export function latenessOf(cal: WorkingCalendar, days: LateDays, today: IsoDate, waiting: boolean, subject: 'CASE' | 'APPLICATION' = 'CASE'): Lateness {
  if (!waiting || days.dueOn === null) {
    return { status: LateStatus.LEFT_STAGE, workingDays: 0, calendarDays: 0, label: subject === 'CASE' ? 'Đã chuyển giai đoạn' : 'Đơn đã được xét' };
  }
  if (passed(days.dueOn, today)) {
    const workingDays = cal.workingDaysBetween(days.dueOn, today);
    const calendarDays = daysBetween(days.dueOn, today);
    const critical = passed(days.criticalOn, today);
    // Past due over a weekend or a day off before the next working day: late, but not yet by a working day.
    const howLong = workingDays > 0 ? `${workingDays} ngày làm việc` : `${calendarDays} ngày (chưa qua ngày làm việc nào)`;
    return critical
      ? { status: LateStatus.CRITICAL, workingDays, calendarDays, label: `Quá hạn nghiêm trọng: ${howLong}` }
      : { status: LateStatus.OVERDUE, workingDays, calendarDays, label: `Quá hạn ${howLong}` };
  }
  if (passed(days.warningOn, today)) return { status: LateStatus.DUE_SOON, workingDays: 0, calendarDays: 0, label: 'Sắp quá hạn' };
  return { status: LateStatus.ON_TIME, workingDays: 0, calendarDays: 0, label: 'Trong hạn' };
}

/** Most urgent first: for sorting and for the badge colour. */
export const LATE_STATUS_RANK: Readonly<Record<LateStatus, number>> = Object.freeze({
  [LateStatus.CRITICAL]: 4,
  [LateStatus.OVERDUE]: 3,
  [LateStatus.DUE_SOON]: 2,
  [LateStatus.ON_TIME]: 1,
  [LateStatus.LEFT_STAGE]: 0,
});
