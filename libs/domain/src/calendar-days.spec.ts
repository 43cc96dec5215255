import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  isoDateOf,
  isoDateParts,
  toDayNumber,
  vnDateOf,
  vnStartOfDay,
  weekdayOf,
} from './calendar-days';

function utcIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('isIsoDate', () => {
  it.each(['2024-01-01', '2024-02-29', '2000-02-29', '2023-12-31', '1975-04-30', '0001-01-01', '9999-12-31'])('accepts %s', (s) =>
    expect(isIsoDate(s)).toBe(true),
  );
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '2024-01-1',
    '24-01-01',
    '+02024-01-01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024/01/01',
    '01/01/2024',
    '２０２４-01-01',
    '',
    'abcd-ef-gh',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));
  it('rejects non-strings coming from untyped input', () => {
    expect(isIsoDate(20240101 as unknown as string)).toBe(false);
    expect(isIsoDate(null as unknown as string)).toBe(false);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('agrees with Date.UTC and round-trips over four centuries', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1800, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 13 * 86_400_000) {
      const iso = utcIso(ms);
      const n = Math.round(ms / 86_400_000);
      if (toDayNumber(iso) !== n || fromDayNumber(n) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with Date on every day of a leap-year span', () => {
    for (let ms = Date.UTC(2023, 11, 1); ms <= Date.UTC(2025, 2, 31); ms += 86_400_000) {
      const iso = utcIso(ms);
      expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
      expect(weekdayOf(iso)).toBe(new Date(ms).getUTCDay());
    }
  });

  it('rejects malformed dates and fractional day numbers', () => {
    expect(() => toDayNumber('2024-02-30')).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => isoDateParts('nope')).toThrow(RangeError);
  });

  it('builds and splits dates', () => {
    expect(isoDateOf(2024, 2, 9)).toBe('2024-02-09');
    expect(isoDateParts('2024-02-09')).toEqual([2024, 2, 9]);
    expect(() => isoDateOf(2024, 2, 30)).toThrow(RangeError);
    expect(() => isoDateOf(10000, 1, 1)).toThrow(RangeError);
    expect(() => isoDateOf(-1, 1, 1)).toThrow(RangeError);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('calendar-day arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-05-05', 0, '2024-05-05'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('rejects fractional days', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-15', 2, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-05-31', 0, '2024-05-31'],
  ])('addMonths(%s, %i) = %s (clamped to month end)', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it('measures and compares', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(compareIsoDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareIsoDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(() => compareIsoDates('2024-01-01', 'garbage')).toThrow(RangeError);
  });

  it('knows weekends', () => {
    expect(weekdayOf('2024-02-10')).toBe(6); // mùng 1 Tết Giáp Thìn was a Saturday
    expect(isWeekend('2024-02-10')).toBe(true);
    expect(isWeekend('2024-02-11')).toBe(true);
    expect(isWeekend('2024-02-12')).toBe(false);
  });
});

describe('Vietnam time', () => {
  it.each([
    ['2024-01-01T16:59:59.999Z', '2024-01-01'],
    ['2024-01-01T17:00:00.000Z', '2024-01-02'],
    ['2023-12-31T17:00:00.000Z', '2024-01-01'],
    ['2024-02-28T23:30:00.000Z', '2024-02-29'],
    ['2024-02-29T17:00:00.000Z', '2024-03-01'],
    ['2024-06-15T00:00:00+07:00', '2024-06-15'],
    ['2024-06-14T23:59:59-05:00', '2024-06-15'],
    ['1969-12-31T17:00:00.000Z', '1970-01-01'],
    ['1969-12-31T16:59:59.999Z', '1969-12-31'],
  ])('vnDateOf(%s) = %s', (instant, day) => {
    expect(vnDateOf(new Date(instant))).toBe(day);
  });

  it('rejects an invalid Date', () => {
    expect(() => vnDateOf(new Date('nope'))).toThrow(RangeError);
  });

  it('starts a Vietnamese day at 17:00 UTC of the day before', () => {
    expect(vnStartOfDay('2024-02-10').toISOString()).toBe('2024-02-09T17:00:00.000Z');
    expect(vnStartOfDay('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(vnStartOfDay('1970-01-01').getTime()).toBe(-7 * 3_600_000);
  });

  it('vnStartOfDay and vnDateOf are inverse at both edges of each day', () => {
    for (let d = '2024-12-25'; d <= '2025-01-05'; d = addDays(d, 1)) {
      const start = vnStartOfDay(d);
      expect(vnDateOf(start)).toBe(d);
      expect(vnDateOf(new Date(start.getTime() - 1))).toBe(addDays(d, -1));
      expect(vnDateOf(new Date(start.getTime() + 86_400_000 - 1))).toBe(d);
    }
  });
});
