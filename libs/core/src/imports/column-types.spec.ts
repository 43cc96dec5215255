import { Ownership, TAX_CODE_FORMAT_MESSAGE } from '@app/domain';
import { ColumnType, FilledCell, ParseResult } from './column-spec';
import { booleanType, choiceType, countType, dateType, formatDayMonthYear, taxCodeType, textType } from './column-types';

const parse = <V>(type: ColumnType<V>, cell: FilledCell, heading = 'Cột'): ParseResult<V> => type.parse(cell, heading);
const fails = (message: string) => ({ ok: false, message });

describe('textType', () => {
  const t = textType({ maxLength: 5 });

  it('trims, collapses white space and composes to NFC', () => {
    expect(parse(textType(), '  Công  ty\nDược  ')).toEqual({ ok: true, value: 'Công ty Dược' });
    expect(parse(textType(), 'Dược'.normalize('NFD'))).toEqual({ ok: true, value: 'Dược' });
  });

  it('writes numbers, dates and booleans as text', () => {
    expect(parse(textType(), 12)).toEqual({ ok: true, value: '12' });
    expect(parse(textType(), new Date(Date.UTC(2025, 0, 2)))).toEqual({ ok: true, value: '02/01/2025' });
    expect(parse(textType(), true)).toEqual({ ok: true, value: 'Có' });
  });

  it('counts characters, not bytes, against the maximum', () => {
    expect(parse(t, 'ệệệệệ')).toMatchObject({ ok: true });
    expect(parse(t, 'ệệệệệệ', 'Tên')).toEqual(fails('Tên dài quá 5 ký tự'));
  });
});

describe('countType', () => {
  const c = countType({ max: 1_000_000 });

  it.each([
    [0, 0],
    [25, 25],
    ['25', 25],
    [' 1.250 ', 1250],
    ['1,250', 1250],
    ['125 000', 125_000],
    ['1\u00a0000', 1000],
    ['+7', 7],
  ])('reads %p as %p', (cell, n) => {
    expect(parse(c, cell)).toEqual({ ok: true, value: n });
  });

  it('refuses negative numbers', () => {
    expect(parse(c, -3, 'Số lao động')).toEqual(fails('Số lao động phải từ 0 trở lên'));
    expect(parse(c, '-3', 'Số lao động')).toEqual(fails('Số lao động phải từ 0 trở lên'));
    expect(parse(c, '−1.200', 'Số lao động')).toEqual(fails('Số lao động phải từ 0 trở lên'));
  });

  it.each([12.5, '12,5', '12.5', '1.25', 'mười', '12 người', true, new Date(0)])('refuses %p as not a whole number', (cell) => {
    expect(parse(c, cell, 'Số lao động')).toEqual(fails('Số lao động phải là số nguyên'));
  });

  it('refuses more than the maximum', () => {
    expect(parse(c, 1_000_001, 'Số lao động')).toEqual(fails('Số lao động không được quá 1.000.000'));
  });
});

describe('booleanType', () => {
  const b = booleanType();

  it.each(['Có', 'có', 'CO', 'x', 'X', 'yes', '1', 'Đã có', 'da co', 'TRUE', 1, true])('reads %p as yes', (cell) => {
    expect(parse(b, cell)).toEqual({ ok: true, value: true });
  });

  it.each(['Không', 'khong', 'no', '0', 'Chưa có', 'chưa', 'FALSE', 0, false])('reads %p as no', (cell) => {
    expect(parse(b, cell)).toEqual({ ok: true, value: false });
  });

  it('refuses anything else', () => {
    expect(parse(b, 'có lẽ', 'Đã có công đoàn')).toEqual(fails('Đã có công đoàn phải ghi “Có” hoặc “Không” (hoặc x, 1/0, đã có/chưa có)'));
    expect(parse(b, 2)).toMatchObject({ ok: false });
  });

  it('exports Có/Không, which it reads back', () => {
    expect(b.format(true)).toBe('Có');
    expect(parse(b, b.format(false))).toEqual({ ok: true, value: false });
  });
});

describe('dateType', () => {
  const d = dateType();

  it.each([
    ['31/12/2024', '2024-12-31'],
    ['1/2/2025', '2025-02-01'],
    ['01-02-2025', '2025-02-01'],
    ['01.02.2025', '2025-02-01'],
    ['2025-02-01', '2025-02-01'],
    ['29/02/2024', '2024-02-29'],
  ])('reads the text %p', (cell, iso) => {
    expect(parse(d, cell)).toEqual({ ok: true, value: iso });
  });

  it('reads Excel serial numbers (45658 is 01/01/2025), ignoring the time of day', () => {
    expect(parse(d, 45658)).toEqual({ ok: true, value: '2025-01-01' });
    expect(parse(d, 45658.75)).toEqual({ ok: true, value: '2025-01-01' });
    expect(parse(d, 61)).toEqual({ ok: true, value: '1900-03-01' });
  });

  it('reads date cells as the UTC day exceljs gives', () => {
    expect(parse(d, new Date(Date.UTC(2025, 1, 28)))).toEqual({ ok: true, value: '2025-02-28' });
  });

  it('names an impossible day', () => {
    expect(parse(d, '31/02/2025', 'Ngày đếm lao động')).toEqual(fails('31/02/2025 không phải là ngày hợp lệ'));
    expect(parse(d, '29/02/2025')).toEqual(fails('29/02/2025 không phải là ngày hợp lệ'));
    expect(parse(d, '12/13/2025')).toEqual(fails('12/13/2025 không phải là ngày hợp lệ'));
  });

  it('says how to write a date', () => {
    expect(parse(d, '31/12/24', 'Ngày đếm lao động')).toEqual(fails('Ngày đếm lao động phải ghi theo dạng ngày/tháng/năm, ví dụ 31/12/2024'));
    expect(parse(d, 'hôm qua', 'Ngày')).toMatchObject({ ok: false });
  });

  it('keeps to the years 1900–2100', () => {
    expect(parse(d, '01/01/2200', 'Ngày')).toEqual(fails('Ngày phải trong khoảng năm 1900–2100'));
    expect(parse(d, 10, 'Ngày')).toEqual(fails('Ngày không phải là ngày hợp lệ'));
  });

  it('exports a date cell at midnight UTC with a dd/mm/yyyy format', () => {
    expect(d.format('2025-02-01')).toEqual(new Date(Date.UTC(2025, 1, 1)));
    expect(d.numFmt).toBe('dd/mm/yyyy');
    expect(parse(d, d.format('2025-02-01'))).toEqual({ ok: true, value: '2025-02-01' });
    expect(formatDayMonthYear('2025-02-01')).toBe('01/02/2025');
  });
});

describe('taxCodeType', () => {
  const t = taxCodeType();

  it('normalises through the domain rule and restores the lost zero of a number cell', () => {
    expect(parse(t, ' 0100101072 ')).toEqual({ ok: true, value: '0100101072' });
    expect(parse(t, 100101072)).toEqual({ ok: true, value: '0100101072' });
  });

  it('gives the domain messages', () => {
    expect(parse(t, '0100101073')).toEqual(fails('Mã số thuế 0100101073 sai chữ số kiểm tra'));
    expect(parse(t, 'abc')).toEqual(fails(TAX_CODE_FORMAT_MESSAGE));
    expect(parse(t, new Date(0))).toEqual(fails(TAX_CODE_FORMAT_MESSAGE));
  });
});

describe('choiceType', () => {
  const c = choiceType([
    { value: Ownership.STATE, label: 'Nhà nước', aliases: ['DNNN'] },
    { value: Ownership.OTHER, label: 'Khác' },
  ]);

  it('reads labels, aliases and values, ignoring case and diacritics', () => {
    expect(parse(c, 'nha nuoc')).toEqual({ ok: true, value: Ownership.STATE });
    expect(parse(c, 'dnnn')).toEqual({ ok: true, value: Ownership.STATE });
    expect(parse(c, 'OTHER')).toEqual({ ok: true, value: Ownership.OTHER });
  });

  it('lists the choices when the text is none of them', () => {
    expect(parse(c, ' Công ty TNHH ', 'Loại hình')).toEqual(fails('Loại hình “Công ty TNHH” không nằm trong danh sách: Nhà nước, Khác'));
  });

  it('exports the label', () => {
    expect(c.format(Ownership.STATE)).toBe('Nhà nước');
  });
});
