import { fmtDate, parseVnDate, vnToday } from '../i18n';

// What a form sends for what was typed. An empty or malformed value goes on as it is (null, the
// text), so that the API names the field (BAD_USER_INPUT) and the form marks it.

export const todayVn = (): string => fmtDate(vnToday());

/** A number typed in a form, or null when empty (the API then names the field). */
export function num(s: string | boolean): number | null {
  if (typeof s !== 'string' || s.trim() === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : (s as unknown as number);
}

export const day = (s: string | boolean): string => parseVnDate(String(s));

export const lines = (s: string | boolean): string[] =>
  String(s)
    .split(/\r?\n|;/)
    .map((x) => x.trim())
    .filter(Boolean);
