import type { CalendarDayKind } from '../../queries-calendar';

export const KIND_LABEL: Readonly<Record<CalendarDayKind, string>> = {
  DAY_OFF: 'Ngày nghỉ',
  MAKE_UP_WORKING_DAY: 'Ngày làm bù',
};

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" … "Chủ nhật" of a YYYY-MM-DD day. */
export const weekdayOf = (day: string): string => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
