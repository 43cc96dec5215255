import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { loadConfig } from '@app/config';
import { QueueName, throttledErrorLog } from '@app/queue';
import { JobRegistry } from '../job-registry';

const CONCURRENCY: Record<QueueName, number> = {
  [QueueName.CASES]: 8,
  [QueueName.ESCALATIONS]: 1,
  [QueueName.NOTIFICATIONS]: 4,
  [QueueName.REPORTS]: 1,
  [QueueName.REWARDS]: 1,
  [QueueName.SYSTEM]: 8,
  [QueueName.IMPORTS]: 1,
  [QueueName.DOCUMENTS]: 16,
};

/** Lock timings from the environment (WORKER_LOCK_DURATION_MS, WORKER_STALLED_INTERVAL_MS), read when this module loads, before main() validates the environment: an invalid one falls back to BullMQ's defaults here, and main() then stops the boot anyway. */
function lockTimings(): { lockDuration?: number; stalledInterval?: number } {
  try {
    const c = loadConfig();
    return { lockDuration: c.workerLockDurationMs, stalledInterval: c.workerStalledIntervalMs };
  } catch {
    return {};
  }
}

/** A BullMQ worker for one queue, handing each job to the registry. */
function processorFor(queue: QueueName) {
  const logError = throttledErrorLog(new Logger(`Queue ${queue}`));

  @Processor(queue, { concurrency: CONCURRENCY[queue], ...lockTimings() })
  class QueueProcessor extends WorkerHost {
    constructor(private readonly registry: JobRegistry) {
      super();
    }

    process(job: Job): Promise<unknown> {
      return this.registry.dispatch(job);
    }

    /** Connection errors while Redis is away: logged, throttled, instead of raw stacks on stderr. */
    @OnWorkerEvent('error')
    onError(e: Error): void {
      logError(e);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}Processor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Object.values(QueueName).map(processorFor);
