import { LeaveReason, isIsoDate } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { MAX_TEXT } from '../common/text-input';

/** The checks a leaving or a transfer makes of its input, for a CĐCS's members and an upper-level union's alike. */

/** A day of the change: a date, not after today. */
export function checkChangeDay(problems: FieldProblems, field: string, day: string, today: string): void {
  if (!isIsoDate(day)) problems.add(field, 'Ngày không hợp lệ');
  else if (day > today) problems.add(field, 'Ngày không được sau hôm nay');
}

/** The note, trimmed (null when empty). */
export function checkChangeNote(problems: FieldProblems, note: string | null | undefined): string | null {
  const v = (note ?? '').normalize('NFC').trim();
  if (v.length > MAX_TEXT) problems.add('note', `Ghi chú không được dài quá ${MAX_TEXT} ký tự`);
  return v || null;
}

/** Why a membership ends by a leaving: not a transfer (recorded where it goes) nor a dissolution (restructuring). */
export function checkLeaveReason(problems: FieldProblems, reason: LeaveReason): void {
  if (reason === LeaveReason.TRANSFERRED) problems.add('reason', 'Chuyển sinh hoạt được ghi ở CĐCS nơi đến (chuyển sinh hoạt đoàn viên)');
  if (reason === LeaveReason.DISSOLVED) problems.add('reason', 'Giải thể theo chủ trương chỉ được ghi khi giải thể CĐCS (sắp xếp tổ chức)');
  else if (!Object.values(LeaveReason).includes(reason)) problems.add('reason', 'Lý do không hợp lệ');
}
