import { Inject, Injectable, Type } from '@nestjs/common';
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
