export * from './meeting-snapshot-source';
export * from './meeting-snapshot';
export * from './review-meetings.service';
export * from './action-item-escalations.sql';
