import { IsoDate, PeriodKind, RewardOccasion, addDays, isIsoDate, isoDateParts, occasionDueOn, occasionPeriod } from '@app/domain';

/** An occasion of one year with the days it covers, as stored on its nominations. */
export interface OccasionPeriod {
  occasion: RewardOccasion;
  year: number;
  periodKind: PeriodKind;
  start: IsoDate;
  /** inclusive */
  end: IsoDate;
}

/** How each occasion is named by (periodKind, periodStart) over the API. */
const KIND_OF: Record<RewardOccasion, PeriodKind> = {
  [RewardOccasion.YEAR_END]: PeriodKind.YEAR,
  [RewardOccasion.WORKERS_MONTH]: PeriodKind.MONTH,
  // Nearly a year (1 Aug .. 19 Jul), so it is named as a YEAR starting on 1 Aug.
  [RewardOccasion.ANNIVERSARY]: PeriodKind.YEAR,
};

export const MIN_REWARD_YEAR = 2000;
export const MAX_REWARD_YEAR = 2100;

export function isRewardOccasion(x: unknown): x is RewardOccasion {
  return typeof x === 'string' && (Object.values(RewardOccasion) as string[]).includes(x);
}

export function occasionPeriodOf(occasion: RewardOccasion, year: number): OccasionPeriod {
  const { start, end } = occasionPeriod(occasion, year);
  return { occasion, year, periodKind: KIND_OF[occasion], start, end };
}

/**
 * The occasion a (periodKind, periodStart) pair names: YEAR from 1 Jan is the year end, MONTH
 * from 1 May is Workers' Month, YEAR from 1 Aug of Y−1 is the anniversary of Y. Anything else
 * names no occasion (null).
 */
export function occasionOfPeriod(kind: PeriodKind, start: IsoDate): OccasionPeriod | null {
  if (!isIsoDate(start)) return null;
  const [y, m, d] = isoDateParts(start);
  if (d !== 1 || y < MIN_REWARD_YEAR || y > MAX_REWARD_YEAR) return null;
  if (kind === PeriodKind.YEAR && m === 1) return occasionPeriodOf(RewardOccasion.YEAR_END, y);
  if (kind === PeriodKind.MONTH && m === 5) return occasionPeriodOf(RewardOccasion.WORKERS_MONTH, y);
  if (kind === PeriodKind.YEAR && m === 8) return occasionPeriodOf(RewardOccasion.ANNIVERSARY, y + 1);
  return null;
}

/**
 * The occasions whose scheduled evaluation fell on `day` or on one of the `lookbackDays` before
 * it: a worker that was down on the due day catches up within that window.
 */
export function occasionsDueBy(day: IsoDate, lookbackDays: number): OccasionPeriod[] {
  const [y] = isoDateParts(day);
  const earliest = addDays(day, -lookbackDays);
  const due: OccasionPeriod[] = [];
  // YEAR_END of Y−1 is due on 1 Jan of Y, so the previous year is looked at too.
  for (const year of [y - 1, y]) {
    for (const occasion of Object.values(RewardOccasion)) {
      const on = occasionDueOn(occasion, year);
      if (on <= day && on >= earliest) due.push(occasionPeriodOf(occasion, year));
    }
  }
  return due;
}
