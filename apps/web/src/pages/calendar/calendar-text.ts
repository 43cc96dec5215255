import type { CalendarDayKind } from '../../queries-calendar';
import { CALENDAR_DAY_KIND_LABEL_VI } from '@app/domain/code-labels';

export const KIND_LABEL: Readonly<Record<CalendarDayKind, string>> = CALENDAR_DAY_KIND_LABEL_VI;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" … "Chủ nhật" of a YYYY-MM-DD day. */
export const weekdayOf = (day: string): string => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
