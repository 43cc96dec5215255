import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const WEB_DIR = join(ROOT, 'apps/web');
export const WEB_INDEX = join(WEB_DIR, 'dist/index.html');
/** The domain's pure modules (the stage graph) are built into the SPA too (`@app/domain/*` in apps/web/vite.config.mts). */
const DOMAIN_DIR = join(ROOT, 'libs/domain/src');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the dashboard SPA (vite) when apps/web/dist is missing or older than its sources (and the domain's), so that
 * the API started by TestApi serves the current app (npm test builds it first; a bare jest run does it in the global
 * setup, before the workers start; a browser suite calls it again, a no-op then, when run on its own).
 */
export function ensureWebBuild(): void {
  if (existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= Math.max(newestSource(WEB_DIR), newestSource(DOMAIN_DIR))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/** Debian's Chromium (Playwright's own browser download cannot work here), with the flags this machine needs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
