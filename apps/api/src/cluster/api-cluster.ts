import cluster, { Worker } from 'node:cluster';
import { SHUTDOWN_SIGNALS } from '@app/core';

/** More deaths than this within RESTART_WINDOW_MS: something is wrong at boot, stop instead of looping. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

interface Log {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The primary of API_PROCESSES > 1: forks that many API processes sharing the port (node:cluster hands
 * connections round-robin), forks again one that dies, and on SIGTERM/SIGINT passes the signal on and
 * exits once every process has drained (each bounds its own drain by SHUTDOWN_TIMEOUT_MS). The API is
 * stateless: tokens are signed JWTs any process verifies (the user row is read on every request), and the login throttle's counts live in Postgres, so any process can answer any request.
 */
export function runApiCluster(processes: number, shutdownTimeoutMs: number, log: Log): void {
  let stopping = false;
  const deaths: number[] = [];
  const fork = (): Worker => cluster.fork();

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && now - deaths[0] > RESTART_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_RESTARTS) {
      log.error(`API process ${worker.process.pid} exited (${signal ?? code}); ${deaths.length} exits within ${RESTART_WINDOW_MS} ms: giving up`);
      process.exit(1);
    }
    log.warn(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  for (const s of SHUTDOWN_SIGNALS) {
    process.on(s, () => {
      if (stopping) return;
      stopping = true;
      log.log(`${s}: stopping ${Object.keys(cluster.workers ?? {}).length} API processes`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      // Each process exits within its own deadline; this one only if a process hangs past it.
      setTimeout(() => {
        log.error(`API processes did not exit within ${shutdownTimeoutMs + 2000} ms; exiting anyway`);
        process.exit(1);
      }, shutdownTimeoutMs + 2000).unref();
    });
  }

  for (let i = 0; i < processes; i++) fork();
  log.log(`API primary ${process.pid}: ${processes} processes`);
}

export function isClusterPrimary(processes: number): boolean {
  return processes > 1 && cluster.isPrimary;
}
