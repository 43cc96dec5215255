import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { HttpLogger, Options, pinoHttp } from 'pino-http';

type LoggedRequest = { id?: unknown; method?: string; url?: string; remoteAddress?: string };
type LoggedResponse = { statusCode?: number };

type RequestWithId = IncomingMessage & { id?: string };

/**
 * A request's id: a valid `x-request-id` from the caller, else a new uuid. Fastify asks first
 * (`genReqId`) and the id is kept on the raw request, where pino-http finds it: one id for the
 * request's log lines, its audit rows and its answer.
 */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  (req as RequestWithId).id = id;
  return id;
}

/**
 * pino-http's options: one line per request with its id (a valid `x-request-id` from the caller,
 * else a new uuid, echoed in the response), method, URL and status. No headers: they are not
 * needed to follow a request, may carry tokens, and serialising them on every request was a
 * measurable part of the request floor (bench/NOTES.md).
 */
export function requestLogging(level: string): Options<IncomingMessage, ServerResponse> {
  return {
    level,
    genReqId: (req) => (req as RequestWithId).id ?? requestId(req),
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
      res: (res: LoggedResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  };
}

/**
 * One log line per request (pino-http on the raw request and response, with the options above), and
 * every log made while the request runs bound to it (nestjs-pino's request context). A Fastify
 * `onRequest` hook, first of all: Nest middleware, which nestjs-pino would use, does not reach the
 * routes here (LoggerModule is given no routes; docs/architecture.md#the-http-stack).
 */
export function logRequests(fastify: FastifyInstance, logger: PinoLogger, level: string): void {
  let httpLogger: HttpLogger | undefined;
  fastify.addHook('onRequest', (req, reply, done) => {
    // The root logger exists once LoggerModule is set up (before the first request).
    httpLogger ??= pinoHttp({ ...requestLogging(level), logger: PinoLogger.root });
    httpLogger(req.raw, reply.raw);
    void reply.header('x-request-id', req.id);
    logger.runInContext(done, { bindings: { req: req.raw } });
  });
}
