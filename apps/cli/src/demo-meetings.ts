import { INestApplicationContext } from '@nestjs/common';
import { Actor, ReviewMeetingsService } from '@app/core';

/**
 * The demo unit's review meetings (docs/architecture.md#review-meetings): the October and November 2026 monthly
 * meetings, held with minutes and action items (their snapshots frozen as of their days; the November page shows the
 * change since October), one October item done and one left open past its due day for the sweep to escalate, and the
 * year's remaining monthly meetings scheduled.
 */
export const DEMO_MEETING_DAYS = ['2026-10-05', '2026-11-05'] as const;

export async function loadDemoMeetings(app: INestApplicationContext, supervisor: Actor, officers: readonly Actor[]): Promise<void> {
  const meetings = app.get(ReviewMeetingsService);
  const unitId = supervisor.orgUnitId;
  const [october, november] = DEMO_MEETING_DAYS;

  const first = await meetings.schedule(supervisor, { orgUnitId: unitId, day: october, chairId: supervisor.userId, title: 'Giao ban tháng 10/2026' });
  await meetings.hold(supervisor, {
    id: first.id,
    minutes:
      'Đánh giá tiến độ 9 tháng thực hiện Kế hoạch 256/KH-CĐYT: kết nạp đoàn viên đạt khá, thành lập CĐCS còn chậm ở khối doanh nghiệp tư nhân. ' +
      'Thống nhất tập trung khảo sát các doanh nghiệp từ 25 lao động chưa có công đoàn; đề nghị cán bộ phụ trách cập nhật hồ sơ đúng hạn.',
    actionItems: [
      { what: 'Rà soát danh sách doanh nghiệp từ 25 lao động chưa có công đoàn trên địa bàn thành phố', assigneeId: officers[0].userId, dueOn: '2026-10-16' },
      { what: 'Hoàn thiện hồ sơ đề nghị công nhận CĐCS các hồ sơ đã tổ chức đại hội', assigneeId: officers[1].userId, dueOn: '2026-10-23' },
    ],
  });
  const [done] = (await meetings.actionItems([first.id])).get(first.id)!;
  await meetings.completeActionItem(officers[0], done.id);

  const second = await meetings.schedule(supervisor, { orgUnitId: unitId, day: november, chairId: supervisor.userId, title: 'Giao ban tháng 11/2026' });
  await meetings.hold(supervisor, {
    id: second.id,
    minutes:
      'Kiểm điểm việc thực hiện kết luận giao ban tháng 10: đã rà soát xong danh sách doanh nghiệp; hồ sơ đề nghị công nhận còn chậm. ' +
      'Giao các đồng chí cán bộ đẩy nhanh tuyên truyền tại các doanh nghiệp đang vận động và báo cáo kết quả trước giao ban tháng 12.',
    actionItems: [
      {
        what: 'Tổ chức tuyên truyền tại hai doanh nghiệp đang vận động thành lập ban vận động',
        assigneeId: officers[2 % officers.length].userId,
        dueOn: '2026-11-20',
      },
      { what: 'Báo cáo kết quả kết nạp đoàn viên tại các CĐCS mới thành lập', assigneeId: officers[1].userId, dueOn: '2026-11-20' },
    ],
  });

  // The rest of the year's meetings, on the first working day from the 5th (months with a meeting are left out).
  await meetings.scheduleMonthly(supervisor, {
    orgUnitId: unitId,
    year: 2026,
    chairId: supervisor.userId,
    dayOfMonth: 5,
    title: 'Giao ban định kỳ hằng tháng',
  });
}
