import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { pathOf } from '../http/fastify-setup';

/**
 * The dashboard's policy: its own scripts, styles, fonts and API only (the built SPA loads nothing
 * from elsewhere and runs no inline script). No `upgrade-insecure-requests`: behind a plain-HTTP
 * address it would send the SPA's requests to an https port that does not answer.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
};

/**
 * Pages served by third-party code with inline scripts of their own: GraphiQL (GET /graphql, outside
 * production) and bull-board (ADMINs only). They keep the other headers, without the CSP.
 */
const OWN_POLICY_PATHS = /^\/(graphql|admin\/queues)(\/|$)/;

/** The headers a helmet middleware sets (all of them fixed by its options), read once from a stand-in response. */
function headersOf(middleware: (req: never, res: never, next: (err?: unknown) => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)), removeHeader: () => undefined };
  middleware({} as never, res as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet refused its options');
  });
  return headers;
}

/**
 * helmet's usual headers (nosniff, frame and referrer policies, HSTS, cross-origin isolation of the
 * responses) on every response, ahead of every route. helmet's answers depend on its options only,
 * so they are read from it once and set by one `onRequest` hook (running helmet's eleven
 * middlewares on every request showed in the request floor's profile). Fastify sends no `X-Powered-By`.
 */
export function applySecurityHeaders(fastify: FastifyInstance): void {
  const common = headersOf(helmet({ contentSecurityPolicy: false }));
  const withPolicy = { ...common, ...headersOf(helmet.contentSecurityPolicy(CONTENT_SECURITY_POLICY)) };
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(OWN_POLICY_PATHS.test(pathOf(req.url)) ? common : withPolicy);
    done();
  });
}
