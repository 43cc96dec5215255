import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '@app/config';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The built dashboard (apps/web/dist, made by `vite build`): `configured` (WEB_DIST_DIR), else found from the cwd or this file up. */
export function webDistDir(configured: string | null): string | null {
  const candidates = [configured, resolve(process.cwd(), 'apps/web/dist')];
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'apps/web/dist'));
  return candidates.find((d): d is string => !!d && existsSync(join(d, 'index.html'))) ?? null;
}

/** Paths the API answers itself: never the SPA's. */
const API_PATHS = /^\/(graphql|health|metrics|reports|admin)(\/|$)/;

/**
 * Serves the dashboard SPA at `/`: its files, and index.html for any other GET that asks for HTML
 * (client-side routes). Plain Express middleware ahead of Nest's routes, so the AccessGuard does not
 * apply: the static files are public, every API call still needs its token.
 */
export function serveWebApp(app: NestExpressApplication): void {
  const dir = webDistDir(app.get<AppConfig>(APP_CONFIG).webDistDir);
  if (!dir) {
    app.get(Logger).warn('Dashboard not built (no apps/web/dist/index.html): `/` serves no web app');
    return;
  }
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: { setHeader(n: string, v: string): void }, path: string) =>
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const index = join(dir, 'index.html');
  type Req = { method: string; path: string; accepts(type: string): string | false };
  type Res = { setHeader(n: string, v: string): void; sendFile(p: string): void };
  app.use((req: Req, res: Res, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || /\.[A-Za-z0-9]+$/.test(req.path) || !req.accepts('html')) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
