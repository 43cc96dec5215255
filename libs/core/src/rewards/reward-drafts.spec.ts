import { DEFAULT_REWARD_CONFIG, RewardRule } from '@app/domain';
import { GrassrootsResults, OfficerResults, draftNominations } from './reward-drafts';

const period = { start: '2025-05-01', end: '2025-05-31', targetYear: 2025, provisionalAsOf: null };
const officer = (over: Partial<OfficerResults> = {}): OfficerResults => ({
  officerId: 'o1',
  fullName: 'Nguyễn Thị Lan',
  membersAdmitted: 5,
  cdcsFounded: 1,
  targetMembers: 5,
  targetCdcs: 1,
  ...over,
});
const union = (over: Partial<GrassrootsResults> = {}): GrassrootsResults => ({
  unitId: 'g1',
  name: 'CĐCS Công ty May Hòa Bình',
  membersAtStart: 0,
  membersAdmitted: 0,
  membersAtEnd: 0,
  recognizedOn: null,
  ...over,
});

describe('draftNominations', () => {
  it('drafts a qualifying officer with the rule basis and the figures', () => {
    expect(draftNominations(period, [officer()], [], DEFAULT_REWARD_CONFIG)).toEqual([
      {
        rule: RewardRule.OFFICER_RESULTS,
        officerId: 'o1',
        grassrootsUnionId: null,
        nominee: 'Nguyễn Thị Lan',
        score: 100,
        basis: 'Kết nạp 5/5 đoàn viên (100%), thành lập 1/1 CĐCS (100%)',
        figures: {
          membersAdmitted: 5,
          cdcsFounded: 1,
          targetMembers: 5,
          targetCdcs: 1,
          targetYear: 2025,
          periodStart: '2025-05-01',
          periodEnd: '2025-05-31',
          provisional: false,
          asOf: null,
        },
      },
    ]);
  });

  it('leaves out what does not qualify', () => {
    expect(draftNominations(period, [officer({ membersAdmitted: 4 })], [union({ membersAtStart: 100, membersAdmitted: 5 })], DEFAULT_REWARD_CONFIG)).toEqual(
      [],
    );
  });

  it('scores CĐCS growth, and a new CĐCS only inside its first year', () => {
    const drafts = draftNominations(
      { ...period, start: '2025-01-01', end: '2025-12-31' },
      [],
      [
        union({ unitId: 'new', membersAtStart: 0, membersAdmitted: 25, membersAtEnd: 25, recognizedOn: '2025-03-01' }),
        union({ unitId: 'old', membersAtStart: 10, membersAdmitted: 30, membersAtEnd: 40, recognizedOn: '2024-12-31' }),
        union({ unitId: 'register', membersAtStart: 10, membersAdmitted: 30, membersAtEnd: 40, recognizedOn: null }),
      ],
      DEFAULT_REWARD_CONFIG,
    );
    expect(drafts.map((d) => [d.rule, d.grassrootsUnionId, d.score])).toEqual([
      [RewardRule.CDCS_MEMBER_GROWTH, 'new', 100],
      [RewardRule.NEW_CDCS_FIRST_YEAR, 'new', 25],
      [RewardRule.CDCS_MEMBER_GROWTH, 'old', 300],
      [RewardRule.CDCS_MEMBER_GROWTH, 'register', 300],
    ]);
  });

  it('says so in the basis when the period has not ended', () => {
    const [d] = draftNominations({ ...period, provisionalAsOf: '2025-05-20' }, [officer()], [], DEFAULT_REWARD_CONFIG);
    expect(d.basis).toBe('Kết nạp 5/5 đoàn viên (100%), thành lập 1/1 CĐCS (100%) (tạm tính đến ngày 20/05/2025)');
    expect(d.figures).toMatchObject({ provisional: true, asOf: '2025-05-20' });
  });
});
