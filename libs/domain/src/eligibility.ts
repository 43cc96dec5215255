/**
 * Who may join the trade union (Điều lệ Công đoàn Việt Nam; Luật Công đoàn 2024 for
 * foreign workers). The reasons are reported all at once, in enum order.
 */
export enum IneligibleReason {
  /** Owner, board member, director, anyone authorised to sign labour contracts — of a non-state enterprise. */
  MANAGER = 'MANAGER',
  SERVING_SENTENCE = 'SERVING_SENTENCE',
  FOREIGN_CONTRACT_TOO_SHORT = 'FOREIGN_CONTRACT_TOO_SHORT',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
}

export enum Ownership {
  STATE = 'STATE',
  PRIVATE = 'PRIVATE',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
  COLLECTIVE = 'COLLECTIVE',
  OTHER = 'OTHER',
}

export interface ApplicantFacts {
  isManager: boolean;
  servingSentence: boolean;
  nationality: string;
  /** null = indefinite-term contract */
  contractMonths: number | null;
  alreadyMember: boolean;
  /** null = unknown, treated as non-state */
  ownership: Ownership | null;
}

export interface EligibilityRules {
  minForeignContractMonths: number;
}

export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = Object.freeze({ minForeignContractMonths: 12 });

// Folded spellings (no diacritics, case, spaces, dots or hyphens) that mean Vietnam.
const VIETNAMESE_SPELLINGS: ReadonlySet<string> = new Set(['vn', 'vnm', 'vietnam', 'vietnamese']);

/** Lower-case, strip diacritics (NFC or NFD input alike), drop spacing and separators. */
export function foldNationality(nationality: string): string {
  return nationality
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s.\-_]/gu, '');
}

/** 'VN', 'Việt Nam', 'Viet Nam', 'Vietnam', 'Vietnamese' in any case, Unicode normalisation or spacing. */
export function isVietnamese(nationality: string): boolean {
  if (typeof nationality !== 'string') return false;
  return VIETNAMESE_SPELLINGS.has(foldNationality(nationality));
}

export function ineligibilityReasons(a: ApplicantFacts, rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  // Managers of state enterprises may join; unknown ownership is treated as non-state
  // because most enterprises without a union are private.
  if (a.isManager && a.ownership !== Ownership.STATE) reasons.push(IneligibleReason.MANAGER);
  if (a.servingSentence) reasons.push(IneligibleReason.SERVING_SENTENCE);
  // A null contract length is an indefinite-term contract, which is long enough.
  if (!isVietnamese(a.nationality) && a.contractMonths !== null && a.contractMonths < rules.minForeignContractMonths) {
    reasons.push(IneligibleReason.FOREIGN_CONTRACT_TOO_SHORT);
  }
  if (a.alreadyMember) reasons.push(IneligibleReason.ALREADY_MEMBER);
  return reasons;
}

export function isEligible(a: ApplicantFacts, rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES): boolean {
  return ineligibilityReasons(a, rules).length === 0;
}
