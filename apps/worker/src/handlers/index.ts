import { ApplyOrgUnitChangesHandler } from './apply-org-unit-changes.handler';
import { ApplyRegisterImportHandler } from './apply-register-import.handler';
import { BackupDatabaseHandler } from './backup-database.handler';
import { BuildReportHandler } from './build-report.handler';
import { BuildDocumentHandler } from './build-document.handler';
import { CaseStageChangedHandler } from './case-stage-changed.handler';
import { EscalationSweepHandler } from './escalation-sweep.handler';
import { EvaluateRewardsHandler } from './evaluate-rewards.handler';
import { HealthPingHandler } from './health-ping.handler';
import { RecomputeDueDaysHandler } from './recompute-due-days.handler';
import { SchedulePeriodReportsHandler } from './schedule-period-reports.handler';
import { ScheduleRewardEvaluationsHandler } from './schedule-reward-evaluations.handler';
import { SendNotificationEmailHandler } from './send-notification-email.handler';

export {
  ApplyOrgUnitChangesHandler,
  ApplyRegisterImportHandler,
  BackupDatabaseHandler,
  BuildReportHandler,
  BuildDocumentHandler,
  CaseStageChangedHandler,
  EscalationSweepHandler,
  EvaluateRewardsHandler,
  HealthPingHandler,
  RecomputeDueDaysHandler,
  SchedulePeriodReportsHandler,
  ScheduleRewardEvaluationsHandler,
  SendNotificationEmailHandler,
};

/** Every job's handler, one per job name (JobRegistry refuses to boot otherwise). */
export const HANDLERS = [
  CaseStageChangedHandler,
  EscalationSweepHandler,
  SendNotificationEmailHandler,
  HealthPingHandler,
  EvaluateRewardsHandler,
  ScheduleRewardEvaluationsHandler,
  BuildReportHandler,
  SchedulePeriodReportsHandler,
  RecomputeDueDaysHandler,
  ApplyRegisterImportHandler,
  ApplyOrgUnitChangesHandler,
  BackupDatabaseHandler,
  BuildDocumentHandler,
];
