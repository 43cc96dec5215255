import { COMMON_PASSWORDS } from './common-passwords';
import { PASSWORD_MIN_LENGTH, PasswordRule, checkPassword } from './password-policy';

const rules = (password: string, email?: string): PasswordRule[] =>
  checkPassword(password, { email }).violations.map((v) => v.rule);

describe('checkPassword', () => {
  it('accepts a long, personal-free, uncommon password', () => {
    expect(checkPassword('Ngựa-vằn-ăn-cỏ-lúc-7h', { email: 'lan.nguyen@ldld.vn' })).toEqual({ ok: true, violations: [] });
  });

  it('needs at least 10 characters, counted as the user sees them', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(rules('Ab3$efgh9')).toEqual([PasswordRule.TOO_SHORT]);
    expect(rules('Ab3$efgh9k')).toEqual([]);
    // 10 letters with diacritics: 10 code points in NFC although more in NFD or UTF-8 bytes.
    expect(rules('ếếếếếếếếếế'.normalize('NFD'))).toEqual([]);
    expect(rules('ếếếếếếếếế')).toEqual([PasswordRule.TOO_SHORT]);
  });

  it('says what is wrong in Vietnamese', () => {
    const check = checkPassword('abc', { email: 'abc@x.vn' });
    expect(check.ok).toBe(false);
    expect(check.violations.map((v) => v.message)).toEqual([
      'Mật khẩu phải có ít nhất 10 ký tự',
      'Mật khẩu không được trùng hoặc chứa tên trong địa chỉ e-mail (“abc”)',
    ]);
  });

  it('refuses the e-mail local part, whatever the case', () => {
    expect(rules('Nguyenvanan', 'nguyenvanan@congdoan.vn')).toEqual([PasswordRule.CONTAINS_EMAIL_NAME]);
    expect(rules('xx-NGUYENVANAN-2024', 'NguyenVanAn@congdoan.vn')).toEqual([PasswordRule.CONTAINS_EMAIL_NAME]);
  });

  it('sees the local part without its dots too', () => {
    expect(rules('nguyenvanan2024!', 'nguyen.van.an@congdoan.vn')).toEqual([PasswordRule.CONTAINS_EMAIL_NAME]);
    expect(rules('nguyen.van.an#2024', 'nguyen.van.an@congdoan.vn')).toEqual([PasswordRule.CONTAINS_EMAIL_NAME]);
  });

  it('does not refuse a password for containing a one- or two-letter local part', () => {
    expect(rules('Hanoi-mua-thu-2024', 'an@congdoan.vn')).toEqual([]);
    expect(rules('an', 'an@congdoan.vn')).toEqual([PasswordRule.TOO_SHORT, PasswordRule.CONTAINS_EMAIL_NAME]);
  });

  it('checks nothing about the e-mail when there is none', () => {
    expect(rules('nguyenvanan2024', undefined)).toEqual([]);
    expect(checkPassword('nguyenvanan2024', { email: null }).ok).toBe(true);
    expect(checkPassword('nguyenvanan2024').ok).toBe(true);
  });

  it.each(['matkhau123', '123456789a', 'MatKhau123', 'Password123', '1234567890', 'qwertyuiop', 'anhyeuem123'])(
    'refuses the common password %p',
    (pw) => {
      expect(rules(pw)).toEqual([PasswordRule.COMMON]);
      expect(checkPassword(pw).violations[0].message).toBe('Mật khẩu này quá phổ biến, dễ bị đoán ra: hãy chọn mật khẩu khác');
    },
  );

  it('reports every broken rule at once, in order', () => {
    expect(rules('admin', 'admin@congdoan.vn')).toEqual([
      PasswordRule.TOO_SHORT,
      PasswordRule.CONTAINS_EMAIL_NAME,
      PasswordRule.COMMON,
    ]);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('is a list of 100 to 250 lower-case entries with the Vietnamese favourites', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(100);
    expect(COMMON_PASSWORDS.size).toBeLessThanOrEqual(250);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
    for (const p of ['matkhau123', '123456789a', 'anhyeuem', 'password']) expect(COMMON_PASSWORDS.has(p)).toBe(true);
  });
});
