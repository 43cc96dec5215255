import { RewardOccasion, occasionDueOn, occasionPeriod } from './reward-rules';
import { addDays } from './calendar-days';

describe('occasions', () => {
  it.each([
    [RewardOccasion.YEAR_END, 2024, '2024-01-01', '2024-12-31', '2025-01-01'],
    [RewardOccasion.WORKERS_MONTH, 2024, '2024-05-01', '2024-05-31', '2024-06-01'],
    [RewardOccasion.ANNIVERSARY, 2024, '2023-08-01', '2024-07-19', '2024-07-20'],
    [RewardOccasion.ANNIVERSARY, 2025, '2024-08-01', '2025-07-19', '2025-07-20'],
    [RewardOccasion.YEAR_END, 2026, '2026-01-01', '2026-12-31', '2027-01-01'],
  ])('%s %i covers %s..%s and runs on %s', (occasion, year, start, end, dueOn) => {
    expect(occasionPeriod(occasion, year)).toEqual({ start, end });
    expect(occasionDueOn(occasion, year)).toBe(dueOn);
  });

  it('every evaluation runs the day after its period ends, before the 28 July anniversary', () => {
    for (const occasion of Object.values(RewardOccasion)) {
      for (const year of [2024, 2025, 2026]) {
        expect(occasionDueOn(occasion, year)).toBe(addDays(occasionPeriod(occasion, year).end, 1));
      }
    }
    expect(occasionDueOn(RewardOccasion.ANNIVERSARY, 2024) < '2024-07-28').toBe(true);
  });

  it('rejects an unsupported year or occasion', () => {
    expect(() => occasionPeriod(RewardOccasion.YEAR_END, 2024.5)).toThrow(RangeError);
    expect(() => occasionPeriod(RewardOccasion.ANNIVERSARY, 0)).toThrow(RangeError);
    expect(() => occasionDueOn(RewardOccasion.YEAR_END, 9999)).toThrow(RangeError);
    expect(() => occasionPeriod('TET' as RewardOccasion, 2024)).toThrow(RangeError);
    expect(() => occasionDueOn('TET' as RewardOccasion, 2024)).toThrow(RangeError);
  });
});
