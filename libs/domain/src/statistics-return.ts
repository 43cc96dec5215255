import { IsoDate, addDays } from './calendar-days';
import { vnDayText } from './calendar-day-rules';

// Statistics returns of a CĐCS (docs/architecture.md#statistics-returns): periods, indicators, the figures' rules.

/** HALF_YEAR: figures as at the half-year reference day (31/5); YEAR: as at the year's (30/11). QĐ 1454/QĐ-TLĐ. */
export type ReturnPeriodKind = 'HALF_YEAR' | 'YEAR';
export const RETURN_PERIOD_KINDS: readonly ReturnPeriodKind[] = ['HALF_YEAR', 'YEAR'];

export interface ReturnSettings {
  /** 'MM-DD' of the half-year reference day. */
  halfYearDay: string;
  /** 'MM-DD' of the year's reference day; a period starts the day after the previous year's. */
  yearDay: string;
  /** The due day: this many working days after the reference day. */
  dueWorkingDays: number;
  /** The reminder goes this many working days before the due day. */
  reminderWorkingDays: number;
}

/** Form 1-HĐCĐ's days (QĐ 1454/QĐ-TLĐ, 2014): figures as at 31/5 and 30/11. */
export const DEFAULT_RETURN_SETTINGS: ReturnSettings = { halfYearDay: '05-31', yearDay: '11-30', dueWorkingDays: 10, reminderWorkingDays: 3 };

export interface ReturnPeriod {
  kind: ReturnPeriodKind;
  year: number;
  /** First day counted: the day after the previous year's reference day. */
  start: IsoDate;
  /** The reference day: figures as at this day. */
  end: IsoDate;
}

/** The period of `kind` in `year`: from the day after last year's year reference day to this year's reference day of `kind`. */
export function returnPeriod(kind: ReturnPeriodKind, year: number, s: ReturnSettings = DEFAULT_RETURN_SETTINGS): ReturnPeriod {
  const start = addDays(`${year - 1}-${s.yearDay}`, 1);
  return { kind, year, start, end: `${year}-${kind === 'HALF_YEAR' ? s.halfYearDay : s.yearDay}` };
}

/** The figures of form 1-HĐCĐ a return carries, in the order of the form. */
export const RETURN_INDICATORS = [
  'membersAtStart',
  'admitted',
  'transferredIn',
  'leftTransferred',
  'leftJob',
  'leftWithdrew',
  'leftExpelled',
  'leftDied',
  'leftPaused',
  'leftDissolved',
  'membersAtEnd',
  'womenMembers',
  'staffNotMembers',
  'partyRecommended',
  'partyAdmitted',
  'unionGroups',
] as const;
export type ReturnIndicator = (typeof RETURN_INDICATORS)[number];
/** Indicators that may be blank (null): union groups when the CĐCS keeps none ("if kept"). */
export const NULLABLE_INDICATORS: readonly ReturnIndicator[] = ['unionGroups'];
export type ReturnFigures = Record<Exclude<ReturnIndicator, 'unionGroups'>, number> & { unionGroups: number | null };

/** Vietnamese headings of the indicators (form columns). */
export const RETURN_INDICATOR_VI: Record<ReturnIndicator, string> = {
  membersAtStart: 'Đoàn viên đầu kỳ',
  admitted: 'Kết nạp mới',
  transferredIn: 'Chuyển đến',
  leftTransferred: 'Giảm: chuyển đi',
  leftJob: 'Giảm: nghỉ việc',
  leftWithdrew: 'Giảm: xin ra',
  leftExpelled: 'Giảm: khai trừ',
  leftDied: 'Giảm: từ trần',
  leftPaused: 'Giảm: tạm dừng sinh hoạt',
  leftDissolved: 'Giảm: CĐCS giải thể theo chủ trương',
  membersAtEnd: 'Đoàn viên cuối kỳ',
  womenMembers: 'Đoàn viên nữ',
  staffNotMembers: 'Lao động chưa là đoàn viên',
  partyRecommended: 'Đoàn viên ưu tú giới thiệu cho Đảng',
  partyAdmitted: 'Đoàn viên được kết nạp Đảng',
  unionGroups: 'Tổ công đoàn',
};

/** The decreases; `leftDissolved` (memberships ended by a CĐCS dissolved by policy) is counted apart from ordinary leaving. */
export const LEFT_INDICATORS = ['leftTransferred', 'leftJob', 'leftWithdrew', 'leftExpelled', 'leftDied', 'leftPaused', 'leftDissolved'] as const;

/**
 * The problems of figures a CĐCS gives (field → Vietnamese message): whole numbers ≥ 0, the end equals the start plus
 * the increases minus the decreases, women at most the members, and a note when they differ from the register's prefill.
 */
export function returnFigureProblems(f: ReturnFigures, prefill: ReturnFigures, note: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of RETURN_INDICATORS) {
    const v = f[k];
    if (v === null && NULLABLE_INDICATORS.includes(k)) continue;
    if (v === null || !Number.isInteger(v) || v < 0 || v > 10_000_000) out[k] = `${RETURN_INDICATOR_VI[k]} phải là số nguyên không âm`;
  }
  if (Object.keys(out).length) return out;
  const left = LEFT_INDICATORS.reduce((s, k) => s + f[k], 0);
  const expected = f.membersAtStart + f.admitted + f.transferredIn - left;
  if (f.membersAtEnd !== expected)
    out.membersAtEnd = `Đoàn viên cuối kỳ phải bằng đầu kỳ cộng kết nạp mới và chuyển đến, trừ các khoản giảm (${expected}), không phải ${f.membersAtEnd}`;
  if (f.womenMembers > f.membersAtEnd) out.womenMembers = `Đoàn viên nữ (${f.womenMembers}) không được nhiều hơn đoàn viên cuối kỳ (${f.membersAtEnd})`;
  const changed = RETURN_INDICATORS.filter((k) => f[k] !== prefill[k]);
  if (changed.length && !(note ?? '').trim())
    out.note = `Cần ghi chú lý do điều chỉnh khi số liệu khác sổ đoàn viên (${changed.map((k) => RETURN_INDICATOR_VI[k]).join(', ')})`;
  if ((note ?? '').length > 2000) out.note = 'Ghi chú tối đa 2000 ký tự';
  return out;
}

export type ReturnStatus = 'DRAFT' | 'SUBMITTED' | 'SENT_BACK' | 'ACCEPTED';

/** A return may be changed (saved, submitted) by its CĐCS only as a draft or when sent back. */
export const returnEditable = (s: ReturnStatus): boolean => s === 'DRAFT' || s === 'SENT_BACK';

/**
 * Why a return whose reference day is `referenceDay` cannot be submitted on `today` (Vietnam dates), or null: its figures
 * are as at that day, so it goes to the upper level from that day on. A draft may be saved earlier.
 */
export function returnSubmitTooEarly(referenceDay: IsoDate, today: IsoDate): string | null {
  return today < referenceDay ? `Chưa đến ngày chốt số liệu của kỳ báo cáo (${vnDayText(referenceDay)}): chưa gửi được` : null;
}

/** The latest return period (default reference days) whose reference day is on or before `end`. */
export function latestReturnPeriodBy(end: IsoDate): ReturnPeriod {
  const y = Number(end.slice(0, 4));
  return [returnPeriod('YEAR', y), returnPeriod('HALF_YEAR', y), returnPeriod('YEAR', y - 1)].find((c) => c.end <= end)!;
}
