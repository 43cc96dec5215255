import {
  PERIOD_MONTHS,
  Period,
  PeriodKind,
  isPeriodStart,
  lastEndedPeriod,
  nextPeriod,
  periodContaining,
  periodContains,
  periodFrom,
  periodLabelVi,
  previousPeriod,
  nextMonthStart,
  splitIntoMonths,
  splitIntoYears,
} from './periods';
import { addDays, daysBetween } from './calendar-days';

const { MONTH, QUARTER, HALF_YEAR, YEAR } = PeriodKind;

describe('isPeriodStart', () => {
  it.each([
    [MONTH, '2024-01-01', true],
    [MONTH, '2024-02-01', true],
    [MONTH, '2024-12-01', true],
    [MONTH, '2024-02-02', false],
    [MONTH, '2024-01-31', false],
    [QUARTER, '2024-01-01', true],
    [QUARTER, '2024-04-01', true],
    [QUARTER, '2024-07-01', true],
    [QUARTER, '2024-10-01', true],
    [QUARTER, '2024-02-01', false],
    [QUARTER, '2024-03-01', false],
    [QUARTER, '2024-12-01', false],
    [QUARTER, '2024-04-02', false],
    [HALF_YEAR, '2024-01-01', true],
    [HALF_YEAR, '2024-07-01', true],
    [HALF_YEAR, '2024-04-01', false],
    [HALF_YEAR, '2024-10-01', false],
    [YEAR, '2024-01-01', true],
    [YEAR, '2024-07-01', false],
    [YEAR, '2024-01-02', false],
  ])('%s starting %s: %s', (kind, d, expected) => {
    expect(isPeriodStart(kind, d)).toBe(expected);
  });

  it('a malformed date is not a start', () => {
    expect(isPeriodStart(MONTH, '2024-1-01')).toBe(false);
    expect(isPeriodStart(YEAR, '2024-01-01T00:00')).toBe(false);
    expect(isPeriodStart(MONTH, '2024-02-30')).toBe(false);
  });

  it('an unknown kind is an error, not a silent false', () => {
    expect(() => isPeriodStart('WEEK' as PeriodKind, '2024-01-01')).toThrow(RangeError);
  });

  it('counts 12, 4, 2 and 1 starts per year', () => {
    const counts = Object.values(PeriodKind).map((kind) => {
      let n = 0;
      for (let d = '2024-01-01'; d <= '2024-12-31'; d = addDays(d, 1)) if (isPeriodStart(kind, d)) n += 1;
      return [kind, n];
    });
    expect(counts).toEqual([
      [MONTH, 12],
      [QUARTER, 4],
      [HALF_YEAR, 2],
      [YEAR, 1],
    ]);
    expect(PERIOD_MONTHS).toEqual({ MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 });
  });
});

describe('periodFrom', () => {
  it.each([
    [MONTH, '2024-01-01', '2024-01-31'],
    [MONTH, '2024-02-01', '2024-02-29'],
    [MONTH, '2023-02-01', '2023-02-28'],
    [MONTH, '2024-04-01', '2024-04-30'],
    [MONTH, '2024-12-01', '2024-12-31'],
    [QUARTER, '2024-01-01', '2024-03-31'],
    [QUARTER, '2024-04-01', '2024-06-30'],
    [QUARTER, '2024-07-01', '2024-09-30'],
    [QUARTER, '2024-10-01', '2024-12-31'],
    [HALF_YEAR, '2024-01-01', '2024-06-30'],
    [HALF_YEAR, '2024-07-01', '2024-12-31'],
    [YEAR, '2024-01-01', '2024-12-31'],
  ])('%s from %s ends %s', (kind, start, end) => {
    expect(periodFrom(kind, start)).toEqual({ kind, start, end });
  });

  it.each([
    [MONTH, '2024-01-15'],
    [QUARTER, '2024-02-01'],
    [HALF_YEAR, '2024-04-01'],
    [YEAR, '2024-07-01'],
    [MONTH, 'not-a-date'],
  ])('%s cannot start on %s', (kind, start) => {
    expect(() => periodFrom(kind, start)).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    [MONTH, '2024-02-29', '2024-02-01', '2024-02-29'],
    [MONTH, '2024-03-01', '2024-03-01', '2024-03-31'],
    [QUARTER, '2024-03-31', '2024-01-01', '2024-03-31'],
    [QUARTER, '2024-04-01', '2024-04-01', '2024-06-30'],
    [QUARTER, '2024-08-15', '2024-07-01', '2024-09-30'],
    [QUARTER, '2024-12-31', '2024-10-01', '2024-12-31'],
    [HALF_YEAR, '2024-06-30', '2024-01-01', '2024-06-30'],
    [HALF_YEAR, '2024-07-01', '2024-07-01', '2024-12-31'],
    [YEAR, '2024-07-28', '2024-01-01', '2024-12-31'],
  ])('%s containing %s is %s..%s', (kind, d, start, end) => {
    expect(periodContaining(kind, d)).toEqual({ kind, start, end });
  });

  it('every day of two years lies in exactly its period, for every kind', () => {
    for (const kind of Object.values(PeriodKind)) {
      for (let d = '2024-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
        const p = periodContaining(kind, d);
        if (!(p.start <= d && d <= p.end && isPeriodStart(kind, p.start))) throw new Error(`${kind} ${d}`);
        expect(periodContains(p, d)).toBe(true);
      }
    }
  });

  it('rejects a malformed date', () => {
    expect(() => periodContaining(MONTH, '2024-02-30')).toThrow(RangeError);
  });
});

describe('previousPeriod / nextPeriod', () => {
  it.each([
    [periodFrom(MONTH, '2024-01-01'), { kind: MONTH, start: '2023-12-01', end: '2023-12-31' }],
    [periodFrom(MONTH, '2024-03-01'), { kind: MONTH, start: '2024-02-01', end: '2024-02-29' }],
    [periodFrom(QUARTER, '2024-01-01'), { kind: QUARTER, start: '2023-10-01', end: '2023-12-31' }],
    [periodFrom(QUARTER, '2024-07-01'), { kind: QUARTER, start: '2024-04-01', end: '2024-06-30' }],
    [periodFrom(HALF_YEAR, '2024-01-01'), { kind: HALF_YEAR, start: '2023-07-01', end: '2023-12-31' }],
    [periodFrom(HALF_YEAR, '2024-07-01'), { kind: HALF_YEAR, start: '2024-01-01', end: '2024-06-30' }],
    [periodFrom(YEAR, '2024-01-01'), { kind: YEAR, start: '2023-01-01', end: '2023-12-31' }],
  ])('before %j comes %j', (p, prev) => {
    expect(previousPeriod(p)).toEqual(prev);
    expect(nextPeriod(prev as Period)).toEqual(p);
  });

  it('consecutive periods tile the calendar without gaps', () => {
    for (const kind of Object.values(PeriodKind)) {
      let p = periodFrom(kind, '2023-01-01');
      let days = 0;
      while (p.start < '2026-01-01') {
        const n = nextPeriod(p);
        expect(n.start).toBe(addDays(p.end, 1));
        days += daysBetween(p.start, p.end) + 1;
        p = n;
      }
      expect(days).toBe(365 + 366 + 365);
    }
  });
});

describe('lastEndedPeriod', () => {
  it.each([
    ['2024-04-01', MONTH, '2024-03-01', '2024-03-31'],
    ['2024-04-01', QUARTER, '2024-01-01', '2024-03-31'],
    ['2024-04-01', HALF_YEAR, '2023-07-01', '2023-12-31'],
    ['2024-04-01', YEAR, '2023-01-01', '2023-12-31'],
    // the last day of a period: that period has not ended yet
    ['2024-03-31', MONTH, '2024-02-01', '2024-02-29'],
    ['2024-03-31', QUARTER, '2023-10-01', '2023-12-31'],
    ['2024-01-01', MONTH, '2023-12-01', '2023-12-31'],
    ['2024-01-01', QUARTER, '2023-10-01', '2023-12-31'],
    ['2024-01-01', HALF_YEAR, '2023-07-01', '2023-12-31'],
    ['2024-01-01', YEAR, '2023-01-01', '2023-12-31'],
    ['2024-07-01', HALF_YEAR, '2024-01-01', '2024-06-30'],
    ['2024-12-31', YEAR, '2023-01-01', '2023-12-31'],
  ])('on %s the last ended %s is %s..%s', (today, kind, start, end) => {
    expect(lastEndedPeriod(kind, today)).toEqual({ kind, start, end });
  });

  it('always ends before today and is the latest such period', () => {
    for (const kind of Object.values(PeriodKind)) {
      for (let today = '2024-01-01'; today <= '2024-12-31'; today = addDays(today, 3)) {
        const p = lastEndedPeriod(kind, today);
        expect(p.end < today).toBe(true);
        expect(nextPeriod(p).end >= today).toBe(true);
      }
    }
  });
});

describe('periodLabelVi', () => {
  it.each([
    [periodFrom(MONTH, '2024-03-01'), 'Tháng 3/2024'],
    [periodFrom(MONTH, '2024-12-01'), 'Tháng 12/2024'],
    [periodFrom(QUARTER, '2024-01-01'), 'Quý I/2024'],
    [periodFrom(QUARTER, '2024-04-01'), 'Quý II/2024'],
    [periodFrom(QUARTER, '2024-07-01'), 'Quý III/2024'],
    [periodFrom(QUARTER, '2024-10-01'), 'Quý IV/2024'],
    [periodFrom(HALF_YEAR, '2024-01-01'), '6 tháng đầu năm 2024'],
    [periodFrom(HALF_YEAR, '2024-07-01'), '6 tháng cuối năm 2024'],
    [periodFrom(YEAR, '2025-01-01'), 'Năm 2025'],
  ])('%j is labelled %s', (p, label) => {
    expect(periodLabelVi(p)).toBe(label);
  });

  it('uses precomposed (NFC) Vietnamese', () => {
    const label = periodLabelVi(periodFrom(HALF_YEAR, '2024-07-01'));
    expect(label).toBe(label.normalize('NFC'));
  });

  it('refuses an unknown kind', () => {
    expect(() => periodLabelVi({ kind: 'WEEK' as PeriodKind, start: '2024-01-01', end: '2024-01-07' })).toThrow(RangeError);
  });
});

describe('splitIntoMonths', () => {
  it.each([
    // whole periods of every kind: months only
    ['2025-01-01', '2025-12-31', { from: '2025-01-01', to: '2025-12-31' }, []],
    ['2025-04-01', '2025-06-30', { from: '2025-04-01', to: '2025-06-30' }, []],
    ['2024-02-01', '2024-02-29', { from: '2024-02-01', to: '2024-02-29' }, []],
    ['2025-05-01', '2025-05-31', { from: '2025-05-01', to: '2025-05-31' }, []],
    // the anniversary season: whole months and the days of July up to the 19th
    ['2024-08-01', '2025-07-19', { from: '2024-08-01', to: '2025-06-30' }, [{ from: '2025-07-01', to: '2025-07-19' }]],
    // both edges partial, across a year end
    [
      '2024-12-28',
      '2025-03-02',
      { from: '2025-01-01', to: '2025-02-28' },
      [
        { from: '2024-12-28', to: '2024-12-31' },
        { from: '2025-03-01', to: '2025-03-02' },
      ],
    ],
    // inside one month, or partial months only: days only
    ['2025-07-28', '2025-07-28', null, [{ from: '2025-07-28', to: '2025-07-28' }]],
    ['2025-07-02', '2025-07-31', null, [{ from: '2025-07-02', to: '2025-07-31' }]],
    ['2025-07-01', '2025-07-30', null, [{ from: '2025-07-01', to: '2025-07-30' }]],
    ['2025-07-15', '2025-08-14', null, [{ from: '2025-07-15', to: '2025-08-14' }]],
    // one day that is a whole month's last day is still not a whole month
    ['2025-07-31', '2025-07-31', null, [{ from: '2025-07-31', to: '2025-07-31' }]],
  ])('%s – %s', (start, end, months, days) => {
    expect(splitIntoMonths(start, end)).toEqual({ months, days });
  });

  it('is empty when the end is before the start (the eve of a period as its own "period")', () => {
    expect(splitIntoMonths('2025-05-01', '2025-04-30')).toEqual({ months: null, days: [] });
  });

  it('covers every day exactly once, for every start and end in two years', () => {
    const first = '2024-01-01';
    for (let i = 0; i < 731; i += 5) {
      for (let j = i; j < Math.min(731, i + 100); j += 9) {
        const s = addDays(first, i);
        const e = addDays(first, j);
        const { months, days } = splitIntoMonths(s, e);
        const ranges = [...days, ...(months ? [months] : [])].sort((a, b) => (a.from < b.from ? -1 : 1));
        let next = s;
        for (const r of ranges) {
          expect(r.from).toBe(next);
          next = addDays(r.to, 1);
        }
        expect(next).toBe(addDays(e, 1));
        if (months) {
          expect(months.from.endsWith('-01')).toBe(true);
          expect(addDays(months.to, 1).endsWith('-01')).toBe(true);
        }
      }
    }
  });

  it('nextMonthStart', () => {
    expect(nextMonthStart('2025-12-31')).toBe('2026-01-01');
    expect(nextMonthStart('2025-02-01')).toBe('2025-03-01');
  });
});

describe('splitIntoYears', () => {
  it.each([
    ['2025-01-01', '2025-12-31', { from: '2025-01-01', to: '2025-12-31' }, [], []],
    ['2024-08-01', '2025-07-19', null, [{ from: '2024-08-01', to: '2025-06-30' }], [{ from: '2025-07-01', to: '2025-07-19' }]],
    [
      '2023-11-15',
      '2026-02-28',
      { from: '2024-01-01', to: '2025-12-31' },
      [
        { from: '2023-12-01', to: '2023-12-31' },
        { from: '2026-01-01', to: '2026-02-28' },
      ],
      [{ from: '2023-11-15', to: '2023-11-30' }],
    ],
    ['2025-04-01', '2025-06-30', null, [{ from: '2025-04-01', to: '2025-06-30' }], []],
    ['2025-07-28', '2025-07-28', null, [], [{ from: '2025-07-28', to: '2025-07-28' }]],
    ['2025-05-01', '2025-04-30', null, [], []],
  ])('%s – %s', (start, end, years, months, days) => {
    expect(splitIntoYears(start, end)).toEqual({ years, months, days });
  });

  it('covers every day exactly once', () => {
    for (let i = 0; i < 1100; i += 13) {
      for (let j = i; j < 1100; j += 29) {
        const s = addDays('2023-01-01', i);
        const e = addDays('2023-01-01', j);
        const { years, months, days } = splitIntoYears(s, e);
        const ranges = [...days, ...months, ...(years ? [years] : [])].sort((a, b) => (a.from < b.from ? -1 : 1));
        let next = s;
        for (const r of ranges) {
          expect(r.from).toBe(next);
          next = addDays(r.to, 1);
        }
        expect(next).toBe(addDays(e, 1));
        if (years) expect([years.from.slice(5), years.to.slice(5)]).toEqual(['01-01', '12-31']);
      }
    }
  });
});
