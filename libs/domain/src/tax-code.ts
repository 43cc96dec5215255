/**
 * Vietnamese tax codes (mã số thuế): 10 digits whose last is a check digit, or those 10 digits, '-'
 * and the 3-digit number of a branch or dependent unit (chi nhánh, đơn vị phụ thuộc).
 */

/** Weights of the first 9 digits in the check-digit formula. */
const WEIGHTS: readonly number[] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export const TAX_CODE_FORMAT_MESSAGE = "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của chi nhánh";
export const TAX_CODE_BRANCH_MESSAGE = "Mã chi nhánh (3 chữ số sau dấu '-') phải từ 001 đến 999";

export type TaxCodeResult =
  | {
      ok: true;
      /** Normalised: '0100107518' or '0100107518-001'. */
      value: string;
      /** True when a leading zero lost by a spreadsheet (stored as a number) was put back. */
      restoredLeadingZero: boolean;
    }
  | { ok: false; message: string };

/**
 * The check digit of the first 9 digits: 10 − (Σ weight·digit mod 11); null when that gives 10,
 * a value the tax office never issues.
 */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`taxCodeCheckDigit needs 9 digits, got '${first9}'`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i] * (first9.charCodeAt(i) - 48);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

function checkDigitHolds(ten: string): boolean {
  return taxCodeCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
}

const checkDigitMessage = (ten: string): string => `Mã số thuế ${ten} sai chữ số kiểm tra`;

/**
 * Validates and normalises a tax code as typed or as a spreadsheet stored it: surrounding spaces and
 * spaces around the dash go; 13 digits without the dash are read as head + branch; a code that lost
 * its leading zero (9 digits, or 12 for a branch) gets it back when the 10-digit form validates.
 */
export function normalizeTaxCode(input: string | number): TaxCodeResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input < 0) return { ok: false, message: TAX_CODE_FORMAT_MESSAGE };
    s = String(input);
  } else {
    // NFKC turns full-width digits into ASCII ones; any dash-like character counts as the dash.
    s = input
      .normalize('NFKC')
      .trim()
      .replace(/\s*[-‐‑‒–—]\s*/gu, '-');
  }
  const parts = splitTaxCode(s);
  if (!parts) return { ok: false, message: TAX_CODE_FORMAT_MESSAGE };
  let head = parts.head;
  const restoredLeadingZero = head.length === 9;
  if (restoredLeadingZero) {
    // Only a code that validates once the zero is back was a number that lost it; otherwise the length is wrong.
    head = `0${head}`;
    if (!checkDigitHolds(head)) return { ok: false, message: TAX_CODE_FORMAT_MESSAGE };
  } else if (!checkDigitHolds(head)) {
    return { ok: false, message: checkDigitMessage(head) };
  }
  if (parts.branch === '000') return { ok: false, message: TAX_CODE_BRANCH_MESSAGE };
  return { ok: true, value: parts.branch === null ? head : `${head}-${parts.branch}`, restoredLeadingZero };
}

/** The accepted shapes; a 9-digit head is one that lost its leading zero. */
function splitTaxCode(s: string): { head: string; branch: string | null } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{9,10})(?:-(\d{3}))?$/.exec(s))) return { head: m[1], branch: m[2] ?? null };
  // Head and branch typed without the dash: 13 digits, or 12 once the leading zero is lost.
  if ((m = /^(\d{9,10})(\d{3})$/.exec(s))) return { head: m[1], branch: m[2] };
  return null;
}

/** True when `normalizeTaxCode` accepts the input. */
export function isValidTaxCode(input: string | number): boolean {
  return normalizeTaxCode(input).ok;
}
