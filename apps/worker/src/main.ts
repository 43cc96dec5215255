import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, loadConfigOrExit } from '@app/config';
import { assertStageGraphSound } from '@app/domain';
import { WorkerModule } from './worker.module';
import { exitWithinDeadline } from '@app/core';

/** The worker: BullMQ processors, the outbox relay and the schedulers; HTTP only for /health and /metrics. */
export async function createWorker() {
  assertStageGraphSound();
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT: wait for the jobs in progress, close, exit 0 (bounded in main by exitWithinDeadline).
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}

async function main(): Promise<void> {
  loadConfigOrExit();
  const app = await createWorker();
  const config = app.get<AppConfig>(APP_CONFIG);
  exitWithinDeadline(app.get(Logger), config.shutdownTimeoutMs, 'the jobs in progress');
  await app.listen(config.workerHealthPort, '127.0.0.1');
  app.get(Logger).log(`Worker running; health on http://127.0.0.1:${config.workerHealthPort}/health`);
}

if (require.main === module) void main();
