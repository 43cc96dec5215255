import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { APP_CONFIG, AppConfig, loadConfigOrExit } from '@app/config';
import { assertStageGraphSound } from '@app/domain';
import { AppModule } from './app.module';
import { serveWebApp } from './web/serve-web-app';
import { applySecurityHeaders } from './security/security-headers';
import { exitWithinDeadline } from '@app/core';
import { isClusterPrimary, runApiCluster } from './cluster/api-cluster';

export async function createApi(): Promise<NestExpressApplication> {
  assertStageGraphSound();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '512kb' });
  app.set('trust proxy', 'loopback');
  applySecurityHeaders(app);
  serveWebApp(app);
  // On SIGTERM/SIGINT: drain, close, exit 0 (bounded in main by exitWithinDeadline).
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}

/** The API process entry: with API_PROCESSES > 1 this process becomes the cluster's primary. */
export async function runApi(): Promise<void> {
  const boot = loadConfigOrExit();
  if (isClusterPrimary(boot.apiProcesses)) {
    // The primary only forks and supervises; each forked process runs this file again as an API process.
    const logger = pino({ level: boot.logLevel, name: 'api-primary' });
    runApiCluster(boot.apiProcesses, boot.shutdownTimeoutMs, { log: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) });
    return;
  }
  const app = await createApi();
  const config = app.get<AppConfig>(APP_CONFIG);
  exitWithinDeadline(app.get(Logger), config.shutdownTimeoutMs);
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`API listening on http://localhost:${config.port}/graphql (process ${process.pid})`);
}

if (require.main === module) void runApi();
