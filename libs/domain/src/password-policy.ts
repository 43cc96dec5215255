import { COMMON_PASSWORDS } from './common-passwords';

/** The rules a new password must keep; a check reports every rule it breaks, in this order. */
export enum PasswordRule {
  TOO_SHORT = 'TOO_SHORT',
  CONTAINS_EMAIL_NAME = 'CONTAINS_EMAIL_NAME',
  COMMON = 'COMMON',
}

export interface PasswordViolation {
  rule: PasswordRule;
  /** For the user, in Vietnamese. */
  message: string;
}

export type PasswordCheck = { ok: true; violations: [] } | { ok: false; violations: PasswordViolation[] };

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Local parts shorter than this are only refused as the whole password: 'an' inside a password says nothing.
 */
const MIN_EMAIL_NAME_TO_MATCH = 3;

export interface PasswordContext {
  /** The account's e-mail address; its local part (before '@') must not be or be inside the password. */
  email?: string | null;
}

/** The local part of an e-mail address, lower-case, and the same without dots, dashes, underscores and '+'. */
function emailNames(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = (at >= 0 ? email.slice(0, at) : email).trim().normalize('NFC').toLowerCase();
  if (!local) return [];
  const bare = local.replace(/[._+-]/g, '');
  return bare && bare !== local ? [local, bare] : [local];
}

/**
 * Checks a new password: at least PASSWORD_MIN_LENGTH characters (code points, so 'ế' counts once),
 * neither equal to nor containing the e-mail's local part (case-insensitive), not a commonly used password.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const pw = password.normalize('NFC');
  const lower = pw.toLowerCase();
  const violations: PasswordViolation[] = [];
  if ([...pw].length < PASSWORD_MIN_LENGTH) {
    violations.push({ rule: PasswordRule.TOO_SHORT, message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự` });
  }
  const names = context.email ? emailNames(context.email) : [];
  const hit = names.find((n) => lower === n || (n.length >= MIN_EMAIL_NAME_TO_MATCH && lower.includes(n)));
  if (hit !== undefined) {
    violations.push({
      rule: PasswordRule.CONTAINS_EMAIL_NAME,
      message: `Mật khẩu không được trùng hoặc chứa tên trong địa chỉ e-mail (“${hit}”)`,
    });
  }
  if (COMMON_PASSWORDS.has(lower)) {
    violations.push({
      rule: PasswordRule.COMMON,
      message: 'Mật khẩu này quá phổ biến, dễ bị đoán ra: hãy chọn mật khẩu khác',
    });
  }
  return violations.length ? { ok: false, violations } : { ok: true, violations: [] };
}
