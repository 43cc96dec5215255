import { JobName } from '@app/queue';
import { JobHandler, checkHandlers } from './job-handler';

/** The jobs that go through BullMQ: every job name but the relay's own loop. */
const QUEUED_JOBS = Object.values(JobName).filter((n) => n !== JobName.OUTBOX_RELAY);

function handler<N extends JobName>(jobName: N, handle: JobHandler<N>['handle'] = async () => ({ handled: jobName })): JobHandler<N> {
  return { jobName, handle };
}

const oneEach = () => QUEUED_JOBS.map((n) => handler(n));

describe('checkHandlers: the worker boots only with exactly one handler per queued job', () => {
  it('maps every queued job to its one handler', () => {
    const handlers = oneEach();
    const map = checkHandlers(handlers);
    expect([...map.keys()].sort()).toEqual([...QUEUED_JOBS].sort());
    for (const h of handlers) expect(map.get(h.jobName)).toBe(h);
  });

  it('needs no handler for the outbox relay: the relay loop runs it, it is never queued', () => {
    expect(() => checkHandlers(oneEach())).not.toThrow();
    expect(checkHandlers(oneEach()).has(JobName.OUTBOX_RELAY)).toBe(false);
  });

  it('refuses a job without a handler, naming it', () => {
    const handlers = oneEach().filter((h) => h.jobName !== JobName.BUILD_REPORT);
    expect(() => checkHandlers(handlers)).toThrow(`Worker job handlers are wrong: job ${JobName.BUILD_REPORT} has no handler`);
  });

  it('refuses a job with two handlers, naming it', () => {
    const handlers = [...oneEach(), handler(JobName.RECOMPUTE_DUE_DAYS)];
    expect(() => checkHandlers(handlers)).toThrow(`Worker job handlers are wrong: job ${JobName.RECOMPUTE_DUE_DAYS} has two handlers`);
  });

  it('names every problem at once', () => {
    const handlers = [
      ...oneEach().filter((h) => h.jobName !== JobName.SEND_NOTIFICATION_EMAIL && h.jobName !== JobName.EVALUATE_REWARDS),
      handler(JobName.HEALTH_PING),
    ];
    let message = '';
    try {
      checkHandlers(handlers);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`job ${JobName.HEALTH_PING} has two handlers`);
    expect(message).toContain(`job ${JobName.SEND_NOTIFICATION_EMAIL} has no handler`);
    expect(message).toContain(`job ${JobName.EVALUATE_REWARDS} has no handler`);
    expect(message.split('; ')).toHaveLength(3);
  });

  it('with no handlers at all, names every queued job', () => {
    expect(() => checkHandlers([])).toThrow(Error);
    try {
      checkHandlers([]);
    } catch (e) {
      for (const n of QUEUED_JOBS) expect((e as Error).message).toContain(`job ${n} has no handler`);
    }
  });
});
