import { fmtNumber } from '../../i18n';
import type { RegisterImport } from '../../queries-register';

type Outcome = Pick<RegisterImport, 'appliedCreated' | 'appliedUpdated' | 'appliedUnchanged' | 'appliedSkipped'>;

/**
 * What applying an import did, in words: its own counts, not the dry run's (a row to create whose tax code was taken
 * meanwhile became an update; one whose enterprise was deleted was skipped; the rows' notices say which).
 */
export function appliedSummary(imp: Outcome): string {
  const parts = [`${fmtNumber(imp.appliedCreated)} doanh nghiệp thêm mới`, `${fmtNumber(imp.appliedUpdated)} cập nhật`];
  if (imp.appliedUnchanged) parts.push(`${fmtNumber(imp.appliedUnchanged)} dòng không còn gì để cập nhật`);
  if (imp.appliedSkipped) parts.push(`${fmtNumber(imp.appliedSkipped)} dòng bỏ qua`);
  const notices = imp.appliedUnchanged || imp.appliedSkipped ? ' (sổ đã thay đổi sau khi kiểm tra tệp: xem ghi chú ở từng dòng)' : '';
  return `Đã nhập xong: ${parts.join(', ')}${notices}.`;
}
