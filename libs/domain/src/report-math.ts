/** Figures shared by the pipeline query, the periodic reports and the reward rules. */

export interface TargetProgress {
  target: number | null;
  actual: number;
}

export interface CoverageProgress {
  enterprises25Plus: number;
  withUnion: number;
  /** null when there are no enterprises to cover; rounded to 2 decimals */
  percent: number | null;
  targetPercent: number | null;
}

/**
 * The campaign focuses on enterprises with at least this many workers. The enterprise_tally trigger
 * (coverage) has the number written into its SQL: test/figures/fast-path.e2e-spec.ts fails when the
 * installed trigger's number differs from this one, so a change here needs a migration for it.
 */
export const FOCUS_WORKER_THRESHOLD = 25;

export function isFocusEnterprise(workerCount: number): boolean {
  return workerCount >= FOCUS_WORKER_THRESHOLD;
}

/**
 * Rounds half away from zero to `digits` decimals. Goes through the decimal exponent so
 * 1.005 becomes 1.01 (x * 100 would give 100.49999… and round down).
 */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`digits must be a whole number >= 0, got ${digits}`);
  const abs = Math.abs(x);
  // Beyond 2^53 a double has no fractional digits left to round.
  if (abs * 10 ** digits >= Number.MAX_SAFE_INTEGER) return x;
  const text = String(abs);
  // Tiny or huge numbers print in exponent form already; plain scaling is exact enough there.
  const shifted = text.includes('e') ? Math.round(abs * 10 ** digits) : Math.round(Number(`${text}e${digits}`));
  const rounded = shifted / 10 ** digits;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

export function round2(x: number): number {
  return roundTo(x, 2);
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${n}`);
}

export function coverage(enterprises25Plus: number, withUnion: number, targetPercent: number | null): CoverageProgress {
  assertCount('enterprises25Plus', enterprises25Plus);
  assertCount('withUnion', withUnion);
  // withUnion counts a subset of the same enterprises; more means the query is wrong.
  if (withUnion > enterprises25Plus) {
    throw new RangeError(`withUnion (${withUnion}) exceeds enterprises25Plus (${enterprises25Plus})`);
  }
  return {
    enterprises25Plus,
    withUnion,
    percent: enterprises25Plus === 0 ? null : round2((withUnion / enterprises25Plus) * 100),
    targetPercent,
  };
}

/** actual / target; null when there is no target or it is 0 (or negative: no meaningful ratio). */
export function progressRatio(p: TargetProgress): number | null {
  if (p.target === null || !(p.target > 0)) return null;
  return p.actual / p.target;
}

/** progressRatio as a percentage rounded to 2 decimals. */
export function progressPercent(p: TargetProgress): number | null {
  const r = progressRatio(p);
  return r === null ? null : round2(r * 100);
}

/**
 * A period's result beside the year's target. Targets are set per year only, so a month, quarter or
 * half-year is compared with the year's target through the result from 1 January to the period's
 * end, never through the period's own result (docs/architecture.md#honest-period-figures).
 */
export interface YearTargetProgress extends TargetProgress {
  /** The result from 1 January to the period's end (equal to `actual` for a year, or a period starting on 1 January). */
  yearToDate: number;
  /** yearToDate / target (the year's) as a percentage, 2 decimals; null without a target above 0. */
  percentOfYearTarget: number | null;
}

export function againstYearTarget(actual: number, yearToDate: number, yearTarget: number | null): YearTargetProgress {
  assertCount('actual', actual);
  assertCount('yearToDate', yearToDate);
  // The period lies inside 1 January – its end, so its result is part of the year-to-date one.
  if (actual > yearToDate) throw new RangeError(`the period's result (${actual}) exceeds the year-to-date one (${yearToDate})`);
  return { target: yearTarget, actual, yearToDate, percentOfYearTarget: progressPercent({ target: yearTarget, actual: yearToDate }) };
}
