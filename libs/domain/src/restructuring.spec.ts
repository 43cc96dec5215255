import { MAX_BACKDATED_DAYS, ORG_CHANGE_KIND_LABEL_VI, OrgChangeKind, effectiveDayProblem, wouldCycle } from './restructuring';

describe('restructuring rules', () => {
  it('names every Charter change kind in Vietnamese', () => {
    expect(Object.keys(ORG_CHANGE_KIND_LABEL_VI).sort()).toEqual(Object.values(OrgChangeKind).sort());
    expect(ORG_CHANGE_KIND_LABEL_VI.DISSOLVE).toBe('Giải thể');
  });

  it('refuses an effective day too far back, on a closed month or before the unit’s last change', () => {
    expect(effectiveDayProblem('2025-02-30', '2025-03-01', null, null)).toMatch(/ngày có thật/);
    expect(effectiveDayProblem('2025-01-01', '2025-03-01', null, null)).toMatch(`tối đa ${MAX_BACKDATED_DAYS} ngày`);
    expect(effectiveDayProblem('2025-02-28', '2025-03-01', '2025-02-28', null)).toMatch('đã chốt số liệu 28/02/2025');
    expect(effectiveDayProblem('2025-03-01', '2025-03-01', null, '2025-03-02')).toMatch('chưa tồn tại');
    expect(effectiveDayProblem('2025-03-01', '2025-02-20', '2025-01-31', '2025-02-01')).toBeNull();
    expect(effectiveDayProblem('2030-01-01', '2025-02-20', null, null)).toBeNull();
  });

  it('finds a cycle when the new parent lies under the unit', () => {
    expect(wouldCycle('b', 'a.b.c')).toBe(true);
    expect(wouldCycle('b', 'b')).toBe(true);
    expect(wouldCycle('d', 'a.b.c')).toBe(false);
  });
});
