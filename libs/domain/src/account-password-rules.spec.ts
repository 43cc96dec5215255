import {
  ACCOUNT_PASSWORD_MAX_BYTES,
  ACCOUNT_PASSWORD_MIN_LENGTH,
  AccountPasswordRule,
  COMMON_ACCOUNT_PASSWORDS,
  accountPasswordViolations,
} from './account-password-rules';

const rules = (password: string, email?: string | null) => accountPasswordViolations(password, { email }).map((v) => v.rule);

describe('accountPasswordViolations', () => {
  it('accepts a long, personal, uncommon password', () => {
    expect(accountPasswordViolations('Trâu-vàng-đồng-ruộng-7', { email: 'officer1@demo.cdcs.vn' })).toEqual([]);
    expect(rules('test-password-1', 'supervisor.ab12cd34@test.vn')).toEqual([]);
    expect(rules('long-enough-1')).toEqual([]);
  });

  it(`needs at least ${ACCOUNT_PASSWORD_MIN_LENGTH} characters, counted as characters, not bytes`, () => {
    expect(rules('k7#Qm3xP9')).toEqual([AccountPasswordRule.TOO_SHORT]);
    expect(rules('k7#Qm3xP9w')).toEqual([]);
    // 10 Vietnamese letters are 10 characters (and more than 10 bytes).
    expect(rules('ĐườngHầmẤy')).toEqual([]);
    expect(rules('')).toEqual([AccountPasswordRule.TOO_SHORT]);
  });

  it(`refuses more than ${ACCOUNT_PASSWORD_MAX_BYTES} UTF-8 bytes (bcrypt ignores the rest)`, () => {
    expect(rules('x'.repeat(72))).toEqual([]);
    expect(rules('x'.repeat(73))).toEqual([AccountPasswordRule.TOO_LONG]);
    // 30 'ế' are 30 characters but 90 bytes.
    expect(rules('ế'.repeat(30))).toEqual([AccountPasswordRule.TOO_LONG]);
    expect(rules('x'.repeat(300_000))).toEqual([AccountPasswordRule.TOO_LONG]);
  });

  it('refuses the e-mail address and anything containing its local part, whatever the case', () => {
    expect(rules('Nguyen.Van.A@Demo.vn', 'nguyen.van.a@demo.vn')).toEqual([AccountPasswordRule.CONTAINS_EMAIL]);
    expect(rules('XX-NGUYEN.VAN.A-2024', 'nguyen.van.a@demo.vn')).toEqual([AccountPasswordRule.CONTAINS_EMAIL]);
    expect(rules('nguyen.van.b-2024', 'nguyen.van.a@demo.vn')).toEqual([]);
    // A very short local part is refused only as the whole password or address.
    expect(rules('a-good-long-one', 'a@b.vn')).toEqual([]);
    expect(rules('zz-a@b.vn-zzzz', 'a@b.vn')).toEqual([AccountPasswordRule.CONTAINS_EMAIL]);
    expect(rules('abc-long-enough', 'ABC@b.vn')).toEqual([AccountPasswordRule.CONTAINS_EMAIL]);
    expect(rules('anything-long', null)).toEqual([]);
  });

  it('refuses common passwords, Vietnamese favourites included, case-insensitively', () => {
    for (const p of ['matkhau123', '123456789a', 'Password123', 'QWERTYUIOP', 'anhyeuem123', 'admin12345', '1234567890']) {
      expect([p, rules(p)]).toEqual([p, [AccountPasswordRule.TOO_COMMON]]);
    }
    expect(COMMON_ACCOUNT_PASSWORDS.size).toBeGreaterThanOrEqual(100);
    expect(COMMON_ACCOUNT_PASSWORDS.size).toBeLessThanOrEqual(250);
    for (const p of COMMON_ACCOUNT_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });

  it('reports every rule broken, each with its Vietnamese message', () => {
    expect(accountPasswordViolations('matkhau', { email: 'matkhau@demo.vn' })).toEqual([
      { rule: AccountPasswordRule.TOO_SHORT, message: 'Mật khẩu phải có ít nhất 10 ký tự' },
      { rule: AccountPasswordRule.CONTAINS_EMAIL, message: 'Mật khẩu không được chứa địa chỉ e-mail' },
      { rule: AccountPasswordRule.TOO_COMMON, message: 'Mật khẩu quá phổ biến, dễ bị đoán' },
    ]);
    expect(rules(`${'ế'.repeat(25)}hoa.le@x.vn`, 'hoa.le@x.vn')).toEqual([AccountPasswordRule.TOO_LONG, AccountPasswordRule.CONTAINS_EMAIL]);
  });

  it('treats a missing value as empty instead of throwing', () => {
    expect(rules(undefined as unknown as string)).toEqual([AccountPasswordRule.TOO_SHORT]);
  });
});
