import { FOCUS_WORKER_THRESHOLD, coverage, isFocusEnterprise, progressPercent, progressRatio, round2, roundTo } from './report-math';

describe('focus enterprises', () => {
  it('are those with 25 workers or more', () => {
    expect(FOCUS_WORKER_THRESHOLD).toBe(25);
    expect(isFocusEnterprise(24)).toBe(false);
    expect(isFocusEnterprise(25)).toBe(true);
    expect(isFocusEnterprise(2500)).toBe(true);
  });
});

describe('coverage', () => {
  it.each([
    [0, 0, null, null],
    [0, 0, 100, null],
    [3, 0, 100, 0],
    [3, 1, 100, 33.33],
    [3, 2, 100, 66.67],
    [8, 8, 100, 100],
    [200, 1, 90, 0.5],
    [7, 5, null, 71.43],
    [1000, 999, 100, 99.9],
  ])('%i enterprises ≥25, %i with a union, target %s → %s%%', (e, u, target, percent) => {
    expect(coverage(e, u, target)).toEqual({ enterprises25Plus: e, withUnion: u, percent, targetPercent: target });
  });

  it('rejects impossible counts', () => {
    expect(() => coverage(3, 4, null)).toThrow(RangeError);
    expect(() => coverage(-1, 0, null)).toThrow(RangeError);
    expect(() => coverage(3, -1, null)).toThrow(RangeError);
    expect(() => coverage(3.5, 1, null)).toThrow(RangeError);
    expect(() => coverage(Number.NaN, 0, null)).toThrow(RangeError);
  });
});

describe('progressRatio', () => {
  it.each([
    [null, 12, null],
    [0, 12, null],
    [-5, 12, null],
    [10, 12, 1.2],
    [130, 0, 0],
    [2, 1, 0.5],
    [3, 1, 1 / 3],
  ])('target %s, actual %i → %s', (target, actual, ratio) => {
    expect(progressRatio({ target, actual })).toBe(ratio);
  });

  it('progressPercent rounds to 2 decimals', () => {
    expect(progressPercent({ target: 3, actual: 1 })).toBe(33.33);
    expect(progressPercent({ target: 130, actual: 130 })).toBe(100);
    expect(progressPercent({ target: null, actual: 4 })).toBeNull();
  });
});

describe('rounding', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.255, 1.26],
    [-1.005, -1.01],
    [33.333333, 33.33],
    [66.666666, 66.67],
    [123.456, 123.46],
    [100, 100],
    [0.1 + 0.2, 0.3],
    [1e-7, 0],
    [1e21, 1e21],
  ])('round2(%d) = %d', (x, y) => {
    expect(round2(x)).toBe(y);
  });

  it('never yields -0', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
  });

  it('passes non-finite numbers through', () => {
    expect(round2(Number.NaN)).toBeNaN();
    expect(round2(Infinity)).toBe(Infinity);
  });

  it('rounds to other precisions', () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(1.0005, 3)).toBe(1.001);
    expect(() => roundTo(1, -1)).toThrow(RangeError);
  });
});
