import { CoverageProgress, FOCUS_WORKER_THRESHOLD, roundTo } from './report-math';
import { formatNumberVi } from './reward-rules';

/**
 * The headings of a period's figures against the year's target, the same in the XLSX, the CSV and
 * the dashboard's reports page (docs/architecture.md#honest-period-figures).
 */
export const TARGET_COLUMNS = Object.freeze({
  indicator: 'Nội dung',
  period: 'Kết quả kỳ',
  yearToDate: 'Lũy kế từ đầu năm',
  yearTarget: 'Kế hoạch năm',
  percentOfYearTarget: '% kế hoạch năm (lũy kế)',
});

export const COVERAGE_LABEL_VI = `Doanh nghiệp ≥ ${FOCUS_WORKER_THRESHOLD} lao động có CĐCS`;

/** `x` with exactly `digits` decimals and a decimal comma, thousands grouped with a dot when `group` ("1.234,5"). */
export function fixedVi(x: number, digits: number, group = false): string {
  const [int, frac] = Math.abs(roundTo(x, digits)).toFixed(digits).split('.');
  const whole = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return `${x < 0 && roundTo(x, digits) !== 0 ? '-' : ''}${whole}${frac ? `,${frac}` : ''}`;
}

/** Coverage's figures: its count and one percent, beside the target percent — "42/60 = 70,0 % (chỉ tiêu 80 %)". */
export function coverageFiguresVi(c: CoverageProgress): string {
  const count = `${fixedVi(c.withUnion, 0, true)}/${fixedVi(c.enterprises25Plus, 0, true)}`;
  const share = c.percent === null ? `${count} (chưa có doanh nghiệp nào)` : `${count} = ${fixedVi(c.percent, 1)} %`;
  const target = c.targetPercent === null ? 'chưa đặt chỉ tiêu' : `chỉ tiêu ${formatNumberVi(c.targetPercent)} %`;
  return `${share} (${target})`;
}

/**
 * Coverage as its count and one percent beside the target percent, never a percent of the target
 * percent: "Doanh nghiệp ≥ 25 lao động có CĐCS: 42/60 = 70,0 % (chỉ tiêu 80 %)".
 */
export function coverageTextVi(c: CoverageProgress): string {
  return `${COVERAGE_LABEL_VI}: ${coverageFiguresVi(c)}`;
}
