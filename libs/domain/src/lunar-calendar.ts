import { IsoDate, fromDayNumber, isoDateParts, toDayNumber } from './calendar-days';

/**
 * The Vietnamese lunar calendar (âm lịch) for the holidays counted by lunar date: Tết Nguyên đán and
 * Giỗ Tổ Hùng Vương (docs/architecture.md#the-working-day-calendar-and-due-days).
 *
 * The rules of the calendar: a lunar month starts on the day (in UTC+7) of a new moon; the eleventh
 * month is the one holding the winter solstice; a year with 13 new moons between two eleventh months
 * has a leap month, the first month after the eleventh holding no major solar term (the sun crossing
 * a multiple of 30° of longitude). The astronomy is the published low-precision one: the mean lunation
 * with the main periodic terms for the instant of a new moon, and the sun's geometric longitude with
 * the equation of the centre (J. Meeus, Astronomical Algorithms, chapters on the new moon and the
 * solar coordinates). Accurate to minutes, which matters only when a new moon falls within minutes
 * of midnight in Vietnam; the spec checks the years the calendar is used for against published dates.
 */

/** Vietnam's offset from UTC, in days: the lunar calendar of Vietnam is reckoned at UTC+7. */
const VN_OFFSET_DAYS = 7 / 24;
/** Julian day number of the day whose day number (days since 1970-01-01, calendar-days.ts) is 0. */
const JDN_OF_DAY_ZERO = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the mean new moon numbered 0 (6 January 1900, about 06:14 UT). */
const NEW_MOON_ZERO = 2_415_021.076998695;
const RAD = Math.PI / 180;

const sin = (degrees: number): number => Math.sin(degrees * RAD);

/** Julian date (UT) of the new moon numbered k, counted from the one of 6 January 1900. */
function newMoonInstant(k: number): number {
  const t = k / 1236.85; // Julian centuries from 1900
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction =
    (0.1734 - 0.000393 * t) * sin(sunAnomaly) +
    0.0021 * sin(2 * sunAnomaly) -
    0.4068 * sin(moonAnomaly) +
    0.0161 * sin(2 * moonAnomaly) -
    0.0004 * sin(3 * moonAnomaly) +
    0.0104 * sin(2 * latitude) -
    0.0051 * sin(sunAnomaly + moonAnomaly) -
    0.0074 * sin(sunAnomaly - moonAnomaly) +
    0.0004 * sin(2 * latitude + sunAnomaly) -
    0.0004 * sin(2 * latitude - sunAnomaly) -
    0.0006 * sin(2 * latitude + moonAnomaly) +
    0.001 * sin(2 * latitude - moonAnomaly) +
    0.0005 * sin(sunAnomaly + 2 * moonAnomaly);
  // ΔT (terrestrial minus universal time), in days, by the polynomial fitted for these centuries.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The Julian day number of the day (in Vietnam) of new moon k. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonInstant(k) + 0.5 + VN_OFFSET_DAYS);
}

/** Which 30° sector (0 = from the vernal equinox … 11) the sun's longitude is in at the start of a day in Vietnam. */
function sunSector(jdn: number): number {
  const t = (jdn - 0.5 - VN_OFFSET_DAYS - 2_451_545) / 36_525; // Julian centuries from J2000
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * sin(meanAnomaly) + (0.019993 - 0.000101 * t) * sin(2 * meanAnomaly) + 0.00029 * sin(3 * meanAnomaly);
  const longitude = (((meanLongitude + centre) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

/** The number of the lunation whose mean new moon is nearest (round) or last before (floor) a day. */
function lunationNear(jdn: number, round: boolean): number {
  const x = (jdn - NEW_MOON_ZERO) / SYNODIC_MONTH;
  return Math.floor(round ? x + 0.5 : x);
}

/** The first day (JDN) of the eleventh lunar month of a Gregorian year: the month holding the December solstice. */
function eleventhMonthStart(year: number): number {
  const lastDay = toDayNumber(`${String(year).padStart(4, '0')}-12-31`) + JDN_OF_DAY_ZERO;
  const k = lunationNear(lastDay, false);
  const start = newMoonDay(k);
  // Sector 9 begins at 270°, the solstice: a month starting past it is the twelfth.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a leap year starting at the eleventh month `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number): number {
  const k = lunationNear(a11, true);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
}

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which it mostly falls (its first month). */
  year: number;
  month: number;
  day: number;
  /** Whether the month is the leap (nhuận) month repeating `month`. */
  leap: boolean;
}

/** The lunar date in Vietnam of a Gregorian day. */
export function toLunarDate(d: IsoDate): LunarDate {
  const jdn = toDayNumber(d) + JDN_OF_DAY_ZERO;
  const [gYear] = isoDateParts(d);
  const k = lunationNear(jdn, false);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > jdn) monthStart = newMoonDay(k);
  let a11 = eleventhMonthStart(gYear);
  let b11: number;
  let year: number;
  if (a11 >= monthStart) {
    year = gYear;
    b11 = a11;
    a11 = eleventhMonthStart(gYear - 1);
  } else {
    year = gYear + 1;
    b11 = eleventhMonthStart(gYear + 1);
  }
  const monthsAfter11 = Math.floor((monthStart - a11) / 29);
  let month = monthsAfter11 + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { year, month, day: jdn - monthStart + 1, leap };
}

/**
 * The Gregorian day of a lunar date (month 1–12, day 1–30); null when there is no such day (a leap
 * month the year does not have, or a 30th in a month of 29 days).
 */
export function fromLunarDate(l: LunarDate): IsoDate | null {
  if (!Number.isInteger(l.month) || l.month < 1 || l.month > 12 || !Number.isInteger(l.day) || l.day < 1 || l.day > 30) return null;
  let a11: number;
  let b11: number;
  if (l.month < 11) {
    a11 = eleventhMonthStart(l.year - 1);
    b11 = eleventhMonthStart(l.year);
  } else {
    a11 = eleventhMonthStart(l.year);
    b11 = eleventhMonthStart(l.year + 1);
  }
  let offset = (l.month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (l.leap && l.month !== leapMonth) return null;
    if (l.leap || offset >= leapOffset) offset += 1;
  } else if (l.leap) return null;
  const k = lunationNear(a11, true);
  const monthStart = newMoonDay(k + offset);
  const jdn = monthStart + l.day - 1;
  // The 30th of a 29-day month is the next month's first.
  if (l.day === 30 && newMoonDay(k + offset + 1) <= jdn) return null;
  return fromDayNumber(jdn - JDN_OF_DAY_ZERO);
}

/** The first day of the lunar year (mùng 1 Tết) whose first month falls in a Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return fromLunarDate({ year, month: 1, day: 1, leap: false })!;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary name of a lunar year: 2026 → "Bính Ngọ", 2027 → "Đinh Mùi". */
export function lunarYearName(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}
