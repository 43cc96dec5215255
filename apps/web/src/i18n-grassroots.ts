import type { LabourContractKind, LeaveReason, MemberStatus, PartyOutcome } from './generated/graphql';
import { PARTY_OUTCOME_LABEL_VI } from '@app/domain/code-labels';

/** Vietnamese labels of a CĐCS's register (docs/architecture.md#grassroots-unions). */

export const STATUS_LABEL: Readonly<Record<MemberStatus, string>> = {
  NOT_MEMBER: 'Chưa là đoàn viên',
  MEMBER: 'Đoàn viên',
  LEFT: 'Đã ra khỏi tổ chức',
};

export const LEAVE_LABEL: Readonly<Record<LeaveReason, string>> = {
  TRANSFERRED: 'Chuyển sinh hoạt',
  LEFT_JOB: 'Nghỉ việc',
  WITHDREW: 'Xin ra',
  EXPELLED: 'Bị khai trừ',
  DIED: 'Từ trần',
  PAUSED: 'Tạm dừng sinh hoạt',
  DISSOLVED: 'CĐCS giải thể theo chủ trương',
};

export const CONTRACT_LABEL: Readonly<Record<LabourContractKind, string>> = {
  INDEFINITE: 'Không xác định thời hạn',
  FIXED_TERM: 'Xác định thời hạn',
  OTHER: 'Khác',
};

/** yyyy-mm-dd → dd/mm/yyyy; empty when none. */
export const dmy = (d: string | null | undefined): string => (d ? d.split('-').reverse().join('/') : '');

export const PARTY_OUTCOME_LABEL: Readonly<Record<PartyOutcome, string>> = PARTY_OUTCOME_LABEL_VI;
