import { badInput } from './app-error';

/** Longest free text (comments, notes, reasons) a caller may give. */
export const MAX_TEXT = 2000;
/** Longest name of a person or a union. */
export const MAX_NAME = 255;

// Text is stored NFC-normalised and trimmed, so that the same Vietnamese name typed on two keyboards compares equal.

/** An optional text: null when absent or blank; too long throws BAD_USER_INPUT at once. */
export function optionalText(field: string, value: string | null | undefined, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  const v = value.normalize('NFC').trim();
  if (v.length > max) throw badInput({ [field]: `must have at most ${max} characters` });
  return v || null;
}

/** A required text; blank or too long is noted in `problems` (reported with the other fields' problems). */
export function requiredText(problems: Record<string, string>, field: string, value: string, max: number): string {
  const v = (value ?? '').normalize('NFC').trim();
  if (!v) problems[field] = 'must not be empty';
  else if (v.length > max) problems[field] = `must have at most ${max} characters`;
  return v;
}

/** A list of between `min` and `max` names, each 1 to MAX_NAME characters; problems are noted in `problems`. */
export function nameList(problems: Record<string, string>, field: string, values: string[], min: number, max: number): string[] {
  const v = (values ?? []).map((n) => n.normalize('NFC').trim());
  if (v.length < min) problems[field] = `must name at least ${min}`;
  else if (v.length > max) problems[field] = `must name at most ${max}`;
  else if (v.some((n) => !n || n.length > MAX_NAME)) problems[field] = `names must be 1–${MAX_NAME} characters`;
  return v;
}
