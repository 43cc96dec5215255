import type { LoggerService } from '@nestjs/common';

/**
 * The bound on the worker's graceful shutdown (the API has the same, apps/api/src/observability):
 * on SIGTERM/SIGINT Nest's shutdown hooks close the BullMQ workers, which wait for the jobs in
 * progress, then the relay, queues and Postgres, and exit 0; past `ms` this exits 1 (a job that
 * does not end is retried by BullMQ once its lock expires).
 */
export function exitWithinDeadline(logger: LoggerService, ms: number): void {
  let armed = false;
  const arm = (signal: NodeJS.Signals) => {
    if (armed) return;
    armed = true;
    logger.log(`${signal}: finishing the jobs in progress, then exiting (at most ${ms} ms)`);
    setTimeout(() => {
      logger.error(`Shutdown did not finish within ${ms} ms; exiting anyway`);
      process.exit(1);
    }, ms).unref();
  };
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, arm);
}
