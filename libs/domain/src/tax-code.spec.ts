import { TAX_CODE_BRANCH_MESSAGE, TAX_CODE_FORMAT_MESSAGE, isValidTaxCode, normalizeTaxCode, taxCodeCheckDigit } from './tax-code';

// Check digits worked out by hand from the formula: 10 − (31·d1 + 29·d2 + … + 3·d9) mod 11.
// 010010107: 29·1 + 17·1 + 7·1 + 3·7 = 74; 74 mod 11 = 8; 10 − 8 = 2.
// 030058856: 29·3 + 17·5 + 13·8 + 7·8 + 5·5 + 3·6 = 375; 375 mod 11 = 1; 10 − 1 = 9.
// 010010751: 29 + 17 + 7·7 + 5·5 + 3·1 = 123; 123 mod 11 = 2; 10 − 2 = 8.
const VALID = ['0100101072', '0300588569', '0100107518'];
// 100107512: 31·1 + 19·1 + 13·7 + 7·5 + 5·1 + 3·2 = 187 = 11·17, so the check digit would be 10.
const NEVER_ISSUED_PREFIX = '100107512';

describe('taxCodeCheckDigit', () => {
  it.each([
    ['010010107', 2],
    ['030058856', 9],
    ['010010751', 8],
  ])('%s → %i', (first9, digit) => {
    expect(taxCodeCheckDigit(first9)).toBe(digit);
  });

  it('is null when the formula gives 10', () => {
    expect(taxCodeCheckDigit(NEVER_ISSUED_PREFIX)).toBeNull();
  });

  it('needs exactly 9 digits', () => {
    expect(() => taxCodeCheckDigit('12345678')).toThrow(RangeError);
    expect(() => taxCodeCheckDigit('12345678a')).toThrow(RangeError);
  });
});

describe('normalizeTaxCode', () => {
  it.each(VALID)('accepts %s as it is', (code) => {
    expect(normalizeTaxCode(code)).toEqual({ ok: true, value: code, restoredLeadingZero: false });
  });

  it('trims surrounding spaces, tabs and no-break spaces', () => {
    expect(normalizeTaxCode('  0100101072\t')).toMatchObject({ ok: true, value: '0100101072' });
    expect(normalizeTaxCode('\u00a00100101072\u00a0')).toMatchObject({ ok: true, value: '0100101072' });
  });

  it('accepts a branch: 10 digits, a dash and 3 digits', () => {
    expect(normalizeTaxCode('0100101072-001')).toEqual({ ok: true, value: '0100101072-001', restoredLeadingZero: false });
    expect(normalizeTaxCode('0100101072 - 012')).toMatchObject({ ok: true, value: '0100101072-012' });
    expect(normalizeTaxCode('0100101072–123')).toMatchObject({ ok: true, value: '0100101072-123' });
  });

  it('reads 13 digits without the dash as head and branch', () => {
    expect(normalizeTaxCode('0100101072005')).toMatchObject({ ok: true, value: '0100101072-005' });
  });

  it('refuses branch 000', () => {
    expect(normalizeTaxCode('0100101072-000')).toEqual({ ok: false, message: TAX_CODE_BRANCH_MESSAGE });
  });

  it('checks the head of a branch code too', () => {
    expect(normalizeTaxCode('0100101073-001')).toEqual({ ok: false, message: 'Mã số thuế 0100101073 sai chữ số kiểm tra' });
  });

  it('refuses a wrong check digit with the code in the message', () => {
    expect(normalizeTaxCode('0100101073')).toEqual({ ok: false, message: 'Mã số thuế 0100101073 sai chữ số kiểm tra' });
  });

  it('refuses codes whose check digit would be 10, whatever the last digit', () => {
    for (let d = 0; d <= 9; d++) expect(isValidTaxCode(`${NEVER_ISSUED_PREFIX}${d}`)).toBe(false);
  });

  it('restores the leading zero Excel dropped from a number', () => {
    expect(normalizeTaxCode(100101072)).toEqual({ ok: true, value: '0100101072', restoredLeadingZero: true });
    expect(normalizeTaxCode('100101072')).toEqual({ ok: true, value: '0100101072', restoredLeadingZero: true });
    expect(normalizeTaxCode('300588569-002')).toMatchObject({ ok: true, value: '0300588569-002', restoredLeadingZero: true });
    expect(normalizeTaxCode(100101072005)).toMatchObject({ ok: true, value: '0100101072-005', restoredLeadingZero: true });
  });

  it('does not invent a leading zero when the 10-digit form does not validate', () => {
    expect(normalizeTaxCode('100101073')).toEqual({ ok: false, message: TAX_CODE_FORMAT_MESSAGE });
  });

  it('accepts a 10-digit number cell', () => {
    expect(normalizeTaxCode(1234567893)).toMatchObject({ ok: true, value: '1234567893' });
  });

  it.each([
    ['letters', '01001O1072'],
    ['letters after the code', '0100101072a'],
    ['too short', '01001010'],
    ['11 digits', '01001010720'],
    ['14 digits', '01001010720011'],
    ['2-digit branch', '0100101072-01'],
    ['4-digit branch', '0100101072-0011'],
    ['two dashes', '0100101072-001-002'],
    ['empty', ''],
    ['only spaces', '   '],
    ['inner spaces', '0100 101 072'],
  ])('refuses %s with the format message', (_label, input) => {
    expect(normalizeTaxCode(input)).toEqual({ ok: false, message: TAX_CODE_FORMAT_MESSAGE });
  });

  it.each([-100101072, 100101072.5, Number.NaN, 1e20])('refuses the number %p', (n) => {
    expect(normalizeTaxCode(n)).toEqual({ ok: false, message: TAX_CODE_FORMAT_MESSAGE });
  });

  it('reads full-width digits', () => {
    expect(normalizeTaxCode('０１００１０１０７２')).toMatchObject({ ok: true, value: '0100101072' });
  });

  it('says what a tax code looks like, in Vietnamese', () => {
    expect(TAX_CODE_FORMAT_MESSAGE).toBe("Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của chi nhánh");
  });
});
