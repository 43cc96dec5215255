import { divideMoney, formatMoneyVi, moneyPercent, overPlan, parseMoney } from './money';

describe('money', () => {
  it('parses whole đồng from digits or safe integers, never from fractions', () => {
    expect(parseMoney('1000000000000')).toBe(1_000_000_000_000n);
    expect(parseMoney(' 1250000 ')).toBe(1_250_000n);
    expect(parseMoney(-5)).toBe(-5n);
    expect(parseMoney('1.5')).toBeNull();
    expect(parseMoney(1.5)).toBeNull();
    expect(parseMoney(2 ** 60)).toBeNull();
    expect(parseMoney('1e6')).toBeNull();
  });
  it('formats the Vietnamese way', () => {
    expect(formatMoneyVi(1_250_000n)).toBe('1.250.000 đ');
    expect(formatMoneyVi('1000000000000')).toBe('1.000.000.000.000 đ');
    expect(formatMoneyVi(-300n)).toBe('-300 đ');
    expect(formatMoneyVi(0n)).toBe('0 đ');
  });
  it('divides and takes shares without floats', () => {
    expect(divideMoney(10n, 4n)).toBe(3n);
    expect(divideMoney(10n, 3n)).toBe(3n);
    expect(divideMoney(1n, 0n)).toBeNull();
    expect(moneyPercent(375n, 1000n)).toBe('37.50');
    expect(moneyPercent(1n, 3n)).toBe('33.33');
    expect(moneyPercent(5n, 0n)).toBeNull();
  });
  it('warns when an entry leaves the heading over its plan', () => {
    expect(overPlan(900n, 200n, 1000n)).toBe(true);
    expect(overPlan(900n, 100n, 1000n)).toBe(false);
    expect(overPlan(1100n, 100n, 1000n)).toBe(true);
    expect(overPlan(1100n, -100n, 1000n)).toBe(false);
    expect(overPlan(0n, 100n, null)).toBe(false);
  });
});
