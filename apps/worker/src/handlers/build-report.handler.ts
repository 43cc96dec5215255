import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { ReportBuilderService } from '@app/core';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class BuildReportHandler implements JobHandler<JobName.BUILD_REPORT> {
  readonly jobName = JobName.BUILD_REPORT;
  constructor(private readonly builder: ReportBuilderService) {}

  /** A failure marks the report FAILED and rethrows, so BullMQ retries with backoff; a READY report is left alone. */
  handle(data: JobPayloads[JobName.BUILD_REPORT], job: Job) {
    return this.builder.build(data.reportId, (percent) => job.updateProgress(percent));
  }
}
