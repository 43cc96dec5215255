import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

type Req = { path: string };
type Next = (e?: unknown) => void;

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
 * No `X-Powered-By`, and helmet's usual headers (nosniff, frame and referrer policies, HSTS,
 * cross-origin isolation of the responses) on every response, ahead of every route.
 */
export function applySecurityHeaders(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: false }));
  const csp = helmet.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
  app.use((req: Req, res: unknown, next: Next) => (OWN_POLICY_PATHS.test(req.path) ? next() : csp(req as never, res as never, next)));
}
