import { EscalationsService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

/** The scheduled sweep of every late case and overdue application; with a case id, the sweep of that case. */
export class EscalationSweepHandler extends serviceJobHandler(JobName.ESCALATION_SWEEP, EscalationsService, (escalations, data) =>
  data.caseId ? escalations.sweepCase(data.caseId) : escalations.sweep(),
) {}
