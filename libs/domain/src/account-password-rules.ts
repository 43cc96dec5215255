/**
 * The password policy for passwords set through the API (creating an account, changing one's own
 * password): long enough, within bcrypt's 72-byte limit, not the e-mail address nor containing its
 * local part, not one of the passwords everybody tries first. Logging in is never checked against it
 * (older and bootstrap passwords keep working); every violated rule is reported at once.
 */

export enum AccountPasswordRule {
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  CONTAINS_EMAIL = 'CONTAINS_EMAIL',
  TOO_COMMON = 'TOO_COMMON',
}

export const ACCOUNT_PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads at most 72 bytes (UTF-8): anything after them would silently not count. */
export const ACCOUNT_PASSWORD_MAX_BYTES = 72;
/** A local part shorter than this (e.g. "a@…") is only refused as the whole address, not as a substring. */
const MIN_LOCAL_PART = 3;

export const ACCOUNT_PASSWORD_MESSAGES: Record<AccountPasswordRule, string> = {
  [AccountPasswordRule.TOO_SHORT]: `Mật khẩu phải có ít nhất ${ACCOUNT_PASSWORD_MIN_LENGTH} ký tự`,
  [AccountPasswordRule.TOO_LONG]: `Mật khẩu không được dài quá ${ACCOUNT_PASSWORD_MAX_BYTES} byte (chữ có dấu chiếm 2–3 byte)`,
  [AccountPasswordRule.CONTAINS_EMAIL]: 'Mật khẩu không được chứa địa chỉ e-mail',
  [AccountPasswordRule.TOO_COMMON]: 'Mật khẩu quá phổ biến, dễ bị đoán',
};

export interface AccountPasswordViolation {
  rule: AccountPasswordRule;
  message: string;
}

/**
 * Passwords found first in leaked lists and guessed first in Vietnam, compared case-insensitively
 * with the whole password. Those shorter than the minimum length are refused anyway; they stay here
 * so that the list says what it is.
 */
export const COMMON_ACCOUNT_PASSWORDS: ReadonlySet<string> = new Set([
  // Digits and keyboard walks
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '12345678910',
  '0123456789',
  '01234567890',
  '0987654321',
  '9876543210',
  '987654321',
  '111111',
  '11111111',
  '1111111111',
  '000000',
  '00000000',
  '0000000000',
  '123123',
  '123123123',
  '1231231234',
  '112233',
  '11223344',
  '1122334455',
  '121212',
  '12121212',
  '1212121212',
  '123321',
  '123654',
  '147258369',
  '1472583690',
  '159753',
  '159357',
  '654321',
  '666666',
  '6666666666',
  '686868',
  '68686868',
  '6868686868',
  '888888',
  '88888888',
  '8888888888',
  '999999',
  '9999999999',
  '777777',
  '7777777777',
  '555555',
  '5555555555',
  '123456a',
  '123456789a',
  '123456789abc',
  'a123456789',
  'a1234567890',
  'abc123',
  'abc12345',
  'abc123456',
  'abc123456789',
  'abcd1234',
  'abcd12345',
  'abcdef123',
  'abcde12345',
  'abcdefghij',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'qwerty',
  'qwerty123',
  'qwerty1234',
  'qwertyuiop',
  'qwertyuiop123',
  'asdfghjkl',
  'asdfghjkl123',
  'asdfghjkl1',
  'zxcvbnm',
  'zxcvbnm123',
  'zxcvbnm1234',
  'qazwsx',
  'qazwsxedc',
  'qazwsxedc123',
  'q1w2e3r4t5',
  'aaaaaaaaaa',
  'aaaaaa',
  'a1b2c3d4e5',
  // English favourites
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword123',
  'passw0rd123',
  'iloveyou',
  'iloveyou123',
  'iloveyou1234',
  'admin',
  'admin123',
  'admin1234',
  'admin12345',
  'admin123456',
  'administrator',
  'welcome',
  'welcome123',
  'welcome1234',
  'letmein',
  'letmein123',
  'monkey123',
  'dragon123',
  'football',
  'football123',
  'baseball',
  'sunshine',
  'sunshine123',
  'princess',
  'princess123',
  'superman',
  'superman123',
  'batman123',
  'starwars',
  'trustno1',
  'changeme',
  'changeme123',
  'default',
  'default123',
  'secret',
  'secret123',
  'master123',
  'test12345',
  'test123456',
  'testtest',
  'user12345',
  'guest12345',
  'demo12345',
  'demo123456',
  // Vietnamese favourites
  'matkhau',
  'matkhau1',
  'matkhau12',
  'matkhau123',
  'matkhau1234',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi',
  'matkhaumoi123',
  'anhyeuem',
  'anhyeuem1',
  'anhyeuem123',
  'anhyeuem1234',
  'emyeuanh',
  'emyeuanh123',
  'yeuem123',
  'yeuanh123',
  'vietnam',
  'vietnam123',
  'vietnam1234',
  'vietnam12345',
  'vietnamvodich',
  'tinhyeu',
  'tinhyeu123',
  'xinchao',
  'xinchao123',
  'hanoi123',
  'hanoi12345',
  'saigon123',
  'saigon12345',
  'thaibinh',
  'thaibinh123',
  'congdoan',
  'congdoan123',
  'congdoan2024',
  'congdoan2025',
  'congdoan2026',
  'congdoancoso',
  'nguyen123',
  'nguyenvan',
  'nguyenvana',
  'tranvan123',
  'levan12345',
  'conga123',
  'concho123',
  'meoconxinh',
  'hoahong123',
  'hoanganh123',
  'ngoctrinh',
  'quanghai19',
  'doimatkhau',
  'doimatkhau123',
  'khongbiet',
  'khongbiet123',
  'saigon1975',
  'hochiminh',
  'hochiminh123',
  'bachkhoa',
  'dhbkhn123',
]);

/** UTF-8 byte length, without Buffer (pure: also runs in a browser). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Every rule `password` breaks (empty when it passes). `email` is the account's address: the
 * password may not be it, nor contain its local part (both case-insensitive).
 */
export function accountPasswordViolations(password: string, context: { email?: string | null } = {}): AccountPasswordViolation[] {
  const rules: AccountPasswordRule[] = [];
  const value = typeof password === 'string' ? password : '';
  if ([...value].length < ACCOUNT_PASSWORD_MIN_LENGTH) rules.push(AccountPasswordRule.TOO_SHORT);
  if (utf8Bytes(value) > ACCOUNT_PASSWORD_MAX_BYTES) rules.push(AccountPasswordRule.TOO_LONG);
  const lowered = value.toLowerCase();
  const email = (context.email ?? '').trim().toLowerCase();
  if (email) {
    const local = email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email;
    if (lowered.includes(email) || (local.length >= MIN_LOCAL_PART && lowered.includes(local)) || (local && lowered === local)) {
      rules.push(AccountPasswordRule.CONTAINS_EMAIL);
    }
  }
  if (COMMON_ACCOUNT_PASSWORDS.has(lowered.trim())) rules.push(AccountPasswordRule.TOO_COMMON);
  return rules.map((rule) => ({ rule, message: ACCOUNT_PASSWORD_MESSAGES[rule] }));
}
