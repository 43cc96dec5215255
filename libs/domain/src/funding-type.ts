import { IsoDate } from './calendar-days';

/**
 * How an employer is financed (loại hình tài chính), a dated attribute of an enterprise of the register
 * (docs/architecture.md#the-employers-funding-type). The groups of public service units follow Nghị định
 * 60/2021/NĐ-CP on their financial autonomy; state agencies are funded wholly by the state budget.
 */
export enum FundingType {
  /** Cơ quan nhà nước, đơn vị sự nghiệp công lập do ngân sách nhà nước bảo đảm chi thường xuyên (nhóm 4). */
  STATE_BUDGET_FULL = 'STATE_BUDGET_FULL',
  /** Đơn vị sự nghiệp công lập tự bảo đảm một phần chi thường xuyên (nhóm 3). */
  STATE_BUDGET_PARTIAL = 'STATE_BUDGET_PARTIAL',
  /** Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên (nhóm 2). */
  SELF_FINANCED_RECURRENT = 'SELF_FINANCED_RECURRENT',
  /** Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên và chi đầu tư (nhóm 1). */
  SELF_FINANCED_FULL = 'SELF_FINANCED_FULL',
  /** Doanh nghiệp, tổ chức ngoài khu vực nhà nước (no state budget). */
  NON_STATE = 'NON_STATE',
}

export const FUNDING_TYPE_LABEL_VI: Readonly<Record<FundingType, string>> = Object.freeze({
  [FundingType.STATE_BUDGET_FULL]: 'Ngân sách nhà nước bảo đảm toàn bộ',
  [FundingType.STATE_BUDGET_PARTIAL]: 'Tự bảo đảm một phần chi thường xuyên',
  [FundingType.SELF_FINANCED_RECURRENT]: 'Tự bảo đảm chi thường xuyên',
  [FundingType.SELF_FINANCED_FULL]: 'Tự bảo đảm chi thường xuyên và chi đầu tư',
  [FundingType.NON_STATE]: 'Ngoài nhà nước',
});

export const FUNDING_TYPES: readonly FundingType[] = Object.values(FundingType);

/** A funding type of an employer holding from `validFrom` (until the next entry's day). */
export interface FundingEntry {
  fundingType: FundingType;
  validFrom: IsoDate;
}

/** The entry in force on `day`: the latest one starting on or before it (entries in the order recorded); null when none. */
export function fundingTypeOn(entries: readonly FundingEntry[], day: IsoDate): FundingType | null {
  let found: FundingEntry | null = null;
  for (const e of entries) if (e.validFrom <= day && (!found || e.validFrom >= found.validFrom)) found = e;
  return found?.fundingType ?? null;
}

/**
 * Whether staff of an employer of this funding type may be admitted: not when it is wholly funded by the state budget
 * (Công văn 4173/TLĐ-ToC of 28/05/2025 ended the CĐCS of such units). Unknown (null) does not refuse.
 */
export function fundingAllowsAdmission(t: FundingType | null): boolean {
  return t !== FundingType.STATE_BUDGET_FULL;
}

export const STATE_BUDGET_ADMISSION_REFUSAL =
  'Không kết nạp đoàn viên: đơn vị sử dụng lao động do ngân sách nhà nước bảo đảm toàn bộ kinh phí vào ngày quyết định ' +
  '(Công văn 4173/TLĐ-ToC ngày 28/05/2025 của Tổng Liên đoàn Lao động Việt Nam về công đoàn cơ sở tại các đơn vị này)';
