import { IsoDate, Lateness, LateStatus, MonthlyMeetingRule } from '@app/domain';
import { MeetingSnapshot } from './meeting-snapshot';

// What the review meetings' service reads and takes (docs/architecture.md#review-meetings).

export type ReviewMeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';
export type ActionItemStatus = 'OPEN' | 'DONE';

export interface ActionItemView {
  id: string;
  meetingId: string;
  position: number;
  what: string;
  assigneeId: string;
  assigneeName: string;
  dueOn: IsoDate;
  warningOn: IsoDate;
  criticalOn: IsoDate;
  status: ActionItemStatus;
  completedAt: Date | null;
  completedById: string | null;
  /** The highest escalation level raised for it (WARNING, BREACH, CRITICAL), or null. */
  escalationLevel: string | null;
  lateness: Lateness;
}

export interface ReviewMeetingView {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitPath: string;
  day: IsoDate;
  title: string | null;
  chairId: string;
  chairName: string;
  status: ReviewMeetingStatus;
  minutes: string | null;
  snapshot: MeetingSnapshot | null;
  heldAt: Date | null;
  heldById: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
}

export interface ScheduleReviewMeeting {
  orgUnitId: string;
  day: IsoDate;
  chairId: string;
  title?: string | null;
}

export interface ScheduleMonthlyReviewMeetings {
  orgUnitId: string;
  year: number;
  chairId: string;
  rule?: MonthlyMeetingRule | null;
  dayOfMonth?: number | null;
  title?: string | null;
}

export interface HoldReviewMeeting {
  id: string;
  minutes: string;
  actionItems: { what: string; assigneeId: string; dueOn: IsoDate }[];
}

/** Whether an item is still open and past its due day (for lists that only need the flag). */
export const isLateItem = (a: ActionItemView) => a.status === 'OPEN' && [LateStatus.OVERDUE, LateStatus.CRITICAL].includes(a.lateness.status);
