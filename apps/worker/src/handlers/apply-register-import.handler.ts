import { Injectable } from '@nestjs/common';
import { AuditLogService, RegisterImportApplyService } from '@app/core';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

/**
 * A confirmed register import: its rows left to apply are written to the enterprise register, a batch per transaction.
 * Audited as `job apply-register-import`, attributed to the user who confirmed it (docs/architecture.md#audit-log).
 */
@Injectable()
export class ApplyRegisterImportHandler implements JobHandler<JobName.APPLY_REGISTER_IMPORT> {
  readonly jobName = JobName.APPLY_REGISTER_IMPORT;
  constructor(
    private readonly imports: RegisterImportApplyService,
    private readonly audit: AuditLogService,
  ) {}

  handle(data: JobPayloads[JobName.APPLY_REGISTER_IMPORT]): Promise<unknown> {
    return this.audit.runAsImportConfirmer(`job ${JobName.APPLY_REGISTER_IMPORT}`, data.importId, () => this.imports.apply(data.importId));
  }
}
