import {
  ApplicantFacts,
  DEFAULT_ELIGIBILITY_RULES,
  IneligibleReason,
  Ownership,
  foldNationality,
  ineligibilityReasons,
  isEligible,
  isVietnamese,
} from './eligibility';

function applicant(over: Partial<ApplicantFacts> = {}): ApplicantFacts {
  return {
    isManager: false,
    servingSentence: false,
    nationality: 'Việt Nam',
    contractMonths: 36,
    alreadyMember: false,
    ownership: Ownership.PRIVATE,
    ...over,
  };
}

describe('isVietnamese', () => {
  const nfc = 'Việt Nam'.normalize('NFC');
  const nfd = 'Việt Nam'.normalize('NFD');

  it('test strings really differ in normalisation', () => {
    expect(nfc).not.toBe(nfd);
  });

  it.each([
    'VN',
    'vn',
    ' Vn ',
    'VNM',
    nfc,
    nfd,
    'VIỆT NAM'.normalize('NFD'),
    'việt nam',
    'Viet Nam',
    'viet  nam',
    'Việt\u00a0Nam',
    '\tVietnam\n',
    'VietNam',
    'VIETNAM',
    'Vietnamese',
    'vietnamese',
    'Viet-Nam',
    'V.N.',
  ])('accepts %j', (s) => {
    expect(isVietnamese(s)).toBe(true);
  });

  it.each(['', '   ', 'Korea', 'KR', 'Hàn Quốc', 'Trung Quốc', 'Việt', 'Nam', 'Vietnamien', 'Laos', 'US'])('rejects %j', (s) => {
    expect(isVietnamese(s)).toBe(false);
  });

  it('rejects a non-string from untyped input', () => {
    expect(isVietnamese(undefined as unknown as string)).toBe(false);
  });

  it('folds diacritics, đ, case and separators', () => {
    expect(foldNationality(' Đài  Loan ')).toBe('dailoan');
    expect(foldNationality(nfd)).toBe(foldNationality(nfc));
  });
});

describe('ineligibilityReasons', () => {
  it('accepts an ordinary Vietnamese worker', () => {
    expect(ineligibilityReasons(applicant())).toEqual([]);
    expect(isEligible(applicant())).toBe(true);
  });

  it.each([Ownership.PRIVATE, Ownership.FOREIGN_INVESTED, Ownership.COLLECTIVE, Ownership.OTHER, null])('refuses a manager of a %s enterprise', (ownership) => {
    expect(ineligibilityReasons(applicant({ isManager: true, ownership }))).toEqual([IneligibleReason.MANAGER]);
  });

  it('accepts a manager of a state enterprise', () => {
    expect(ineligibilityReasons(applicant({ isManager: true, ownership: Ownership.STATE }))).toEqual([]);
  });

  it('refuses someone serving a sentence, whoever employs them', () => {
    for (const ownership of [...Object.values(Ownership), null]) {
      expect(ineligibilityReasons(applicant({ servingSentence: true, ownership }))).toEqual([IneligibleReason.SERVING_SENTENCE]);
    }
  });

  it('refuses an existing member', () => {
    expect(ineligibilityReasons(applicant({ alreadyMember: true }))).toEqual([IneligibleReason.ALREADY_MEMBER]);
  });

  describe('foreign workers', () => {
    it.each([
      [0, [IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]],
      [6, [IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]],
      [11, [IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]],
      [12, []],
      [24, []],
      [null, []],
    ])('with a %s-month contract: %j', (contractMonths, reasons) => {
      expect(ineligibilityReasons(applicant({ nationality: 'Hàn Quốc', contractMonths }))).toEqual(reasons);
    });

    it('defaults to a 12-month minimum', () => {
      expect(DEFAULT_ELIGIBILITY_RULES).toEqual({ minForeignContractMonths: 12 });
    });

    it('uses the configured minimum', () => {
      const rules = { minForeignContractMonths: 6 };
      expect(ineligibilityReasons(applicant({ nationality: 'KR', contractMonths: 6 }), rules)).toEqual([]);
      expect(ineligibilityReasons(applicant({ nationality: 'KR', contractMonths: 5 }), rules)).toEqual([IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]);
    });

    it('a blank nationality is not Vietnamese, so the contract rule applies', () => {
      expect(ineligibilityReasons(applicant({ nationality: '', contractMonths: 3 }))).toEqual([IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT]);
    });
  });

  it('does not apply the contract rule to Vietnamese workers, however spelled', () => {
    for (const nationality of ['VN', 'Viet Nam', 'Việt Nam'.normalize('NFD'), 'vietnamese']) {
      expect(ineligibilityReasons(applicant({ nationality, contractMonths: 1 }))).toEqual([]);
    }
  });

  it('lists every reason, in enum order', () => {
    expect(
      ineligibilityReasons({
        isManager: true,
        servingSentence: true,
        nationality: 'Trung Quốc',
        contractMonths: 3,
        alreadyMember: true,
        ownership: null,
      }),
    ).toEqual(['MANAGER', 'SERVING_SENTENCE', 'FOREIGN_CONTRACT_TOO_SHORT', 'ALREADY_MEMBER']);
    expect(isEligible(applicant({ alreadyMember: true }))).toBe(false);
  });

  it('combines reasons independently (every subset)', () => {
    const flags = ['isManager', 'servingSentence', 'foreignShort', 'alreadyMember'] as const;
    for (let mask = 0; mask < 16; mask++) {
      const on = (i: number): boolean => (mask & (1 << i)) !== 0;
      const reasons = ineligibilityReasons(
        applicant({
          isManager: on(0),
          servingSentence: on(1),
          nationality: on(2) ? 'Japan' : 'VN',
          contractMonths: 6,
          alreadyMember: on(3),
        }),
      );
      const expected = [
        IneligibleReason.MANAGER,
        IneligibleReason.SERVING_SENTENCE,
        IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT,
        IneligibleReason.ALREADY_MEMBER,
      ].filter((_r, i) => on(i));
      expect([flags.filter((_f, i) => on(i)), reasons]).toEqual([flags.filter((_f, i) => on(i)), expected]);
    }
  });
});
