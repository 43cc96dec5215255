import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

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

/**
 * helmet's usual headers (nosniff, frame and referrer policies, HSTS, cross-origin isolation of the
 * responses) on every response, ahead of every route: helmet sets them on the raw response, which
 * Fastify's answer keeps. Fastify sends no `X-Powered-By`.
 */
export function applySecurityHeaders(fastify: FastifyInstance): void {
  const common = helmet({ contentSecurityPolicy: false });
  const csp = helmet.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
  fastify.addHook('onRequest', (req, reply, done) => {
    common(req.raw, reply.raw, (err?: unknown) => {
      if (err || OWN_POLICY_PATHS.test(req.url)) return done(err as Error | undefined);
      csp(req.raw, reply.raw, (e?: unknown) => done(e as Error | undefined));
    });
  });
}
