import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '@app/config';
import { assertStageGraphSound } from '@app/domain';
import { WorkerModule } from './worker.module';
import { exitWithinDeadline } from './observability/graceful-shutdown';

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
  try {
    loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createWorker();
  const config = app.get<AppConfig>(APP_CONFIG);
  exitWithinDeadline(app.get(Logger), config.shutdownTimeoutMs);
  await app.listen(config.workerHealthPort, '127.0.0.1');
  app.get(Logger).log(`Worker running; health on http://127.0.0.1:${config.workerHealthPort}/health`);
}

if (require.main === module) void main();
