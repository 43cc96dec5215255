import type { FigureKey } from '../../i18n-returns';

/** The decreases of form 1-HĐCĐ (leftDissolved: a CĐCS dissolved by policy, apart from ordinary leaving). */
export const LEFT: FigureKey[] = ['leftTransferred', 'leftJob', 'leftWithdrew', 'leftExpelled', 'leftDied', 'leftPaused', 'leftDissolved'];
export const STALE = 'Báo cáo vừa được người khác cập nhật — tải lại';
