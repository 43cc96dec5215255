import { RegisterImportApplyService } from '@app/core';
import { JobName } from '@app/queue';
import { serviceJobHandler } from './service-job-handler';

/** A confirmed register import: its rows left to apply are written to the enterprise register, a batch per transaction. */
export class ApplyRegisterImportHandler extends serviceJobHandler(JobName.APPLY_REGISTER_IMPORT, RegisterImportApplyService, (imports, data) =>
  imports.apply(data.importId),
) {}
