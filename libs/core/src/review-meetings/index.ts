export * from './meeting-snapshot-source';
export * from './meeting-snapshot';
export * from './review-meetings.service';
export * from './review-meeting.types';
export { MAX_ACTION_ITEMS } from './review-meeting-checks';
export * from './action-item-escalations.sql';
