/** The member register of a CĐCS: why a membership ends, and the kinds of labour contract (Bộ luật Lao động 2019, Điều 20). */

export enum LeaveReason {
  /** Moved to another CĐCS: the membership goes on there (a transfer, never a new admission). */
  TRANSFERRED = 'TRANSFERRED',
  LEFT_JOB = 'LEFT_JOB',
  WITHDREW = 'WITHDREW',
  EXPELLED = 'EXPELLED',
  DIED = 'DIED',
  /** Paused under the Charter's rules (tạm dừng sinh hoạt). */
  PAUSED = 'PAUSED',
  /** The CĐCS was dissolved by a policy decision (e.g. Công văn 4173/TLĐ-ToC): counted apart from ordinary leaving. */
  DISSOLVED = 'DISSOLVED',
}

export const LEAVE_REASON_LABEL_VI: Readonly<Record<LeaveReason, string>> = Object.freeze({
  [LeaveReason.TRANSFERRED]: 'Chuyển sinh hoạt sang CĐCS khác',
  [LeaveReason.LEFT_JOB]: 'Nghỉ việc',
  [LeaveReason.WITHDREW]: 'Xin ra khỏi tổ chức công đoàn',
  [LeaveReason.EXPELLED]: 'Bị khai trừ',
  [LeaveReason.DIED]: 'Từ trần',
  [LeaveReason.PAUSED]: 'Tạm dừng sinh hoạt',
  [LeaveReason.DISSOLVED]: 'CĐCS giải thể theo chủ trương',
});

export enum LabourContractKind {
  INDEFINITE = 'INDEFINITE',
  FIXED_TERM = 'FIXED_TERM',
  /** No written contract, seasonal or other arrangements. */
  OTHER = 'OTHER',
}

export const LABOUR_CONTRACT_KIND_LABEL_VI: Readonly<Record<LabourContractKind, string>> = Object.freeze({
  [LabourContractKind.INDEFINITE]: 'Không xác định thời hạn',
  [LabourContractKind.FIXED_TERM]: 'Xác định thời hạn',
  [LabourContractKind.OTHER]: 'Khác',
});

export enum MemberStatus {
  NOT_MEMBER = 'NOT_MEMBER',
  MEMBER = 'MEMBER',
  LEFT = 'LEFT',
}
