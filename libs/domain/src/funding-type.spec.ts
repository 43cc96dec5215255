import { FundingType, FUNDING_TYPES, FUNDING_TYPE_LABEL_VI, fundingAllowsAdmission, fundingTypeOn } from './funding-type';

describe('funding type of an employer', () => {
  const history = [
    { fundingType: FundingType.STATE_BUDGET_PARTIAL, validFrom: '2020-01-01' },
    { fundingType: FundingType.STATE_BUDGET_FULL, validFrom: '2025-06-01' },
  ];

  it('reads the entry in force on a day, none before the first', () => {
    expect(fundingTypeOn(history, '2019-12-31')).toBeNull();
    expect(fundingTypeOn(history, '2020-01-01')).toBe(FundingType.STATE_BUDGET_PARTIAL);
    expect(fundingTypeOn(history, '2025-05-31')).toBe(FundingType.STATE_BUDGET_PARTIAL);
    expect(fundingTypeOn(history, '2025-06-01')).toBe(FundingType.STATE_BUDGET_FULL);
  });

  it('takes the later-recorded of two entries of the same day (a correction)', () => {
    expect(fundingTypeOn([...history, { fundingType: FundingType.NON_STATE, validFrom: '2025-06-01' }], '2025-07-01')).toBe(FundingType.NON_STATE);
  });

  it('refuses admissions only at employers wholly funded by the state budget', () => {
    expect(FUNDING_TYPES.filter((t) => !fundingAllowsAdmission(t))).toEqual([FundingType.STATE_BUDGET_FULL]);
    expect(fundingAllowsAdmission(null)).toBe(true);
  });

  it('labels every type in Vietnamese', () => {
    for (const t of FUNDING_TYPES) expect(FUNDING_TYPE_LABEL_VI[t]).toMatch(/[ảàạâ]/);
  });
});
