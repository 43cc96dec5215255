import { IsoDate, isIsoDate, isoDateParts, weekdayOf } from './calendar-days';
import { HolidayKind } from './holiday-data';

/**
 * What an ADMIN may write into the working-day calendar (docs/architecture.md#the-working-day-calendar-and-due-days):
 * a day of a supported year; a day off only on a weekday (Saturdays and Sundays are off anyway); a
 * make-up working day only on a Saturday or Sunday (a weekday is worked anyway); a note, and the
 * announcing document, of bounded length. Every broken rule is reported at once, in Vietnamese.
 */

/** The first year of the bundled holiday data: earlier years have no days off to keep. */
export const FIRST_CALENDAR_YEAR = 2024;
/** Days off are announced about a year ahead: this year and the next two may be kept. */
export const CALENDAR_YEARS_AHEAD = 2;
export const CALENDAR_NOTE_MAX = 200;
export const CALENDAR_DOCUMENT_MAX = 120;

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" … "Chủ nhật" of a day. */
export function vnWeekdayName(day: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(day)];
}

/** dd/mm/yyyy, as messages write a day. */
export function vnDayText(day: IsoDate): string {
  const [y, m, d] = isoDateParts(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** The years whose days may be set, given this year. */
export function calendarYears(thisYear: number): number[] {
  const last = Math.max(thisYear, FIRST_CALENDAR_YEAR) + CALENDAR_YEARS_AHEAD;
  return Array.from({ length: last - FIRST_CALENDAR_YEAR + 1 }, (_, i) => FIRST_CALENDAR_YEAR + i);
}

export interface CalendarDayEdit {
  day: IsoDate;
  /** null: the day is taken out of the calendar. */
  kind: HolidayKind | null;
  note?: string | null;
  document?: string | null;
  /** Whether a note must be given (the calendar page always gives one). */
  noteRequired?: boolean;
}

export interface CalendarDayProblem {
  field: 'day' | 'kind' | 'note' | 'document';
  message: string;
}

/** Every rule the edit breaks (none: it may be written). `existing` says whether the day is in the calendar now. */
export function calendarDayProblems(edit: CalendarDayEdit, thisYear: number, existing: boolean): CalendarDayProblem[] {
  const out: CalendarDayProblem[] = [];
  if (!isIsoDate(edit.day)) return [{ field: 'day', message: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)' }];
  const years = calendarYears(thisYear);
  const year = isoDateParts(edit.day)[0];
  const first = years[0];
  const last = years[years.length - 1];
  if (year < first || year > last) out.push({ field: 'day', message: `Chỉ nhập được ngày của các năm từ ${first} đến ${last}` });
  const weekday = weekdayOf(edit.day);
  const weekend = weekday === 0 || weekday === 6;
  const text = `${vnDayText(edit.day)} là ${vnWeekdayName(edit.day)}`;
  if (edit.kind === 'DAY_OFF' && weekend) {
    out.push({ field: 'kind', message: `${text}, vốn đã là ngày nghỉ: ngày nghỉ lễ, Tết phải là ngày từ thứ Hai đến thứ Sáu` });
  }
  if (edit.kind === 'MAKE_UP_WORKING_DAY' && !weekend) {
    out.push({ field: 'kind', message: `${text}, vốn đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật` });
  }
  if (edit.kind === null && !existing && !out.some((p) => p.field === 'day')) {
    out.push({ field: 'day', message: `Ngày ${vnDayText(edit.day)} không có trong lịch nghỉ, làm bù nên không có gì để xoá` });
  }
  if (edit.kind !== null) {
    const note = edit.note?.trim() ?? '';
    if (edit.noteRequired && !note) out.push({ field: 'note', message: 'Ghi chú không được để trống (ví dụ: Tết Nguyên đán, nghỉ bù Quốc khánh)' });
    if (note.length > CALENDAR_NOTE_MAX) out.push({ field: 'note', message: `Ghi chú không được dài quá ${CALENDAR_NOTE_MAX} ký tự` });
    if ((edit.document?.trim().length ?? 0) > CALENDAR_DOCUMENT_MAX) {
      out.push({ field: 'document', message: `Số hiệu văn bản không được dài quá ${CALENDAR_DOCUMENT_MAX} ký tự` });
    }
  }
  return out;
}
