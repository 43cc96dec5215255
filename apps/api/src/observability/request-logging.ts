import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Options } from 'pino-http';

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
    genReqId: (req, res) => {
      const id = (req as RequestWithId).id ?? requestId(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
      res: (res: LoggedResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  };
}
