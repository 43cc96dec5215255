import { EMPTY_FILTER, fromParams, toFilter, toParams } from './src/pages/register/filter';

describe('the register filter in the page address', () => {
  it.each(['OPEN_CASE', 'NO_CASE', 'NO_OPEN_CASE'] as const)('keeps the case status %s through the address', (caseStatus) => {
    const s = { ...EMPTY_FILTER, caseStatus, min25: true, search: 'cong ty duoc' };
    const back = fromParams(new URLSearchParams(toParams(s).toString()));
    expect(back).toEqual(s);
    expect(toFilter(back)).toMatchObject({ caseStatus, minWorkers: 25, search: 'cong ty duoc' });
  });

  it('ignores a case status the API does not know', () => {
    expect(fromParams(new URLSearchParams('caseStatus=CLOSED')).caseStatus).toBe('');
  });
});
