import type { LoggerService } from '@nestjs/common';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * The bound on a graceful shutdown, for the API and the worker. Nest's shutdown hooks
 * (enableShutdownHooks with useProcessExit) close the app on SIGTERM/SIGINT: the API stops taking
 * connections and drains the requests in flight; the worker's BullMQ workers wait for the jobs in
 * progress; then queues and Postgres close and the process exits 0. Should any of that hang
 * (a request stuck on a lock, Postgres gone), this exits 1 after `ms` (a job that did not end is
 * retried by BullMQ once its lock expires).
 */
export function exitWithinDeadline(logger: LoggerService, ms: number, what = 'in-flight requests'): void {
  let armed = false;
  const arm = (signal: NodeJS.Signals) => {
    if (armed) return;
    armed = true;
    logger.log(`${signal}: finishing ${what}, then exiting (at most ${ms} ms)`);
    setTimeout(() => {
      logger.error(`Shutdown did not finish within ${ms} ms; exiting anyway`);
      process.exit(1);
    }, ms).unref();
  };
  for (const s of SHUTDOWN_SIGNALS) process.on(s, arm);
}
