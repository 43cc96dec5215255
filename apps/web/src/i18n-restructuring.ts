import type { OrgChangeStatus } from './generated/graphql';
import { ORG_CHANGE_STATUS_LABEL_VI } from '@app/domain/code-labels';

/** The words of restructuring on the organisation page (docs/architecture.md#restructuring). */
export const ORG_CHANGE_STATUS_LABEL: Readonly<Record<OrgChangeStatus, string>> = ORG_CHANGE_STATUS_LABEL_VI;

export const RESTRUCTURE_ACTION_LABEL = {
  DISSOLVE: 'Giải thể, chuyển về đơn vị tiếp nhận',
  MOVE: 'Chuyển về đơn vị cấp trên khác',
  RENAME: 'Đổi tên từ một ngày',
  SPLIT: 'Chia tách thành các đơn vị mới',
  UPGRADE: 'Nâng cấp (lên một cấp)',
  DOWNGRADE: 'Hạ cấp (xuống một cấp)',
} as const;
export type RestructureAction = keyof typeof RESTRUCTURE_ACTION_LABEL;

export const OFFICERS_LABEL = { MOVE: 'Chuyển sang đơn vị tiếp nhận', DEACTIVATE: 'Cho ngừng hoạt động' } as const;
export const TARGETS_LABEL = { MOVE: 'Cộng vào chỉ tiêu năm của đơn vị tiếp nhận', CLOSE: 'Đóng lại' } as const;
