import { IsoDate, fromDayNumber, toDayNumber, weekdayOfDayNumber } from './calendar-days';

// Working days in Asia/Ho_Chi_Minh, counted on day numbers (calendar-days.ts).

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted numbers lie in (a, b]. */
function countInHalfOpen(sorted: readonly number[], a: number, b: number): number {
  return lowerBound(sorted, b + 1) - lowerBound(sorted, a + 1);
}

/**
 * Working days for public-sector staff on a Mon–Fri week: weekdays that are not days off,
 * plus the announced make-up working days (làm bù, usually Saturdays).
 */
export class WorkingCalendar {
  private readonly daysOff: ReadonlySet<number>;
  private readonly makeUp: ReadonlySet<number>;
  /** Weekdays that are off (and not also declared make-up days), sorted. */
  private readonly weekdaysOff: readonly number[];
  /** Weekend days that are worked, sorted. */
  private readonly weekendsWorked: readonly number[];

  constructor(daysOff: Iterable<IsoDate>, makeUpWorkingDays: Iterable<IsoDate>) {
    this.daysOff = new Set([...daysOff].map(toDayNumber));
    this.makeUp = new Set([...makeUpWorkingDays].map(toDayNumber));
    const isWeekendNumber = (n: number): boolean => {
      const w = weekdayOfDayNumber(n);
      return w === 0 || w === 6;
    };
    this.weekdaysOff = [...this.daysOff].filter((n) => !isWeekendNumber(n) && !this.makeUp.has(n)).sort((a, b) => a - b);
    this.weekendsWorked = [...this.makeUp].filter(isWeekendNumber).sort((a, b) => a - b);
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(d));
  }

  private isWorkingDayNumber(n: number): boolean {
    // A make-up day wins over a day off: the announcement that created it is the later one.
    if (this.makeUp.has(n)) return true;
    const w = weekdayOfDayNumber(n);
    return w !== 0 && w !== 6 && !this.daysOff.has(n);
  }

  /**
   * The n-th working day strictly after `start` (start itself need not be a working day);
   * n = 0 returns start; a negative n counts back to the |n|-th working day strictly before.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    let day = toDayNumber(start);
    if (n === 0) return start;
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** Working days d with from < d <= to; 0 when to <= from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b <= a) return 0;
    // Count Mon–Fri arithmetically, then correct by the (few) exceptions.
    const span = b - a;
    let weekdays = Math.floor(span / 7) * 5;
    for (let n = a + Math.floor(span / 7) * 7 + 1; n <= b; n++) {
      const w = weekdayOfDayNumber(n);
      if (w !== 0 && w !== 6) weekdays += 1;
    }
    return weekdays - countInHalfOpen(this.weekdaysOff, a, b) + countInHalfOpen(this.weekendsWorked, a, b);
  }
}
