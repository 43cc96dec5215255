import { RestructuringService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

/** The start of a day: scheduled structure changes due by today are applied, once each (docs/architecture.md#restructuring). */
export class ApplyOrgUnitChangesHandler extends serviceJobHandler(JobName.APPLY_ORG_UNIT_CHANGES, RestructuringService, (restructuring, data) =>
  restructuring.applyDue(data.today),
) {}
