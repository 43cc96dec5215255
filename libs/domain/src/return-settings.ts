import { isIsoDate } from './calendar-days';
import type { ReturnSettings } from './statistics-return';

// The per-unit settings of statistics-return periods (docs/architecture.md#statistics-returns).

/** Limits of the day counts (as the table's CHECK constraint). */
export const RETURN_SETTING_LIMITS = { dueWorkingDays: { min: 1, max: 60 }, reminderWorkingDays: { min: 0, max: 30 } } as const;

/** Vietnamese names of the settings' fields, for messages and the dashboard. */
export const RETURN_SETTING_VI: Record<keyof ReturnSettings, string> = {
  halfYearDay: 'Ngày chốt số liệu 6 tháng',
  yearDay: 'Ngày chốt số liệu năm',
  dueWorkingDays: 'Số ngày làm việc đến hạn nộp',
  reminderWorkingDays: 'Số ngày làm việc nhắc trước hạn',
};

/** 'MM-DD' of a day every year has (29/02 is not: a period would move in common years). */
export function isMonthDay(v: unknown): v is string {
  return typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) && v !== '02-29' && isIsoDate(`2025-${v}`);
}

/** 'MM-DD' as Vietnamese documents write it: 31/05. */
export const monthDayVi = (md: string): string => `${md.slice(3, 5)}/${md.slice(0, 2)}`;

/**
 * The problems of settings a unit gives (field → Vietnamese message): real days of the year, the half-year's before
 * the year's (a period runs from the day after last year's year day), whole day counts in range, and the reminder
 * before the due day yet after the reference day (fewer working days than the due day's).
 */
export function returnSettingsProblems(s: ReturnSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['halfYearDay', 'yearDay'] as const) {
    if (!isMonthDay(s[k])) out[k] = `${RETURN_SETTING_VI[k]} phải là một ngày có trong mọi năm, dạng MM-DD (ví dụ 05-31), không phải “${String(s[k])}”`;
  }
  if (!out.halfYearDay && !out.yearDay && s.halfYearDay >= s.yearDay)
    out.halfYearDay = `${RETURN_SETTING_VI.halfYearDay} (${monthDayVi(s.halfYearDay)}) phải trước ${RETURN_SETTING_VI.yearDay.toLowerCase()} (${monthDayVi(s.yearDay)})`;
  for (const k of ['dueWorkingDays', 'reminderWorkingDays'] as const) {
    const { min, max } = RETURN_SETTING_LIMITS[k];
    if (!Number.isInteger(s[k]) || s[k] < min || s[k] > max) out[k] = `${RETURN_SETTING_VI[k]} phải là số nguyên từ ${min} đến ${max}`;
  }
  if (!out.dueWorkingDays && !out.reminderWorkingDays && s.reminderWorkingDays >= s.dueWorkingDays)
    out.reminderWorkingDays = `${RETURN_SETTING_VI.reminderWorkingDays} (${s.reminderWorkingDays}) phải ít hơn ${RETURN_SETTING_VI.dueWorkingDays.toLowerCase()} (${s.dueWorkingDays}), để lời nhắc đến sau ngày chốt số liệu`;
  return out;
}
