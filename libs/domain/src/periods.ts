import { IsoDate, addDays, addMonths, isIsoDate, isoDateOf, isoDateParts } from './calendar-days';

/** Reporting periods; all calendar days in Asia/Ho_Chi_Minh. */
export enum PeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}

export interface Period {
  kind: PeriodKind;
  start: IsoDate;
  /** inclusive last day */
  end: IsoDate;
}

/** Length of each kind in months. */
export const PERIOD_MONTHS: Readonly<Record<PeriodKind, number>> = Object.freeze({
  [PeriodKind.MONTH]: 1,
  [PeriodKind.QUARTER]: 3,
  [PeriodKind.HALF_YEAR]: 6,
  [PeriodKind.YEAR]: 12,
});

function monthsOf(kind: PeriodKind): number {
  const months = (PERIOD_MONTHS as Record<string, number | undefined>)[kind];
  if (months === undefined) throw new RangeError(`Unknown period kind: ${String(kind)}`);
  return months;
}

/** A malformed date is simply not a period start (this is used to validate input). */
export function isPeriodStart(kind: PeriodKind, d: IsoDate): boolean {
  const months = monthsOf(kind);
  if (!isIsoDate(d)) return false;
  const [, m, day] = isoDateParts(d);
  return day === 1 && (m - 1) % months === 0;
}

export function periodFrom(kind: PeriodKind, start: IsoDate): Period {
  if (!isPeriodStart(kind, start)) throw new RangeError(`${start} does not start a ${kind} period`);
  return { kind, start, end: addDays(addMonths(start, monthsOf(kind)), -1) };
}

export function periodContaining(kind: PeriodKind, d: IsoDate): Period {
  const months = monthsOf(kind);
  const [y, m] = isoDateParts(d);
  const startMonth = m - ((m - 1) % months);
  return periodFrom(kind, isoDateOf(y, startMonth, 1));
}

export function previousPeriod(p: Period): Period {
  return periodContaining(p.kind, addDays(p.start, -1));
}

export function nextPeriod(p: Period): Period {
  return periodContaining(p.kind, addDays(p.end, 1));
}

/** The latest period whose last day is before today: what the scheduled report for `kind` covers. */
export function lastEndedPeriod(kind: PeriodKind, today: IsoDate): Period {
  return previousPeriod(periodContaining(kind, today));
}

export function periodContains(p: Period, d: IsoDate): boolean {
  // Valid IsoDates order like strings, so this stays a plain comparison once validated.
  if (!isIsoDate(d)) throw new RangeError(`Not a YYYY-MM-DD date: ${d}`);
  return p.start <= d && d <= p.end;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** "Tháng 3/2024", "Quý I/2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Năm 2024". */
export function periodLabelVi(p: Period): string {
  const [y, m] = isoDateParts(p.start);
  switch (p.kind) {
    case PeriodKind.MONTH:
      return `Tháng ${m}/${y}`;
    case PeriodKind.QUARTER:
      return `Quý ${ROMAN_QUARTERS[Math.floor((m - 1) / 3)]}/${y}`;
    case PeriodKind.HALF_YEAR:
      return m <= 6 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case PeriodKind.YEAR:
      return `Năm ${y}`;
  }
  throw new RangeError(`Unknown period kind: ${String(p.kind)}`);
}

/** An inclusive range of calendar days. */
export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * `start`–`end` (inclusive) as the whole months inside it (`months`: from the first day of the first
 * whole month to the last day of the last one, or null) and the days outside those (at most two
 * ranges). Counts kept per month answer the whole months; the edge days are counted one by one.
 * An empty range (end before start) has neither.
 */
export function splitIntoMonths(start: IsoDate, end: IsoDate): { months: DayRange | null; days: DayRange[] } {
  if (!isIsoDate(start) || !isIsoDate(end)) throw new RangeError(`Not a YYYY-MM-DD date: ${start} – ${end}`);
  if (end < start) return { months: null, days: [] };
  const [sy, sm, sd] = isoDateParts(start);
  const firstWhole = sd === 1 ? start : isoDateOf(sm === 12 ? sy + 1 : sy, sm === 12 ? 1 : sm + 1, 1);
  const [ey, em] = isoDateParts(end);
  const afterEnd = addDays(end, 1);
  // The month after the last whole month ends on `end` exactly when end + 1 starts a month.
  const lastWholeEnd = isoDateParts(afterEnd)[2] === 1 ? end : addDays(isoDateOf(ey, em, 1), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [{ from: start, to: end }] };
  const days: DayRange[] = [];
  if (start < firstWhole) days.push({ from: start, to: addDays(firstWhole, -1) });
  if (lastWholeEnd < end) days.push({ from: addDays(lastWholeEnd, 1), to: end });
  return { months: { from: firstWhole, to: lastWholeEnd }, days };
}

/** The first day of the month after the one `d` is in. */
export function nextMonthStart(d: IsoDate): IsoDate {
  const [y, m] = isoDateParts(d);
  return m === 12 ? isoDateOf(y + 1, 1, 1) : isoDateOf(y, m + 1, 1);
}

/**
 * `start`–`end` as whole calendar years, whole months outside those, and days outside both (see
 * splitIntoMonths): counts kept per year, per month and per day answer each part.
 */
export function splitIntoYears(start: IsoDate, end: IsoDate): { years: DayRange | null; months: DayRange[]; days: DayRange[] } {
  const { months, days } = splitIntoMonths(start, end);
  if (!months) return { years: null, months: [], days };
  const [fy, fm] = isoDateParts(months.from);
  const firstYear = fm === 1 ? months.from : isoDateOf(fy + 1, 1, 1);
  const [ty, tm] = isoDateParts(months.to);
  const lastYearEnd = tm === 12 ? months.to : isoDateOf(ty - 1, 12, 31);
  if (firstYear > lastYearEnd) return { years: null, months: [months], days };
  const rest: DayRange[] = [];
  if (months.from < firstYear) rest.push({ from: months.from, to: addDays(firstYear, -1) });
  if (lastYearEnd < months.to) rest.push({ from: addDays(lastYearEnd, 1), to: months.to });
  return { years: { from: firstYear, to: lastYearEnd }, months: rest, days };
}
