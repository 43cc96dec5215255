import { againstYearTarget, coverage } from './report-math';
import { COVERAGE_LABEL_VI, TARGET_COLUMNS, coverageFiguresVi, coverageTextVi, fixedVi } from './report-text';

describe('fixedVi', () => {
  it.each([
    [70, 1, false, '70,0'],
    [66.67, 1, false, '66,7'],
    [1.005, 2, false, '1,01'],
    [1234.5, 1, true, '1.234,5'],
    [1234567, 0, true, '1.234.567'],
    [1234567, 0, false, '1234567'],
    [-0.04, 1, false, '0,0'],
    [-2.5, 1, false, '-2,5'],
  ])('%d with %i decimals (grouped: %s) is %s', (x, digits, group, text) => {
    expect(fixedVi(x, digits, group)).toBe(text);
  });
});

describe('coverageTextVi', () => {
  it('says the count and one percent beside the target percent', () => {
    expect(coverageTextVi(coverage(60, 42, 80))).toBe('Doanh nghiệp ≥ 25 lao động có CĐCS: 42/60 = 70,0 % (chỉ tiêu 80 %)');
    expect(coverageTextVi(coverage(3, 2, 82.5))).toBe(`${COVERAGE_LABEL_VI}: 2/3 = 66,7 % (chỉ tiêu 82,5 %)`);
    expect(coverageTextVi(coverage(1500, 1200, null))).toBe(`${COVERAGE_LABEL_VI}: 1.200/1.500 = 80,0 % (chưa đặt chỉ tiêu)`);
    expect(coverageTextVi(coverage(0, 0, 80))).toBe(`${COVERAGE_LABEL_VI}: 0/0 (chưa có doanh nghiệp nào) (chỉ tiêu 80 %)`);
  });

  it('never shows a percent of the target percent', () => {
    // 70 % of a target of 80 % would be 87,5 %: a figure that must not appear.
    expect(coverageTextVi(coverage(60, 42, 80))).not.toMatch(/87[,.]5/);
  });
});

describe('againstYearTarget', () => {
  it('compares the year-to-date result with the year target, and keeps the period result beside it', () => {
    // Q2: 2 members in the quarter, 9 since 1 January, 10 for the year.
    expect(againstYearTarget(2, 9, 10)).toEqual({ target: 10, actual: 2, yearToDate: 9, percentOfYearTarget: 90 });
    expect(againstYearTarget(0, 1, 3)).toEqual({ target: 3, actual: 0, yearToDate: 1, percentOfYearTarget: 33.33 });
    expect(againstYearTarget(5, 5, null).percentOfYearTarget).toBeNull();
    expect(againstYearTarget(5, 5, 0).percentOfYearTarget).toBeNull();
  });

  it('refuses a period result above the year-to-date one', () => {
    expect(() => againstYearTarget(3, 2, 10)).toThrow(RangeError);
    expect(() => againstYearTarget(-1, 2, 10)).toThrow(RangeError);
  });
});

describe('TARGET_COLUMNS', () => {
  it('name the period result, the year-to-date result and the year target apart', () => {
    expect(Object.values(TARGET_COLUMNS)).toEqual(['Nội dung', 'Kết quả kỳ', 'Lũy kế từ đầu năm', 'Kế hoạch năm', '% kế hoạch năm (lũy kế)']);
  });
});

describe('coverageFiguresVi', () => {
  it('is the sentence without its label', () => {
    const c = coverage(60, 42, 80);
    expect(coverageFiguresVi(c)).toBe('42/60 = 70,0 % (chỉ tiêu 80 %)');
    expect(coverageTextVi(c)).toBe(`${COVERAGE_LABEL_VI}: ${coverageFiguresVi(c)}`);
  });
});
