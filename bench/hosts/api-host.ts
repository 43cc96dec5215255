/** Child process: the real API (createApi) on a free port; tells the parent its port over IPC. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createSecretKey, KeyObject } from 'node:crypto';

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

async function main(): Promise<void> {
  applyPatches();
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
  // The bench driver died (killed, timed out): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', port });
}

main().catch((e) => {
  process.stderr.write(`api-host: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
