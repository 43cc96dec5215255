import { op } from './queries';
import type * as G from './generated/graphql';

// Review meetings (giao ban): the year's list and the meeting page (docs/architecture.md#review-meetings).

const SNAPSHOT = /* GraphQL */ `fragment MeetingSnapshotFields on ReviewMeetingSnapshot { asOf unitName openCases overdueCases budgetSpent
  newMembers { target yearToDate } newGrassrootsUnions { target yearToDate }
  coverage { enterprises25Plus withUnion percent targetPercent }
  stages { stage count overdue }
  overdueCaseList { caseId enterpriseName stage stageDueOn assigneeName daysLate }
  officers { officerId fullName openCases overdueCases recognitions membersAdmitted targetMembers targetGrassrootsUnions budgetSpent } }`;

export const MEETINGS = {
  list: op<G.ReviewMeetingsQuery, G.ReviewMeetingsQueryVariables>(/* GraphQL */ `query ReviewMeetings($u: ID!, $y: Int!) {
    reviewMeetings(orgUnitId: $u, year: $y) { id day title status chairName heldAt } }`),
  get: op<G.ReviewMeetingQuery, G.ReviewMeetingQueryVariables>(/* GraphQL */ `query ReviewMeeting($id: ID!) {
    reviewMeeting(id: $id) { id orgUnitId orgUnitName day title status chairName minutes heldAt cancelReason
      snapshot { ...MeetingSnapshotFields }
      previous { id day snapshot { ...MeetingSnapshotFields } }
      changeSincePrevious { officerId fullName indicator label kind previous current change }
      actionItems { id position what assigneeId assigneeName dueOn status completedAt escalationLevel lateness { status label } } } } ${SNAPSHOT}`),
  schedule: op<G.ScheduleMeetingMutation, G.ScheduleMeetingMutationVariables>(/* GraphQL */ `mutation ScheduleMeeting($i: ScheduleReviewMeetingInput!) {
    scheduleReviewMeeting(input: $i) { id day } }`),
  monthly: op<G.ScheduleMonthlyMeetingsMutation, G.ScheduleMonthlyMeetingsMutationVariables>(/* GraphQL */ `mutation ScheduleMonthlyMeetings(
    $i: ScheduleMonthlyReviewMeetingsInput!) { scheduleMonthlyReviewMeetings(input: $i) { id day } }`),
  cancel: op<G.CancelMeetingMutation, G.CancelMeetingMutationVariables>(/* GraphQL */ `mutation CancelMeeting($i: CancelReviewMeetingInput!) {
    cancelReviewMeeting(input: $i) { id status } }`),
  hold: op<G.HoldMeetingMutation, G.HoldMeetingMutationVariables>(/* GraphQL */ `mutation HoldMeeting($i: HoldReviewMeetingInput!) {
    holdReviewMeeting(input: $i) { id status } }`),
  complete: op<G.CompleteActionItemMutation, G.CompleteActionItemMutationVariables>(/* GraphQL */ `mutation CompleteActionItem($id: ID!) {
    completeActionItem(id: $id) { id status } }`),
};

export type MeetingRow = G.ReviewMeetingsQuery['reviewMeetings'][number];
export type Meeting = G.ReviewMeetingQuery['reviewMeeting'];
export type MeetingSnapshot = G.MeetingSnapshotFieldsFragment;
export type SnapshotChange = Meeting['changeSincePrevious'][number];
export type ActionItem = Meeting['actionItems'][number];
