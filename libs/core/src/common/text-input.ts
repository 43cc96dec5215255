import { badInput } from './app-error';
import { RULE, fieldLabel, formatCount } from './messages-vi';

/** Longest free text (comments, notes, reasons) a caller may give. */
export const MAX_TEXT = 2000;
/** Longest name of a person or a union. */
export const MAX_NAME = 255;

// Text is stored NFC-normalised and trimmed, so that the same Vietnamese name typed on two keyboards compares equal.

/**
 * An optional text: null when absent or blank. Too long is noted in `problems` when given (reported
 * with the other fields' problems), else thrown at once as BAD_USER_INPUT.
 */
export function optionalText(field: string, value: string | null | undefined, max = MAX_TEXT, problems?: Record<string, string>): string | null {
  if (value === null || value === undefined) return null;
  const v = value.normalize('NFC').trim();
  if (v.length > max) {
    if (!problems) throw badInput({ [field]: RULE.tooLong(field, max) });
    problems[field] = RULE.tooLong(field, max);
  }
  return v || null;
}

/** A required text; blank or too long is noted in `problems` (reported with the other fields' problems). */
export function requiredText(problems: Record<string, string>, field: string, value: string, max: number): string {
  const v = (value ?? '').normalize('NFC').trim();
  if (!v) problems[field] = RULE.notEmpty(field);
  else if (v.length > max) problems[field] = RULE.tooLong(field, max);
  return v;
}

/** A list of between `min` and `max` names, each 1 to MAX_NAME characters; problems are noted in `problems`. */
export function nameList(problems: Record<string, string>, field: string, values: string[], min: number, max: number): string[] {
  const v = (values ?? []).map((n) => n.normalize('NFC').trim());
  if (v.length < min) problems[field] = `${fieldLabel(field)} phải có ít nhất ${formatCount(min)} người`;
  else if (v.length > max) problems[field] = `${fieldLabel(field)} không được quá ${formatCount(max)} người`;
  else if (v.some((n) => !n || n.length > MAX_NAME)) problems[field] = `Mỗi tên trong ${fieldLabel(field).toLowerCase()} phải có từ 1 đến ${MAX_NAME} ký tự`;
  return v;
}
