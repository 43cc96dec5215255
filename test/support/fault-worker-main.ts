/**
 * Entry of the worker child that the fault tests start (see worker-process.ts): the product's
 * worker (createWorker from apps/worker/src/main.ts, as its main() boots it), plus
 *  - optional BullMQ lock/stalled timings (FAULT_LOCK_DURATION_MS, FAULT_STALLED_INTERVAL_MS),
 *  - a line `FAULT_WORKER_READY <port>` on stdout once it listens,
 *  - an exit when stdin closes (the test process died without killing it).
 */
import 'reflect-metadata';
import { APP_CONFIG, AppConfig, loadConfig } from '@app/config';
import { createWorker } from '../../apps/worker/src/main';
import { setStallTiming } from './worker-process';

async function main(): Promise<void> {
  process.stdin.on('end', () => process.exit(70));
  process.stdin.on('error', () => process.exit(70));
  process.stdin.resume();
  loadConfig();
  const lockDuration = Number(process.env.FAULT_LOCK_DURATION_MS ?? 0);
  const stalledInterval = Number(process.env.FAULT_STALLED_INTERVAL_MS ?? 0);
  if (lockDuration > 0 && stalledInterval > 0) setStallTiming({ lockDuration, stalledInterval });
  const app = await createWorker();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.workerHealthPort, '127.0.0.1');
  process.stdout.write(`FAULT_WORKER_READY ${config.workerHealthPort}\n`);
}

main().catch((e) => {
  process.stderr.write(`fault worker failed to boot: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
