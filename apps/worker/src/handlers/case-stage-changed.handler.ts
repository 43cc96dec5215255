import { EscalationsService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

/** A case entering a stage may already be late (e.g. a decision counted from an old dossier): the sweep of that one case. */
export class CaseStageChangedHandler extends serviceJobHandler(JobName.CASE_STAGE_CHANGED, EscalationsService, (escalations, data) =>
  escalations.sweepCase(data.caseId),
) {}
