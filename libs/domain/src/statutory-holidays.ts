import { IsoDate, addDays, daysBetween, isWeekend, isoDateOf, weekdayOf } from './calendar-days';
import { vnDayText, vnWeekdayName } from './calendar-day-rules';
import { fromLunarDate, lunarNewYear, lunarYearName } from './lunar-calendar';

/**
 * The public holidays of the Labour Code 2019 for any year, as the weekdays off of the working-day
 * calendar (docs/architecture.md#the-working-day-calendar-and-due-days). Article 112 clause 1: Tết
 * Dương lịch 1/1; Tết Âm lịch 5 days; 30/4; 1/5; Quốc khánh 2/9 and one adjacent day before or after;
 * Giỗ Tổ Hùng Vương 10/3 âm lịch. Clause 3: the Prime Minister sets the Tết days and the day next to
 * 2/9 each year, so those are proposals for an admin to confirm. Article 111 clause 3: a holiday that
 * falls on the weekly rest day (Saturday, Sunday for public-sector staff) is made up on the next
 * working day. Swaps (a bridging weekday off worked back on a Saturday) are the government's choice
 * each year and are never proposed.
 */

export const LABOUR_CODE_DOCUMENT = 'Bộ luật Lao động 2019, Điều 112';
export const LABOUR_CODE_COMPENSATION_DOCUMENT = 'Bộ luật Lao động 2019, Điều 111 khoản 3';

export type StatutoryHoliday = 'NEW_YEAR' | 'TET' | 'HUNG_KINGS' | 'REUNIFICATION' | 'LABOUR_DAY' | 'NATIONAL_DAY' | 'CULTURE_DAY';

/**
 * Ngày Văn hóa Việt Nam, 24/11, a paid day off from 2026 by Nghị quyết 28/2026/QH16 as the bundled
 * 2026 data lists it, not yet in the Labour Code's text and not checked against the resolution:
 * always a proposal, with that said in its document.
 */
export const CULTURE_DAY_FIRST_YEAR = 2026;
export const CULTURE_DAY_DOCUMENT = 'Nghị quyết 28/2026/QH16 (cần đối chiếu văn bản)';

/** Which day joins 2/9: the one before (1/9) or after (3/9). */
export type NationalDayExtra = 'BEFORE' | 'AFTER';

export interface HolidayOptions {
  /** Default: nationalDayExtraOf(year). */
  nationalDayExtra?: NationalDayExtra;
  /** Whether to propose 24/11 (default: from CULTURE_DAY_FIRST_YEAR on). */
  cultureDay?: boolean;
  /** The first day of the 5 Tết days (default: the last day of the lunar year, so mùng 1–4 follow). */
  tetStart?: IsoDate;
}

/** A day of a holiday by the statute, before the weekend rule (it may be a Saturday or Sunday). */
export interface HolidayDay {
  day: IsoDate;
  holiday: StatutoryHoliday;
  note: string;
  /** The government sets it each year: shown as a proposal (đề xuất) to confirm. */
  proposal: boolean;
}

/** A weekday off to write into the calendar: a holiday day, or the compensatory day of one on a weekend. */
export interface ProposedDayOff {
  day: IsoDate;
  holiday: StatutoryHoliday;
  note: string;
  document: string;
  proposal: boolean;
  /** The weekend holiday day it makes up for, when it is a compensatory day (nghỉ bù). */
  compensates: IsoDate | null;
}

const NAME: Readonly<Record<StatutoryHoliday, string>> = {
  NEW_YEAR: 'Tết Dương lịch',
  TET: 'Tết Nguyên đán',
  HUNG_KINGS: 'Giỗ Tổ Hùng Vương',
  REUNIFICATION: 'Ngày Chiến thắng 30/4',
  LABOUR_DAY: 'Ngày Quốc tế Lao động 1/5',
  NATIONAL_DAY: 'Quốc khánh',
  CULTURE_DAY: 'Ngày Văn hóa Việt Nam 24/11',
};

export const TET_DAYS = 5;

/**
 * The customary proposal for the day next to 2/9: the one that joins the holiday to a weekend — 3/9
 * when 2/9 is a Monday (Sat–Tue) or a Thursday (Thu–Sun), else 1/9 (2024: Mon → 3/9; 2025: Tue → 1/9;
 * 2026: Wed → 1/9, as the government chose).
 */
export function nationalDayExtraOf(year: number): NationalDayExtra {
  const w = weekdayOf(isoDateOf(year, 9, 2));
  return w === 1 || w === 4 ? 'AFTER' : 'BEFORE';
}

/** The proposed first of the 5 Tết days: the last day of the lunar year before mùng 1. */
export function tetStartOf(year: number): IsoDate {
  return addDays(lunarNewYear(year), -1);
}

/** The holiday days of a year by the statute (weekends included), in order. */
export function statutoryHolidayDays(year: number, options: HolidayOptions = {}): HolidayDay[] {
  const tet = lunarNewYear(year);
  const tetStart = options.tetStart ?? tetStartOf(year);
  const extra = options.nationalDayExtra ?? nationalDayExtraOf(year);
  const hungKings = fromLunarDate({ year, month: 3, day: 10, leap: false })!;
  const tetName = `${NAME.TET} ${lunarYearName(year)}`;
  const days: HolidayDay[] = [
    { day: isoDateOf(year, 1, 1), holiday: 'NEW_YEAR', note: NAME.NEW_YEAR, proposal: false },
    ...Array.from({ length: TET_DAYS }, (_, i): HolidayDay => {
      const day = addDays(tetStart, i);
      const offset = daysBetween(tet, day);
      const which = offset < 0 ? `${-offset === 1 ? 'ngày cuối' : `${-offset} ngày trước cuối`} năm âm lịch` : `mùng ${offset + 1}`;
      return { day, holiday: 'TET', note: `${tetName} (${which})`, proposal: true };
    }),
    { day: hungKings, holiday: 'HUNG_KINGS', note: `${NAME.HUNG_KINGS} (10/3 âm lịch)`, proposal: false },
    { day: isoDateOf(year, 4, 30), holiday: 'REUNIFICATION', note: NAME.REUNIFICATION, proposal: false },
    { day: isoDateOf(year, 5, 1), holiday: 'LABOUR_DAY', note: NAME.LABOUR_DAY, proposal: false },
    extra === 'BEFORE'
      ? { day: isoDateOf(year, 9, 1), holiday: 'NATIONAL_DAY', note: `${NAME.NATIONAL_DAY} (ngày liền trước 2/9)`, proposal: true }
      : { day: isoDateOf(year, 9, 3), holiday: 'NATIONAL_DAY', note: `${NAME.NATIONAL_DAY} (ngày liền sau 2/9)`, proposal: true },
    { day: isoDateOf(year, 9, 2), holiday: 'NATIONAL_DAY', note: `${NAME.NATIONAL_DAY} 2/9`, proposal: false },
  ];
  if (options.cultureDay ?? year >= CULTURE_DAY_FIRST_YEAR) {
    days.push({ day: isoDateOf(year, 11, 24), holiday: 'CULTURE_DAY', note: NAME.CULTURE_DAY, proposal: true });
  }
  return days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function documentOf(holiday: StatutoryHoliday, compensatory: boolean): string {
  if (holiday === 'CULTURE_DAY') return CULTURE_DAY_DOCUMENT;
  return compensatory ? LABOUR_CODE_COMPENSATION_DOCUMENT : LABOUR_CODE_DOCUMENT;
}

/**
 * The weekdays off of a year by the statute: each holiday day on a weekday, and for each on a
 * Saturday or Sunday the next weekday that is neither a holiday nor already a compensatory day
 * (Article 111 clause 3), in order. A compensatory day inherits whether its holiday is a proposal.
 */
export function statutoryDaysOff(year: number, options: HolidayOptions = {}): ProposedDayOff[] {
  const holidays = statutoryHolidayDays(year, options);
  const taken = new Set(holidays.map((h) => h.day));
  const out: ProposedDayOff[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.day)) {
      out.push({ day: h.day, holiday: h.holiday, note: h.note, document: documentOf(h.holiday, false), proposal: h.proposal, compensates: null });
      continue;
    }
    let day = addDays(h.day, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push({
      day,
      holiday: h.holiday,
      note: `Nghỉ bù ${h.note}, rơi vào ${vnWeekdayName(h.day)} ${vnDayText(h.day)}`,
      document: documentOf(h.holiday, true),
      proposal: h.proposal,
      compensates: h.day,
    });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
