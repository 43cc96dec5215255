import { DueDaysService } from '@app/core';
import { JobName } from '@app/queue';
import { auditedServiceJobHandler } from './service-job-handler';

/** An admin changed a calendar day: due days that it moves follow it (levels already raised stay raised). */
export class RecomputeDueDaysHandler extends auditedServiceJobHandler(JobName.RECOMPUTE_DUE_DAYS, DueDaysService, (dueDays, data) =>
  dueDays.recompute(data.day, undefined, data.until ?? data.day),
) {}
