import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName } from '@app/queue';
import { JobRegistry } from '../job-registry';

const CONCURRENCY: Record<QueueName, number> = {
  [QueueName.CASES]: 8,
  [QueueName.ESCALATIONS]: 1,
  [QueueName.NOTIFICATIONS]: 4,
  [QueueName.REPORTS]: 1,
  [QueueName.REWARDS]: 1,
  [QueueName.SYSTEM]: 8,
};

/** A BullMQ worker for one queue, handing each job to the registry. */
function processorFor(queue: QueueName) {
  @Processor(queue, { concurrency: CONCURRENCY[queue] })
  class QueueProcessor extends WorkerHost {
    constructor(private readonly registry: JobRegistry) {
      super();
    }

    process(job: Job): Promise<unknown> {
      return this.registry.dispatch(job);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}Processor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Object.values(QueueName).map(processorFor);
