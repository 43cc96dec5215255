/** Child process: the real API (createApi) on a free port; tells the parent its port over IPC. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createSecretKey, KeyObject } from 'node:crypto';
import { createServer } from 'node:net';
import { answerGcRequests } from './gc-on-request';

/**
 * Diagnosis only (BENCH_API_PATCH=jwtkey,noals; never set by `npm run bench`): what the API would cost
 * with a change, measured without editing product code.
 * - jwtkey: JWT verification with a KeyObject made once (jsonwebtoken otherwise tries the HMAC secret
 *   string as a PEM public key on every verify, ~0.4 ms of CPU).
 * - noals: AsyncLocalStorage.run() as a plain call (nestjs-pino's per-request store installs promise
 *   hooks that every await then pays for); request-scoped log fields are lost.
 */
function applyPatches(): void {
  const patches = (process.env.BENCH_API_PATCH ?? '').split(',').filter(Boolean);
  if (patches.includes('noals')) {
    AsyncLocalStorage.prototype.run = function run<R>(_store: unknown, cb: (...a: unknown[]) => R, ...args: unknown[]): R {
      return cb(...args);
    } as never;
  }
  if (patches.includes('jwtkey')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JwtService } = require('@nestjs/jwt');
    const keys = new Map<string, KeyObject>();
    const verifyAsync = JwtService.prototype.verifyAsync;
    JwtService.prototype.verifyAsync = function (token: string, options: { secret?: unknown; algorithms?: string[] } = {}) {
      if (typeof options.secret === 'string') {
        let key = keys.get(options.secret);
        if (!key) keys.set(options.secret, (key = createSecretKey(Buffer.from(options.secret))));
        options = { ...options, secret: key, algorithms: options.algorithms ?? ['HS256'] };
      }
      return verifyAsync.call(this, token, options);
    };
  }
}

/**
 * API_PROCESSES > 1: the product's own cluster mode (runApi: a primary forking the API processes) on a
 * free port; the primary reports the port and the processes' pids once the port answers.
 */
async function mainClustered(): Promise<void> {
  const cluster = (await import('node:cluster')).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runApi } = require('../../apps/api/src/main') as typeof import('../../apps/api/src/main');
  if (cluster.isPrimary) process.env.PORT = String(await freePort());
  await runApi();
  if (!cluster.isPrimary) return;
  const port = Number(process.env.PORT);
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up && Object.keys(cluster.workers ?? {}).length === Number(process.env.API_PROCESSES)) break;
    if (i > 600) throw new Error('clustered API did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
  // Each process answers once the port does; give the last one a moment to finish booting.
  await new Promise((r) => setTimeout(r, 2000));
  process.on('message', (m: { type: string }) => {
    if (m?.type === 'stop') process.kill(process.pid, 'SIGTERM');
  });
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.send!({ type: 'ready', port, pids: Object.values(cluster.workers ?? {}).map((w) => w!.process.pid) });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  applyPatches();
  if (Number(process.env.API_PROCESSES ?? 1) > 1) return mainClustered();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createApi } = require('../../apps/api/src/main') as typeof import('../../apps/api/src/main');
  const app = await createApi();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.on('message', (m: { type: string }) => {
    if (m?.type === 'stop') {
      void app.close().finally(() => process.exit(0));
    }
  });
  answerGcRequests();
  // The bench driver died (killed, timed out): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', port });
}

main().catch((e) => {
  process.stderr.write(`api-host: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
