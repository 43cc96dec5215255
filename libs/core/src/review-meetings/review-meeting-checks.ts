import { EntityManager } from 'typeorm';
import { addDays, isIsoDate } from '@app/domain';
import { subtreeLike } from '../common/actor';
import { FieldProblems } from '../common/field-problems';
import { RULE, dayMonthYear } from '../common/messages-vi';
import { isUuid } from '../identity/account-errors';
import { HoldReviewMeeting, ReviewMeetingView } from './review-meeting.types';

// The checks of what a meeting is scheduled or held with: each adds its problems, the caller refuses them together.

const MAX_WHAT = 1000;
const MAX_TITLE = 300;
export const MAX_ACTION_ITEMS = 50;

export function meetingTitle(problems: FieldProblems, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.normalize('NFC').trim();
  if (v.length > MAX_TITLE) problems.add('title', RULE.tooLong('title', MAX_TITLE));
  return v || null;
}

/** The chair: an active SUPERVISOR or OFFICER of the unit or of a unit above it. */
export async function checkChair(m: EntityManager, problems: FieldProblems, unit: { path: string }, chairId: string): Promise<void> {
  const [u] = isUuid(chairId)
    ? await m.query(
        `SELECT 1 FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
          WHERE u.id = $1 AND u.active AND u.role IN ('SUPERVISOR', 'OFFICER') AND ($2 = o.path OR $2 LIKE o.path || '.%')`,
        [chairId, unit.path],
      )
    : [];
  if (!u) problems.add('chairId', 'Người chủ trì phải là lãnh đạo hoặc cán bộ đang làm việc của đơn vị hoặc đơn vị cấp trên');
}

/** Each item: what (1–1000 characters), an active officer or supervisor of the unit's subtree, a due day from the meeting's day to a year after it. */
export async function checkActionItems(
  m: EntityManager,
  problems: FieldProblems,
  meeting: ReviewMeetingView,
  items: HoldReviewMeeting['actionItems'],
): Promise<void> {
  const ids = [...new Set(items.map((a) => a.assigneeId).filter(isUuid))];
  const ok: { id: string }[] = ids.length
    ? await m.query(
        `SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
          WHERE u.id = ANY($1) AND u.active AND u.role IN ('SUPERVISOR', 'OFFICER') AND (o.path = $2 OR o.path LIKE $3)`,
        [ids, meeting.orgUnitPath, subtreeLike(meeting.orgUnitPath)],
      )
    : [];
  const allowed = new Set(ok.map((r) => r.id));
  const latest = addDays(meeting.day, 366);
  items.forEach((a, i) => {
    if (!a.what) problems.add(`actionItems.${i}.what`, `Việc cần làm số ${i + 1}: chưa ghi nội dung`);
    else if (a.what.length > MAX_WHAT) problems.add(`actionItems.${i}.what`, `Việc cần làm số ${i + 1}: nội dung không được dài quá 1.000 ký tự`);
    if (!allowed.has(a.assigneeId))
      problems.add(`actionItems.${i}.assigneeId`, `Việc cần làm số ${i + 1}: người thực hiện phải là cán bộ hoặc lãnh đạo đang làm việc của đơn vị`);
    if (typeof a.dueOn !== 'string' || !isIsoDate(a.dueOn)) problems.add(`actionItems.${i}.dueOn`, `Việc cần làm số ${i + 1}: hạn phải là một ngày có thật`);
    else if (a.dueOn < meeting.day)
      problems.add(`actionItems.${i}.dueOn`, `Việc cần làm số ${i + 1}: hạn không được trước ngày giao ban (${dayMonthYear(meeting.day)})`);
    else if (a.dueOn > latest) problems.add(`actionItems.${i}.dueOn`, `Việc cần làm số ${i + 1}: hạn không được quá một năm sau ngày giao ban`);
  });
}
