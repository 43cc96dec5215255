import { Inject, Injectable, Type } from '@nestjs/common';
import { Job } from 'bullmq';
import { AuditLogService } from '@app/core';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

/**
 * The base of a handler whose work is one call on one service with the job's payload:
 * `class XHandler extends serviceJobHandler(name, Service, call) {}`. The subclass gives the handler its own name
 * (the module's provider, the registry's boot check, the logs).
 */
export function serviceJobHandler<N extends JobName, S>(jobName: N, service: Type<S>, call: (service: S, data: JobPayloads[N]) => Promise<unknown>) {
  @Injectable()
  class ServiceJobHandler implements JobHandler<N> {
    readonly jobName = jobName;
    constructor(@Inject(service) private readonly service: S) {}

    handle(data: JobPayloads[N]): Promise<unknown> {
      return call(this.service, data);
    }
  }
  return ServiceJobHandler;
}

/**
 * `serviceJobHandler` whose work is audited (docs/architecture.md#audit-log): the rows it changes are recorded under
 * one audit row `job <name>` attributed to the system, keyed by the job's id (a retry adds to the same row).
 */
export function auditedServiceJobHandler<N extends JobName, S>(jobName: N, service: Type<S>, call: (service: S, data: JobPayloads[N]) => Promise<unknown>) {
  @Injectable()
  class AuditedServiceJobHandler implements JobHandler<N> {
    readonly jobName = jobName;
    constructor(
      @Inject(service) private readonly service: S,
      private readonly audit: AuditLogService,
    ) {}

    handle(data: JobPayloads[N], job: Job): Promise<unknown> {
      return this.audit.runAs(`job ${jobName}`, `${job.queueName}:${job.id}`, null, () => call(this.service, data));
    }
  }
  return AuditedServiceJobHandler;
}
