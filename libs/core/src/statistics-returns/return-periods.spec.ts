import { DatedPeriod, ReturnPeriodsService } from './return-periods.service';

const period = (settingUnitId: string | null, settingPath: string | null, end: string): DatedPeriod => ({
  kind: 'YEAR',
  year: 2025,
  start: '2025-01-01',
  end,
  dueOn: end,
  remindOn: end,
  settingUnitId,
  settingPath,
});

describe('ReturnPeriodsService.forPath', () => {
  const defaults = period(null, null, '2025-11-30');
  const province = period('p', 'root.p', '2025-11-20');
  const district = period('d', 'root.p.d', '2025-11-10');
  const periods = [defaults, province, district];

  it('takes the nearest ancestor-or-self with settings', () => {
    expect(ReturnPeriodsService.forPath(periods, 'root.p.d.cdcs')).toBe(district);
    expect(ReturnPeriodsService.forPath(periods, 'root.p.d')).toBe(district);
    expect(ReturnPeriodsService.forPath(periods, 'root.p.x')).toBe(province);
  });

  it('does not take a sibling whose path only starts with the same letters', () => {
    expect(ReturnPeriodsService.forPath(periods, 'root.p.dd')).toBe(province);
    expect(ReturnPeriodsService.forPath(periods, 'root.pp')).toBe(defaults);
  });

  it('falls back to the defaults outside every setting', () => {
    expect(ReturnPeriodsService.forPath([district, defaults], 'root.q')).toBe(defaults);
  });
});
