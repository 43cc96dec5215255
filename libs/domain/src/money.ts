/**
 * Money in whole Vietnamese đồng, as bigint: never a float (docs/architecture.md#plan-areas-and-budget).
 * The API carries it as a string of digits (the `Money` scalar), so 10^12 đ and beyond survive any client.
 */

/** The largest amount one entry or plan line may carry: 10^15 đ (well inside Postgres bigint and JS's safe integers). */
export const MAX_MONEY = 1_000_000_000_000_000n;

/** A whole-đồng amount from a string of digits (optionally signed) or a safe integer; null when it is not one. */
export function parseMoney(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^-?\d{1,19}$/.test(s)) return null;
  return BigInt(s);
}

/** "1.250.000 đ" (a minus sign before a negative amount). */
export function formatMoneyVi(amount: bigint | string | number): string {
  const n = typeof amount === 'bigint' ? amount : BigInt(amount);
  const digits = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0n ? '-' : ''}${digits} đ`;
}

/** a / b rounded half away from zero, in whole đồng; null when b is 0. */
export function divideMoney(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const q = (x * 2n + y) / (2n * y);
  return neg ? -q : q;
}

/** spent / planned in percent with two decimals, as a string ("37.50"); null without a plan. */
export function moneyPercent(spent: bigint, planned: bigint): string | null {
  if (planned <= 0n) return null;
  const hundredths = divideMoney(spent * 10_000n, planned)!;
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Whether recording `amount` leaves a heading over its plan (a warning, never a refusal). No plan line: no warning. */
export function overPlan(spentBefore: bigint, amount: bigint, planned: bigint | null): boolean {
  if (planned === null || amount <= 0n) return false;
  return spentBefore + amount > planned;
}

/** The spending headings of the seed plan (Plan 256/KH-CĐYT), each unit's defaults until it sets its own. */
export const DEFAULT_BUDGET_HEADINGS: readonly string[] = Object.freeze([
  'Khảo sát, tuyên truyền',
  'Hành chính',
  'Phụ cấp trách nhiệm',
  'Bồi dưỡng cán bộ',
  'Thuê cộng tác viên',
  'Hỗ trợ CĐCS mới thành lập',
]);
