import { IsoDate, isoDateParts } from './calendar-days';
import { FIRST_CALENDAR_YEAR } from './calendar-day-rules';

/**
 * Which years of the working-day calendar lack their days off, so that due days counted across them
 * would silently take every holiday for a working day (docs/architecture.md#the-working-day-calendar-and-due-days).
 * Checked: this year; next year from NEXT_YEAR_CHECKED_FROM_MONTH on (the government announces Tết
 * and the 2/9 days in the autumn); and every year holding a stored due day of an open case or a
 * pending application. A year counts as kept once it has one day off.
 */

/** October: from then on next year's days off are expected in the calendar. */
export const NEXT_YEAR_CHECKED_FROM_MONTH = 10;

export interface MissingCalendarYear {
  year: number;
  /** Open cases or pending applications have a stored due day in it. */
  holdsDueDays: boolean;
}

export function missingCalendarYears(today: IsoDate, yearsWithDaysOff: Iterable<number>, yearsOfDueDays: Iterable<number>): MissingCalendarYear[] {
  const [year, month] = isoDateParts(today);
  const kept = new Set(yearsWithDaysOff);
  const due = new Set(yearsOfDueDays);
  const checked = new Set([year, ...due]);
  if (month >= NEXT_YEAR_CHECKED_FROM_MONTH) checked.add(year + 1);
  return [...checked]
    .filter((y) => y >= FIRST_CALENDAR_YEAR && !kept.has(y))
    .sort((a, b) => a - b)
    .map((y) => ({ year: y, holdsDueDays: due.has(y) }));
}

/** The warning, as the calendar page and the board show it. */
export function missingCalendarYearText(year: number): string {
  return `Lịch ngày làm việc năm ${year} chưa có ngày nghỉ lễ: hạn xử lý có thể bị tính sai`;
}
