import { PeriodKind, RewardOccasion } from '@app/domain';
import { occasionOfPeriod, occasionsDueBy } from './reward-occasions';

describe('occasionOfPeriod', () => {
  it.each([
    [PeriodKind.YEAR, '2025-01-01', RewardOccasion.YEAR_END, 2025, '2025-01-01', '2025-12-31'],
    [PeriodKind.MONTH, '2025-05-01', RewardOccasion.WORKERS_MONTH, 2025, '2025-05-01', '2025-05-31'],
    [PeriodKind.YEAR, '2024-08-01', RewardOccasion.ANNIVERSARY, 2025, '2024-08-01', '2025-07-19'],
  ])('%s from %s is %s %i, %s..%s', (kind, start, occasion, year, from, to) => {
    expect(occasionOfPeriod(kind, start)).toEqual({ occasion, year, periodKind: kind, start: from, end: to });
  });

  it.each([
    [PeriodKind.MONTH, '2025-06-01'],
    [PeriodKind.MONTH, '2025-01-01'],
    [PeriodKind.YEAR, '2025-05-01'],
    [PeriodKind.YEAR, '2025-08-02'],
    [PeriodKind.QUARTER, '2025-04-01'],
    [PeriodKind.HALF_YEAR, '2025-01-01'],
    [PeriodKind.YEAR, '2025-02-30'],
    [PeriodKind.YEAR, '1999-01-01'],
    [PeriodKind.YEAR, '2101-01-01'],
  ])('%s from %s names no occasion', (kind, start) => {
    expect(occasionOfPeriod(kind, start)).toBeNull();
  });
});

describe('occasionsDueBy', () => {
  const due = (day: string, lookback = 0) => occasionsDueBy(day, lookback).map((o) => `${o.occasion} ${o.year}`);

  it('finds each occasion on its day', () => {
    expect(due('2025-06-01')).toEqual(['WORKERS_MONTH 2025']);
    expect(due('2025-07-20')).toEqual(['ANNIVERSARY 2025']);
    expect(due('2026-01-01')).toEqual(['YEAR_END 2025']);
    expect(due('2025-05-31')).toEqual([]);
    expect(due('2025-06-02')).toEqual([]);
  });

  it('catches up within the window only', () => {
    expect(due('2025-06-07', 7)).toEqual(['WORKERS_MONTH 2025']);
    expect(due('2025-06-08', 7)).toEqual(['WORKERS_MONTH 2025']);
    expect(due('2025-06-09', 7)).toEqual([]);
    expect(due('2026-01-03', 7)).toEqual(['YEAR_END 2025']);
    expect(due('2025-05-31', 7)).toEqual([]);
  });
});
