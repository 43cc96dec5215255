import type { IncomingMessage } from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { pathOf } from '../http/fastify-setup';

type RequestWithId = IncomingMessage & { id?: string };

/** The id of the request the running code serves: pino's mixin adds it to every log line made meanwhile. */
const currentRequest = new AsyncLocalStorage<string>();

/** Not logged: probes and scrapes, many a minute. */
const UNLOGGED_PATHS = new Set(['/health', '/metrics']);

/**
 * A request's id: a valid `x-request-id` from the caller, else a new uuid. Fastify's `genReqId`: one id for the
 * request's log lines, its audit rows and its answer.
 */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  (req as RequestWithId).id = id;
  return id;
}

/**
 * The API's root logger options (given to nestjs-pino): every line logged while a request runs names it
 * (`req.id`), whoever logs it.
 */
export function requestLogging(level: string): LoggerOptions {
  return {
    level,
    // The lines below name their fields themselves. nestjs-pino builds the root logger with pino-http, which hands
    // a serializer pino's view of a Node request or response, the logged object itself as its `raw`.
    serializers: { req: (req: { raw?: unknown }) => req.raw ?? req, res: (res: { raw?: unknown }) => res.raw ?? res },
    mixin: () => {
      const id = currentRequest.getStore();
      return id === undefined ? {} : { req: { id } };
    },
  };
}

/**
 * One line per request once it is answered: its id (echoed in `x-request-id`), method, URL, the caller's
 * address, status and time. No headers: they are not needed to follow a request and may carry tokens.
 * Fastify hooks rather than pino-http's middleware: Nest middleware does not reach the routes on this adapter,
 * and pino-http's per-request child logger cost a fifth of the request floor's CPU (bench/NOTES.md).
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    currentRequest.run(req.id, done);
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const logger = PinoLogger.root;
    const status = reply.statusCode;
    // The line is made only when its level is logged (the benchmarks and tests run at warn).
    if (logger?.isLevelEnabled(status >= 500 ? 'error' : 'info') && !UNLOGGED_PATHS.has(pathOf(req.url))) {
      const line = {
        req: { id: req.id, method: req.method, url: req.url, remoteAddress: req.ip },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (status >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
