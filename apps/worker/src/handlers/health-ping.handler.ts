import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/queue';
import { JobHandler } from '../job-handler';

@Injectable()
export class HealthPingHandler implements JobHandler<JobName.HEALTH_PING> {
  readonly jobName = JobName.HEALTH_PING;

  async handle(data: JobPayloads[JobName.HEALTH_PING]) {
    return { pong: data.pingId };
  }
}
