import { ReviewMeetingsService } from '@app/core';
import { Province, TestApi } from './test-api';

/** Review meetings over GraphQL (docs/architecture.md#review-meetings), shared by the API, scope and browser tests. */

export const SNAPSHOT_FIELDS = `asOf year unitName openCases overdueCases budgetSpent
  newMembers { target actual yearToDate } newGrassrootsUnions { target actual yearToDate }
  coverage { enterprises25Plus withUnion percent targetPercent }
  stages { stage count overdue }
  overdueCaseList { caseId enterpriseName stage stageDueOn assigneeName daysLate }
  officers { officerId fullName cases openCases overdueCases recognitions membersAdmitted targetMembers stages { stage count overdue } coverage { percent } budgetSpent }`;

export const MEETING_FIELDS = `id orgUnitId day title chairId chairName status minutes heldAt cancelReason
  snapshot { ${SNAPSHOT_FIELDS} }
  actionItems { id position what assigneeId assigneeName dueOn warningOn criticalOn status escalationLevel lateness { status label } }`;

export const RM = {
  schedule: `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { ${MEETING_FIELDS} } }`,
  monthly: `mutation($i: ScheduleMonthlyReviewMeetingsInput!) { scheduleMonthlyReviewMeetings(input: $i) { id day status } }`,
  cancel: `mutation($i: CancelReviewMeetingInput!) { cancelReviewMeeting(input: $i) { id status cancelReason } }`,
  hold: `mutation($i: HoldReviewMeetingInput!) { holdReviewMeeting(input: $i) { ${MEETING_FIELDS} } }`,
  complete: `mutation($id: ID!) { completeActionItem(id: $id) { id status lateness { status label } } }`,
  list: `query($u: ID!, $y: Int!) { reviewMeetings(orgUnitId: $u, year: $y) { id day status title chairName } }`,
  get: `query($id: ID!) { reviewMeeting(id: $id) { ${MEETING_FIELDS}
    previous { id day snapshot { ${SNAPSHOT_FIELDS} } }
    changeSincePrevious { officerId fullName indicator label kind previous current change } } }`,
};

/** A meeting of the province's unit on `day`, chaired by its supervisor (through the service: days in the past are allowed). */
export async function scheduleMeeting(api: TestApi, p: Province, day: string, title: string | null = null): Promise<string> {
  const d = await api.ok(RM.schedule, { i: { orgUnitId: p.unitId, day, chairId: p.supervisor.id, title } }, p.supervisor.token);
  return d.scheduleReviewMeeting.id;
}

/** Schedules and holds a meeting on `day` (held "today" = `today`, through the service so that the day may be chosen). */
export async function heldMeeting(
  api: TestApi,
  p: Province,
  day: string,
  items: { what: string; assigneeId: string; dueOn: string }[] = [],
  minutes = 'Biên bản giao ban: đánh giá tiến độ, giao việc.',
): Promise<string> {
  const id = await scheduleMeeting(api, p, day);
  await api.ok(RM.hold, { i: { id, minutes, actionItems: items } }, p.supervisor.token);
  return id;
}

export const meetingsService = (api: TestApi) => api.app.get(ReviewMeetingsService);
