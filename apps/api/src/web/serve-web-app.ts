import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import Negotiator from 'negotiator';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@app/config';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathOf } from '../http/fastify-setup';

/** The built dashboard (apps/web/dist, made by `vite build`): `configured` (WEB_DIST_DIR), else found from the cwd or this file up. */
export function webDistDir(configured: string | null): string | null {
  const candidates = [configured, resolve(process.cwd(), 'apps/web/dist')];
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'apps/web/dist'));
  return candidates.find((d): d is string => !!d && existsSync(join(d, 'index.html'))) ?? null;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * The dashboard's index.html naming this deployment's product (PRODUCT_NAME): as its title, and in
 * `<meta name="cdcs-product-name">`, which the SPA reads for its login page and header before anyone logs in.
 */
export function withProductName(html: string, productName: string): string {
  const name = escapeHtml(productName);
  return html
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${name}</title>`)
    .replace(/<\/head>/i, () => `  <meta name="cdcs-product-name" content="${name}" />\n  </head>`);
}

/** Paths the API answers itself: never the SPA's. */
const API_PATHS = /^\/(graphql|health|metrics|reports|documents|admin)(\/|$)/;

/** Whether a request asks for a page (as Express's `req.accepts('html')` read it: no Accept header accepts anything). */
function acceptsHtml(accept: string | undefined): boolean {
  return !accept || new Negotiator({ headers: { accept } }).mediaType(['text/html']) !== undefined;
}

/**
 * Serves the dashboard SPA at `/`: its files (a route for each file of the build), and index.html
 * for any other GET that asks for HTML (client-side routes), answered in an `onRequest` hook ahead
 * of Nest's routes, so the AccessGuard does not apply: the static files are public, every API call
 * still needs its token.
 */
export function serveWebApp(app: NestFastifyApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const dir = webDistDir(config.webDistDir);
  if (!dir) {
    app.get(Logger).warn('Dashboard not built (no apps/web/dist/index.html): `/` serves no web app');
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    wildcard: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = withProductName(readFileSync(join(dir, 'index.html'), 'utf8'), config.productName);
  fastify.addHook('onRequest', (req, reply, done) => {
    const path = pathOf(req.url);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(path) || /\.[A-Za-z0-9]+$/.test(path) || !acceptsHtml(req.headers.accept)) {
      return done();
    }
    void reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
}
