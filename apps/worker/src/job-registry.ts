import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@app/queue';
import { JOB_HANDLERS, JobHandler, checkHandlers } from './job-handler';
import { WorkerMetrics } from './observability/worker-metrics';

/** Dispatches a job to the one handler of its name. */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly handlers: Map<JobName, JobHandler>;

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Optional() private readonly metrics?: WorkerMetrics,
  ) {
    this.handlers = checkHandlers(handlers);
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const started = Date.now();
    const done = this.metrics?.jobStarted(job);
    let result: unknown;
    try {
      result = await handler.handle(job.data, job);
    } catch (e) {
      done?.('failed');
      throw e;
    }
    done?.('completed');
    this.logger.debug(`${job.name} ${job.id} done in ${Date.now() - started} ms`);
    return result;
  }
}
