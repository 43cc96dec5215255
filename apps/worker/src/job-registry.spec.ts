import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@app/queue';
import { JobHandler } from './job-handler';
import { JobRegistry } from './job-registry';
import { WorkerMetrics } from './observability/worker-metrics';

/** The jobs that go through BullMQ: every job name but the relay's own loop. */
const QUEUED_JOBS = Object.values(JobName).filter((n) => n !== JobName.OUTBOX_RELAY);

function handler<N extends JobName>(jobName: N, handle: JobHandler<N>['handle'] = async () => ({ handled: jobName })): JobHandler<N> {
  return { jobName, handle };
}

const oneEach = () => QUEUED_JOBS.map((n) => handler(n));

function job(name: string, data: unknown = {}): Job {
  return { id: 'outbox-1', name, data, queueName: 'cases' } as unknown as Job;
}

describe('JobRegistry: dispatches each job to the handler of its name', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('refuses to be built with a bad set of handlers (the worker does not boot)', () => {
    expect(() => new JobRegistry(oneEach().slice(1))).toThrow(/has no handler/);
  });

  it('hands the job data and the job to the handler of its name, and returns its result', async () => {
    const handle = jest.fn(async (data: { reportId: string }) => ({ built: data.reportId }));
    const handlers = oneEach().map((h) => (h.jobName === JobName.BUILD_REPORT ? handler(JobName.BUILD_REPORT, handle) : h));
    const registry = new JobRegistry(handlers);
    const j = job(JobName.BUILD_REPORT, { reportId: 'r-1' });
    await expect(registry.dispatch(j)).resolves.toEqual({ built: 'r-1' });
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle).toHaveBeenCalledWith({ reportId: 'r-1' }, j);
  });

  it('fails a job whose name has no handler', async () => {
    const registry = new JobRegistry(oneEach());
    await expect(registry.dispatch(job('no-such-job'))).rejects.toThrow('No handler for job no-such-job');
  });

  it('counts each attempt as completed or failed, and rethrows a failure for BullMQ to retry', async () => {
    const outcomes: string[] = [];
    const metrics = { jobStarted: jest.fn(() => (outcome: string) => outcomes.push(outcome)) } as unknown as WorkerMetrics;
    const boom = new Error('smtp down');
    const handlers = oneEach().map((h) =>
      h.jobName === JobName.SEND_NOTIFICATION_EMAIL ? handler(JobName.SEND_NOTIFICATION_EMAIL, async () => Promise.reject(boom)) : h,
    );
    const registry = new JobRegistry(handlers, metrics);
    await registry.dispatch(job(JobName.HEALTH_PING, { pingId: 'p' }));
    await expect(registry.dispatch(job(JobName.SEND_NOTIFICATION_EMAIL, { notificationId: 'n' }))).rejects.toBe(boom);
    expect(outcomes).toEqual(['completed', 'failed']);
    expect(metrics.jobStarted).toHaveBeenCalledTimes(2);
  });
});
