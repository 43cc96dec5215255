import { Injectable } from '@nestjs/common';
import { DueDaysService, EscalationsService, NotificationMailer } from '@app/core';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class CaseStageChangedHandler implements JobHandler<JobName.CASE_STAGE_CHANGED> {
  readonly jobName = JobName.CASE_STAGE_CHANGED;
  constructor(private readonly escalations: EscalationsService) {}

  /** A case entering a stage may already be late (e.g. a decision counted from an old dossier). */
  handle(data: JobPayloads[JobName.CASE_STAGE_CHANGED]) {
    return this.escalations.sweepCase(data.caseId);
  }
}

@Injectable()
export class RecomputeDueDaysHandler implements JobHandler<JobName.RECOMPUTE_DUE_DAYS> {
  readonly jobName = JobName.RECOMPUTE_DUE_DAYS;
  constructor(private readonly dueDays: DueDaysService) {}

  /** An admin changed a calendar day: due days that it moves follow it (levels already raised stay raised). */
  handle(data: JobPayloads[JobName.RECOMPUTE_DUE_DAYS]) {
    return this.dueDays.recompute(data.day);
  }
}

@Injectable()
export class EscalationSweepHandler implements JobHandler<JobName.ESCALATION_SWEEP> {
  readonly jobName = JobName.ESCALATION_SWEEP;
  constructor(private readonly escalations: EscalationsService) {}

  handle(data: JobPayloads[JobName.ESCALATION_SWEEP]) {
    return data.caseId ? this.escalations.sweepCase(data.caseId) : this.escalations.sweep();
  }
}

@Injectable()
export class SendNotificationEmailHandler implements JobHandler<JobName.SEND_NOTIFICATION_EMAIL> {
  readonly jobName = JobName.SEND_NOTIFICATION_EMAIL;
  constructor(private readonly mailer: NotificationMailer) {}

  handle(data: JobPayloads[JobName.SEND_NOTIFICATION_EMAIL]) {
    return this.mailer.send(data.notificationId);
  }
}

@Injectable()
export class HealthPingHandler implements JobHandler<JobName.HEALTH_PING> {
  readonly jobName = JobName.HEALTH_PING;

  async handle(data: JobPayloads[JobName.HEALTH_PING]) {
    return { pong: data.pingId };
  }
}
