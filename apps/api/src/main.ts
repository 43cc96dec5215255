import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { APP_CONFIG, AppConfig, loadConfigOrExit } from '@app/config';
import { assertStageGraphSound } from '@app/domain';
import { AppModule } from './app.module';
import { serveWebApp } from './web/serve-web-app';
import { applySecurityHeaders } from './security/security-headers';
import { exitWithinDeadline } from '@app/core';
import { isClusterPrimary, runApiCluster } from './cluster/api-cluster';
import { logRequests, requestId } from './observability/request-logging';
import { acceptUploadsUnparsed, closeIdleConnectionsOnShutdown } from './http/fastify-setup';

/** The JSON body limit of every route (GraphQL included); uploads are multipart and limited on their own. */
export const JSON_BODY_LIMIT = 512 * 1024;

/**
 * The API on Fastify (docs/architecture.md#the-http-stack): chosen over Express by the request-floor
 * benchmark (bench/NOTES.md). Request ids come from Fastify, so the logs, the audit rows and the
 * `x-request-id` answer share one.
 */
export async function createApi(): Promise<NestFastifyApplication> {
  assertStageGraphSound();
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    // Node's own default, which Fastify turns off (0): a request still arriving after 5 minutes is cut (slow clients).
    requestTimeout: 300_000,
    trustProxy: 'loopback',
    genReqId: requestId,
    // Fastify's own request logging stays off: logRequests logs one line per request.
    logger: false,
    // No Nest middleware here (requests are logged by a hook): no middie hook on every request.
    skipMiddie: true,
  });
  // Fastify's own JSON parser (with its body limit); Nest's wrapper around it added a step to every request.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify);
  acceptUploadsUnparsed(fastify);
  closeIdleConnectionsOnShutdown(fastify);
  applySecurityHeaders(fastify);
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
