import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@app/queue';
import { JOB_HANDLERS, JobHandler, checkHandlers } from './job-handler';

/** Dispatches a job to the one handler of its name. */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly handlers: Map<JobName, JobHandler>;

  constructor(@Inject(JOB_HANDLERS) handlers: JobHandler[]) {
    this.handlers = checkHandlers(handlers);
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const started = Date.now();
    const result = await handler.handle(job.data, job);
    this.logger.debug(`${job.name} ${job.id} done in ${Date.now() - started} ms`);
    return result;
  }
}
