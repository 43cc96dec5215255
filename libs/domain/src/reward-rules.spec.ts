import {
  DEFAULT_REWARD_CONFIG,
  RewardConfig,
  RewardRule,
  assertRewardConfig,
  formatDateVi,
  formatNumberVi,
  isWithinFirstYear,
  scoreCdcsGrowth,
  scoreNewCdcsFirstYear,
  scoreOfficer,
} from './reward-rules';

function officer(
  membersAdmitted: number,
  targetMembers: number | null,
  cdcsFounded: number,
  targetCdcs: number | null,
): { name: string; membersAdmitted: number; cdcsFounded: number; targetMembers: number | null; targetCdcs: number | null } {
  return { name: 'Nguyễn Thị Lan', membersAdmitted, cdcsFounded, targetMembers, targetCdcs };
}

const cfg = (over: Partial<RewardConfig>): RewardConfig => ({ ...DEFAULT_REWARD_CONFIG, ...over });

describe('reward config', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_REWARD_CONFIG).toEqual({
      officerMinRatio: 1,
      memberWeight: 0.6,
      cdcsWeight: 0.4,
      cdcsMinGrowthPercent: 10,
      cdcsMinAdmitted: 5,
      newCdcsMinMembers: 20,
    });
    expect(() => assertRewardConfig(DEFAULT_REWARD_CONFIG)).not.toThrow();
  });

  it.each(Object.keys(DEFAULT_REWARD_CONFIG))('rejects a negative or non-finite %s', (key) => {
    expect(() => assertRewardConfig(cfg({ [key]: -1 }))).toThrow(new RegExp(key));
    expect(() => assertRewardConfig(cfg({ [key]: Number.NaN }))).toThrow(RangeError);
    expect(() => scoreOfficer(officer(1, 1, 1, 1), cfg({ [key]: -1 }))).toThrow(RangeError);
    expect(() => scoreCdcsGrowth({ name: 'x', membersAtStart: 1, admitted: 1 }, cfg({ [key]: -1 }))).toThrow(RangeError);
    expect(() => scoreNewCdcsFirstYear({ name: 'x', recognizedOn: '2024-05-01', members: 1, periodEnd: '2024-12-31' }, cfg({ [key]: -1 }))).toThrow(RangeError);
  });
});

describe('scoreOfficer', () => {
  it('scores the design example: 12/10 members and 1/1 CĐCS', () => {
    expect(scoreOfficer(officer(12, 10, 1, 1))).toEqual({
      rule: RewardRule.OFFICER_RESULTS,
      nominee: 'Nguyễn Thị Lan',
      qualifies: true,
      score: 112, // 0.6 × 120 + 0.4 × 100
      basis: 'Kết nạp 12/10 đoàn viên (120%), thành lập 1/1 CĐCS (100%)',
    });
  });

  it.each([
    ['exactly on target', officer(10, 10, 1, 1), true, 100],
    ['on the 2024 plan', officer(130, 130, 2, 2), true, 100],
    ['members short', officer(9, 10, 2, 1), false, 134], // 0.6 × 90 + 0.4 × min(200, 200)
    ['CĐCS short', officer(20, 10, 0, 1), false, 120], // 0.6 × 200 + 0
    ['both short', officer(5, 10, 1, 2), false, 50],
    ['capped at 200%', officer(30, 10, 1, 1), true, 160],
    ['capped on both', officer(100, 10, 9, 1), true, 200],
    ['nothing done', officer(0, 10, 0, 1), false, 0],
    ['a third of members', officer(1, 3, 1, 1), false, 60],
  ])('%s', (_label, x, qualifies, score) => {
    const r = scoreOfficer(x);
    expect([r.qualifies, r.score]).toEqual([qualifies, score]);
  });

  it('drops a missing member target and renormalises', () => {
    expect(scoreOfficer(officer(40, null, 2, 2))).toMatchObject({
      qualifies: true,
      score: 100,
      basis: 'Kết nạp 40 đoàn viên (không giao chỉ tiêu), thành lập 2/2 CĐCS (100%)',
    });
    expect(scoreOfficer(officer(40, null, 1, 2))).toMatchObject({ qualifies: false, score: 50 });
  });

  it('drops a missing or zero CĐCS target and renormalises', () => {
    for (const targetCdcs of [null, 0]) {
      expect(scoreOfficer(officer(8, 10, 0, targetCdcs))).toEqual({
        rule: RewardRule.OFFICER_RESULTS,
        nominee: 'Nguyễn Thị Lan',
        qualifies: false,
        score: 80,
        basis: 'Kết nạp 8/10 đoàn viên (80%), thành lập 0 CĐCS (không giao chỉ tiêu)',
      });
      expect(scoreOfficer(officer(10, 10, 0, targetCdcs))).toMatchObject({ qualifies: true, score: 100 });
    }
  });

  it('writes fractional percentages with a decimal comma', () => {
    expect(scoreOfficer(officer(1, 3, 1, 1)).basis).toBe('Kết nạp 1/3 đoàn viên (33,33%), thành lập 1/1 CĐCS (100%)');
    expect(scoreOfficer(officer(2, 3, 0, null)).score).toBe(66.67);
  });

  describe('without any target', () => {
    it.each([
      [5, 1, true, 15],
      [12, 2, true, 32],
      [4, 1, false, 14],
      [50, 0, false, 50],
      [0, 0, false, 0],
    ])('%i members and %i CĐCS: qualifies %s, score %d', (members, cdcs, qualifies, score) => {
      for (const [tm, tc] of [
        [null, null],
        [0, 0],
        [0, null],
      ]) {
        expect(scoreOfficer(officer(members, tm, cdcs, tc))).toMatchObject({ qualifies, score });
      }
    });

    it('explains the figures and the bar', () => {
      expect(scoreOfficer(officer(12, null, 1, null)).basis).toBe(
        'Không giao chỉ tiêu; kết nạp 12 đoàn viên, thành lập 1 CĐCS ' + '(yêu cầu: thành lập ít nhất 1 CĐCS và kết nạp ít nhất 5 đoàn viên)',
      );
    });

    it('uses the configured minimum admissions', () => {
      expect(scoreOfficer(officer(3, null, 1, null), cfg({ cdcsMinAdmitted: 3 })).qualifies).toBe(true);
    });
  });

  it('uses the configured minimum ratio, without float noise at the boundary', () => {
    expect(scoreOfficer(officer(8, 10, 1, 1), cfg({ officerMinRatio: 0.8 })).qualifies).toBe(true);
    expect(scoreOfficer(officer(7, 10, 1, 1), cfg({ officerMinRatio: 0.7 })).qualifies).toBe(true);
    expect(scoreOfficer(officer(69, 100, 1, 1), cfg({ officerMinRatio: 0.7 })).qualifies).toBe(false);
    expect(scoreOfficer(officer(11, 10, 1, 1), cfg({ officerMinRatio: 1.2 })).qualifies).toBe(false);
  });

  it('uses the configured weights', () => {
    expect(scoreOfficer(officer(12, 10, 1, 1), cfg({ memberWeight: 1, cdcsWeight: 1 })).score).toBe(110);
    expect(scoreOfficer(officer(12, 10, 0, 1), cfg({ memberWeight: 1, cdcsWeight: 0 }))).toMatchObject({
      score: 120,
      qualifies: false, // a target with weight 0 still has to be met
    });
    // all present weights 0: a plain mean instead of a division by zero
    expect(scoreOfficer(officer(12, 10, 1, 1), cfg({ memberWeight: 0, cdcsWeight: 0 })).score).toBe(110);
    expect(scoreOfficer(officer(12, 10, 1, null), cfg({ memberWeight: 0 })).score).toBe(120);
  });

  it('rejects impossible figures', () => {
    expect(() => scoreOfficer(officer(-1, 10, 1, 1))).toThrow(RangeError);
    expect(() => scoreOfficer(officer(1.5, 10, 1, 1))).toThrow(RangeError);
    expect(() => scoreOfficer(officer(1, 10, -1, 1))).toThrow(RangeError);
    expect(() => scoreOfficer(officer(1, -10, 1, 1))).toThrow(RangeError);
    expect(() => scoreOfficer(officer(1, 10, 1, Number.NaN))).toThrow(RangeError);
  });
});

describe('scoreCdcsGrowth', () => {
  const grow = (membersAtStart: number, admitted: number, c?: RewardConfig) =>
    scoreCdcsGrowth({ name: 'CĐCS Công ty TNHH May Hòa Bình', membersAtStart, admitted }, c);

  it.each([
    [50, 5, true, 10],
    [50, 4, false, 8],
    [100, 5, false, 5],
    [100, 10, true, 10],
    [10, 5, true, 50],
    [3, 1, false, 33.33],
    [0, 8, true, 100],
    [0, 4, false, 100],
    [0, 0, false, 0],
    [40, 0, false, 0],
  ])('%i at start, %i admitted: qualifies %s, growth %d%%', (start, admitted, qualifies, score) => {
    expect(grow(start, admitted)).toMatchObject({ qualifies, score, rule: RewardRule.CDCS_MEMBER_GROWTH });
  });

  it('quotes the figures', () => {
    expect(grow(50, 5)).toEqual({
      rule: RewardRule.CDCS_MEMBER_GROWTH,
      nominee: 'CĐCS Công ty TNHH May Hòa Bình',
      qualifies: true,
      score: 10,
      basis: 'Đầu kỳ 50 đoàn viên, kết nạp 5 đoàn viên (tăng 10%; yêu cầu: kết nạp ít nhất 5, tăng ít nhất 10%)',
    });
    expect(grow(3, 1).basis).toContain('tăng 33,33%');
    expect(grow(0, 8).basis).toBe(
      'Đầu kỳ 0 đoàn viên, kết nạp 8 đoàn viên (tăng 100%, tính trên số kết nạp do đầu kỳ chưa có đoàn viên; ' +
        'yêu cầu: kết nạp ít nhất 5, tăng ít nhất 10%)',
    );
  });

  it('uses the configured thresholds', () => {
    expect(grow(200, 5).qualifies).toBe(false);
    expect(grow(200, 5, cfg({ cdcsMinGrowthPercent: 2.5 })).qualifies).toBe(true);
    expect(grow(10, 3, cfg({ cdcsMinAdmitted: 3 })).qualifies).toBe(true);
    expect(grow(10, 3, cfg({ cdcsMinAdmitted: 3 })).basis).toContain('kết nạp ít nhất 3, tăng ít nhất 10%');
  });

  it('rejects impossible figures', () => {
    expect(() => grow(-1, 5)).toThrow(RangeError);
    expect(() => grow(10, -5)).toThrow(RangeError);
    expect(() => grow(10, 0.5)).toThrow(RangeError);
  });
});

describe('scoreNewCdcsFirstYear', () => {
  const fresh = (recognizedOn: string, members: number, periodEnd = '2024-12-31', c?: RewardConfig) =>
    scoreNewCdcsFirstYear({ name: 'CĐCS Công ty CP Thủy sản Minh Phú', recognizedOn, members, periodEnd }, c);

  it.each([
    ['2024-01-01', true],
    ['2024-06-15', true],
    ['2024-12-31', true],
    ['2023-12-31', false],
    ['2022-05-01', false],
    ['2025-01-01', false],
  ])('with the period ending 31/12/2024, recognised on %s is in the window: %s', (recognizedOn, inside) => {
    expect(isWithinFirstYear(recognizedOn, '2024-12-31')).toBe(inside);
    expect(fresh(recognizedOn, 25).qualifies).toBe(inside);
  });

  it('handles leap days and the anniversary window', () => {
    expect(isWithinFirstYear('2024-02-29', '2025-02-28')).toBe(true);
    expect(isWithinFirstYear('2024-02-28', '2025-02-28')).toBe(false);
    expect(isWithinFirstYear('2023-07-20', '2024-07-19')).toBe(true);
    expect(isWithinFirstYear('2023-07-19', '2024-07-19')).toBe(false);
  });

  it.each([
    [19, false],
    [20, true],
    [150, true],
    [0, false],
  ])('with %i members qualifies: %s, scored by its members', (members, qualifies) => {
    expect(fresh('2024-05-10', members)).toEqual({
      rule: RewardRule.NEW_CDCS_FIRST_YEAR,
      nominee: 'CĐCS Công ty CP Thủy sản Minh Phú',
      qualifies,
      score: members,
      basis: `Công nhận ngày 10/05/2024, có ${members} đoàn viên (yêu cầu: ít nhất 20 đoàn viên)`,
    });
  });

  it('scores 0 and explains when recognised outside the window', () => {
    expect(fresh('2023-03-01', 400)).toEqual({
      rule: RewardRule.NEW_CDCS_FIRST_YEAR,
      nominee: 'CĐCS Công ty CP Thủy sản Minh Phú',
      qualifies: false,
      score: 0,
      basis: 'Công nhận ngày 01/03/2023, ngoài 12 tháng tính đến ngày 31/12/2024',
    });
  });

  it('uses the configured minimum', () => {
    expect(fresh('2024-05-10', 12, '2024-12-31', cfg({ newCdcsMinMembers: 10 })).qualifies).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => fresh('2024-02-30', 20)).toThrow(RangeError);
    expect(() => fresh('2024-05-10', -1)).toThrow(RangeError);
  });
});

describe('Vietnamese formatting', () => {
  it('formats numbers with a decimal comma', () => {
    expect(formatNumberVi(120)).toBe('120');
    expect(formatNumberVi(33.333)).toBe('33,33');
    expect(formatNumberVi(0.5)).toBe('0,5');
  });

  it('formats dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2024-07-28')).toBe('28/07/2024');
    expect(formatDateVi('2024-01-05')).toBe('05/01/2024');
  });

  it('writes every basis in NFC with Vietnamese diacritics', () => {
    const bases = [
      scoreOfficer(officer(12, 10, 1, 1)).basis,
      scoreOfficer(officer(12, null, 1, null)).basis,
      scoreCdcsGrowth({ name: 'x', membersAtStart: 0, admitted: 8 }).basis,
      scoreNewCdcsFirstYear({ name: 'x', recognizedOn: '2024-05-10', members: 25, periodEnd: '2024-12-31' }).basis,
    ];
    for (const b of bases) {
      expect(b).toBe(b.normalize('NFC'));
      expect(b).toMatch(/[ạảãáàâầấậẩẫăắằặẳẵđếềệểễịọỏốồộổỗơớờợởỡụủứừựửữ]/);
    }
  });
});
