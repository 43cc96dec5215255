/** Queue names, job names and payloads: one typed union, ids only in payloads. */
export enum QueueName {
  CASES = 'cases',
  ESCALATIONS = 'escalations',
  NOTIFICATIONS = 'notifications',
  REPORTS = 'reports',
  REWARDS = 'rewards',
  SYSTEM = 'system',
  /** Bulk writes of confirmed register imports, one at a time. */
  IMPORTS = 'imports',
  /** Official documents' DOCX and PDF: several at once, so their PDFs share one LibreOffice run (pdf-convert.ts). */
  DOCUMENTS = 'documents',
}

export enum JobName {
  CASE_STAGE_CHANGED = 'case-stage-changed',
  ESCALATION_SWEEP = 'escalation-sweep',
  SEND_NOTIFICATION_EMAIL = 'send-notification-email',
  OUTBOX_RELAY = 'outbox-relay',
  HEALTH_PING = 'health-ping',
  EVALUATE_REWARDS = 'evaluate-rewards',
  SCHEDULE_REWARD_EVALUATIONS = 'schedule-reward-evaluations',
  BUILD_REPORT = 'build-report',
  SCHEDULE_PERIOD_REPORTS = 'schedule-period-reports',
  RECOMPUTE_DUE_DAYS = 'recompute-due-days',
  APPLY_REGISTER_IMPORT = 'apply-register-import',
  APPLY_ORG_UNIT_CHANGES = 'apply-org-unit-changes',
  /** The daily pg_dump into BACKUP_DIR, keeping the newest BACKUP_KEEP. */
  BACKUP_DATABASE = 'backup-database',
  BUILD_DOCUMENT = 'build-document',
}

export interface JobPayloads {
  [JobName.CASE_STAGE_CHANGED]: { caseId: string; version: number };
  [JobName.ESCALATION_SWEEP]: { caseId?: string };
  [JobName.SEND_NOTIFICATION_EMAIL]: { notificationId: string };
  [JobName.OUTBOX_RELAY]: Record<string, never>;
  [JobName.HEALTH_PING]: { pingId: string };
  /** One unit's evaluation of one occasion (RewardOccasion) of `year`. */
  [JobName.EVALUATE_REWARDS]: { orgUnitId: string; occasion: 'YEAR_END' | 'WORKERS_MONTH' | 'ANNIVERSARY'; year: number };
  /** `today` (YYYY-MM-DD) overrides the current day in Asia/Ho_Chi_Minh, for reruns of a missed day. */
  [JobName.SCHEDULE_REWARD_EVALUATIONS]: { today?: string };
  [JobName.BUILD_REPORT]: { reportId: string };
  /** `today` (YYYY-MM-DD) overrides the current day in Asia/Ho_Chi_Minh, for reruns of a missed day. */
  [JobName.SCHEDULE_PERIOD_REPORTS]: { today?: string };
  /** A calendar day (YYYY-MM-DD) was set or removed (a batch: `day` … `until`): stored due days they can move are computed again. */
  [JobName.RECOMPUTE_DUE_DAYS]: { day: string; until?: string };
  /** A confirmed register import: its unapplied rows are written to the register, in batches. */
  [JobName.APPLY_REGISTER_IMPORT]: { importId: string };
  /** The start of a day in Vietnam: the structure changes scheduled for it (or missed before) are applied, once each. */
  [JobName.APPLY_ORG_UNIT_CHANGES]: { today?: string };
  [JobName.BACKUP_DATABASE]: Record<string, never>;
  /** An issued official document: its DOCX and PDF are rendered (docs/architecture.md#official-documents). */
  [JobName.BUILD_DOCUMENT]: { documentId: string };
}

export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.CASE_STAGE_CHANGED]: QueueName.CASES,
  [JobName.ESCALATION_SWEEP]: QueueName.ESCALATIONS,
  [JobName.SEND_NOTIFICATION_EMAIL]: QueueName.NOTIFICATIONS,
  [JobName.OUTBOX_RELAY]: QueueName.SYSTEM,
  [JobName.HEALTH_PING]: QueueName.SYSTEM,
  [JobName.EVALUATE_REWARDS]: QueueName.REWARDS,
  [JobName.SCHEDULE_REWARD_EVALUATIONS]: QueueName.REWARDS,
  [JobName.BUILD_REPORT]: QueueName.REPORTS,
  [JobName.SCHEDULE_PERIOD_REPORTS]: QueueName.REPORTS,
  [JobName.RECOMPUTE_DUE_DAYS]: QueueName.CASES,
  [JobName.APPLY_REGISTER_IMPORT]: QueueName.IMPORTS,
  [JobName.APPLY_ORG_UNIT_CHANGES]: QueueName.SYSTEM,
  [JobName.BACKUP_DATABASE]: QueueName.SYSTEM,
  [JobName.BUILD_DOCUMENT]: QueueName.DOCUMENTS,
};

/** One place for job options: retries with backoff, finished jobs removed. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} as const;
