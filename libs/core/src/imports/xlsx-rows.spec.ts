import { xlsxCellValue, FORMULA_WITHOUT_VALUE } from './xlsx-rows';

describe('xlsxCellValue', () => {
  it('keeps plain values', () => {
    const d = new Date(Date.UTC(2025, 0, 1));
    expect([null, undefined, 'a', 1.5, true, d].map(xlsxCellValue)).toEqual([null, null, 'a', 1.5, true, d]);
  });

  it('flattens rich text and hyperlinks to their text', () => {
    expect(xlsxCellValue({ richText: [{ text: 'Công ty ' }, { text: 'A', font: { bold: true } }] })).toBe('Công ty A');
    expect(xlsxCellValue({ text: 'Trang web', hyperlink: 'https://example.vn' })).toBe('Trang web');
    expect(xlsxCellValue({ text: { richText: [{ text: 'x' }] }, hyperlink: 'h' })).toBe('x');
  });

  it('takes a formula by its cached result', () => {
    expect(xlsxCellValue({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(xlsxCellValue({ sharedFormula: 'B2', result: 'ok' })).toBe('ok');
    expect(xlsxCellValue({ formula: 'A1', result: { richText: [{ text: 'r' }] } })).toBe('r');
  });

  it('refuses a formula without a result, and error values', () => {
    expect(xlsxCellValue({ formula: 'A1' })).toEqual({ problem: FORMULA_WITHOUT_VALUE });
    expect(FORMULA_WITHOUT_VALUE).toBe('Ô chứa công thức không có giá trị');
    expect(xlsxCellValue({ formula: 'A1', result: Number.NaN })).toEqual({ problem: 'Công thức trong ô cho kết quả lỗi' });
    expect(xlsxCellValue({ formula: 'A1', result: { error: '#DIV/0!' } })).toEqual({ problem: 'Công thức trong ô cho kết quả lỗi #DIV/0!' });
    expect(xlsxCellValue({ error: '#N/A' })).toEqual({ problem: 'Ô có giá trị lỗi #N/A' });
    expect(xlsxCellValue(Number.POSITIVE_INFINITY)).toEqual({ problem: 'Ô có giá trị số không hợp lệ' });
    expect(xlsxCellValue({ sharedString: 3 })).toEqual({ problem: 'Không đọc được giá trị của ô' });
  });
});
