import { Job } from 'bullmq';
import { JobName, JobPayloads } from '@app/queue';

/** One handler per job name; the registry refuses to boot with a job unhandled or handled twice. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(data: JobPayloads[N], job: Job): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

export function checkHandlers(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const map = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const h of handlers) {
    if (map.has(h.jobName)) problems.push(`job ${h.jobName} has two handlers`);
    map.set(h.jobName, h);
  }
  for (const name of Object.values(JobName)) {
    if (name === JobName.OUTBOX_RELAY) continue; // run by the relay loop itself, never queued
    if (!map.has(name)) problems.push(`job ${name} has no handler`);
  }
  if (problems.length) throw new Error(`Worker job handlers are wrong: ${problems.join('; ')}`);
  return map;
}
