/** Small statistics helpers: medians over rounds, percentiles of latency samples. */

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(xs: number[] | Float64Array, p: number): number {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export function ratio(system: number, baseline: number): number {
  return baseline > 0 ? system / baseline : NaN;
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds with a sensible number of digits. */
export function ms(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n >= 100) return fmt(n, 0);
  if (n >= 10) return fmt(n, 1);
  return fmt(n, 2);
}

export function secs(msValue: number): string {
  return Number.isFinite(msValue) ? `${fmt(msValue / 1000, msValue >= 10_000 ? 1 : 2)} s` : '–';
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${fmt(bytes / 1024 / 1024, 0)} MB` : '–';
}

export function now(): number {
  return performance.now();
}
